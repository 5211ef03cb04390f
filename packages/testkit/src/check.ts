import { isBaseName, type PluginKind } from "@stepwise/core";
import { formatShape, type Matrix, sameShape, unsafeMatrix } from "@stepwise/tensor";
import fc from "fast-check";

/** One clause of a plugin contract: `run` throws an informative error when the plugin breaks it. */
export interface ContractCheck<Name extends string = string> {
  readonly name: Name;
  readonly run: () => void;
}

/** Settings both contracts accept. */
export interface ContractSettings {
  /** Finite-difference step (default 1e-6). */
  readonly epsilon?: number;
  /** Relative tolerance of the finite-difference comparison (default 1e-6). */
  readonly rtol?: number;
  /** Absolute floor of that tolerance (default 1e-8). */
  readonly atol?: number;
  /** fast-check seed (default 42): the same inputs on every run and machine. */
  readonly seed?: number;
  /** fast-check runs per property (default 50). */
  readonly numRuns?: number;
}

export const settingsWithDefaults = ({
  epsilon = 1e-6,
  rtol = 1e-6,
  atol = 1e-8,
  seed = 42,
  numRuns = 50,
}: ContractSettings): Required<ContractSettings> => ({ epsilon, rtol, atol, seed, numRuns });

const GRID = 2 ** 31 - 1;

/**
 * Reals in [min, max]. fc.double alone draws uniformly over representable doubles, so over 90% of its draws
 * from [-6, 6] are below 1e-3 in size; mostly a uniform grid, with fc.double's 0, ±tiny and bounds mixed in.
 */
export const realIn = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(
    {
      arbitrary: fc
        .noBias(fc.integer({ min: 0, max: GRID }))
        .map((k) => Math.min(max, min + ((max - min) * k) / GRID)),
      weight: 4,
    },
    { arbitrary: fc.double({ min, max, noNaN: true }), weight: 1 },
  );

/** An edge case of a fixed table, named so a failure says which one. */
export interface EdgeCase<Input> {
  readonly label: string;
  readonly input: Input;
}

/**
 * A fresh Matrix whose record is frozen. Its Float64Array cannot be frozen (typed arrays with elements
 * refuse), so checks compare the data against a copy instead.
 */
export const frozenMatrix = (rows: number, cols: number, values: ArrayLike<number>): Matrix =>
  Object.freeze(unsafeMatrix(rows, cols, Float64Array.from(values)));

export const violation = (message: string, cause?: unknown): Error =>
  Object.assign(new Error(message, cause === undefined ? undefined : { cause }), {
    name: "ContractViolation",
  });

export const fail = (message: string): never => {
  throw violation(message);
};

export const at = (m: Matrix, index: number): string => `(${Math.floor(index / m.cols)}, ${index % m.cols})`;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Runs a property on every edge case (failures name the case), then on fast-check's seeded inputs. */
export const forAllInputs = <Input>(
  edgeCases: ReadonlyArray<EdgeCase<Input>>,
  arbitrary: fc.Arbitrary<Input>,
  property: (input: Input) => void,
  { seed, numRuns }: Required<ContractSettings>,
): void => {
  for (const { label, input } of edgeCases) {
    try {
      property(input);
    } catch (e) {
      throw violation(`edge case "${label}": ${messageOf(e)}`, e);
    }
  }
  // fc.check, not fc.assert: fc.assert's message omits the error, which is the part that says what broke.
  const details = fc.check(
    fc.property(arbitrary, (input) => {
      property(input);
    }),
    { seed, numRuns },
  );
  if (details.failed)
    throw violation(
      `random input ${fc.stringify(details.counterexample?.[0])} (fast-check seed ${seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times): ${messageOf(details.errorInstance)}`,
      details.errorInstance,
    );
};

export const expectSameShape = (what: string, actual: Matrix, expected: Matrix): void => {
  if (!sameShape(actual, expected))
    fail(`${what} is ${formatShape(actual)} but should be ${formatShape(expected)}`);
};

/** Throws when `m.data` no longer holds `before` (Object.is, so NaN and -0 count). */
export const expectUnchanged = (what: string, m: Matrix, before: Float64Array): void => {
  if (m.data.length !== before.length)
    fail(`${what} changed size from ${before.length} to ${m.data.length} elements`);
  for (let i = 0; i < before.length; i++)
    if (!Object.is(m.data[i], before[i]))
      fail(
        `${what} was modified: element ${at(m, i)} was ${before[i]} and is now ${m.data[i]}; a plugin must never write into its inputs (Stepwise matrices are immutable by contract)`,
      );
};

/** Throws unless two results are identical element by element (Object.is: -0 ≠ 0, NaN = NaN). */
export const expectIdentical = (what: string, first: Matrix, second: Matrix): void => {
  expectSameShape(`${what} on the second call`, second, first);
  for (let i = 0; i < first.data.length; i++)
    if (!Object.is(first.data[i], second.data[i]))
      fail(
        `${what} is not deterministic: element ${at(first, i)} was ${first.data[i]} on the first call and ${second.data[i]} on the second, for the same inputs; a plugin must not keep state or draw random numbers`,
      );
};

/** Index of the first NaN or ±Infinity, or -1. */
export const firstNonFinite = (m: Matrix): number => m.data.findIndex((x) => !Number.isFinite(x));

type MetaCheckName<K extends PluginKind> =
  | `meta.kind is "${K}"`
  | "meta.name is a snake_case name"
  | "the plugin object is frozen";

interface HasMeta {
  readonly meta: { readonly kind: string; readonly name: string };
}

/** The checks every plugin kind shares: it says what it is, it is named as the course names things, it is frozen. */
export const metaChecks = <K extends PluginKind>(
  plugin: HasMeta,
  kind: K,
): ReadonlyArray<ContractCheck<MetaCheckName<K>>> => [
  {
    name: `meta.kind is "${kind}"`,
    run: () => {
      if (plugin.meta.kind !== kind)
        fail(
          `meta.kind is ${JSON.stringify(plugin.meta.kind)}; ${kind === "activation" ? "an" : "a"} ${kind} plugin's meta.kind must be "${kind}"`,
        );
    },
  },
  {
    name: "meta.name is a snake_case name",
    run: () => {
      const { name } = plugin.meta;
      // The base name exactly as written (no trimming: meta.name is what a model file records).
      if (typeof name !== "string" || !isBaseName(name.split("(")[0] ?? ""))
        fail(
          `meta.name is ${JSON.stringify(name)}; it must be snake_case as the course names things (lowercase letters, digits and _, starting with a letter), parameters in parentheses, e.g. "relu" or "leaky_relu(alpha=0.01)"`,
        );
    },
  },
  {
    name: "the plugin object is frozen",
    run: () => {
      if (!Object.isFrozen(plugin))
        fail(
          `the ${kind} plugin "${plugin.meta.name}" is not frozen, so anyone holding it could swap its functions after registration; build it with the define* factory of @stepwise/core or wrap it in Object.freeze`,
        );
    },
  },
];

/** The deterministic dA / dZ-like pattern the edge cases use: mixed signs and magnitudes. */
export const pattern = (n: number): ReadonlyArray<number> =>
  Array.from({ length: n }, (_, k) => [1, -0.5, 2, -1.5, 0.25][k % 5] as number);

/** All pairs `[a, b]` of two value lists, as the columns of a (1, |as|·|bs|) edge case. */
export const pairs = (
  as: ReadonlyArray<number>,
  bs: ReadonlyArray<number>,
): ReadonlyArray<readonly [number, number]> => as.flatMap((a) => bs.map((b) => [a, b] as const));
