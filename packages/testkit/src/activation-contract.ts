import type { Activation, ActivationCache } from "@stepwise/core";
import type { Matrix } from "@stepwise/tensor";
import fc from "fast-check";
import {
  at,
  type ContractCheck,
  type ContractSettings,
  type EdgeCase,
  expectIdentical,
  expectSameShape,
  expectUnchanged,
  fail,
  firstNonFinite,
  forAllInputs,
  frozenMatrix,
  metaChecks,
  pattern,
  realIn,
  settingsWithDefaults,
} from "./check.js";
import { finiteDifferenceVjpEstimate } from "./finite-difference.js";
import { short } from "./format.js";

export type ActivationCheckName =
  | 'meta.kind is "activation"'
  | "meta.name is a snake_case name"
  | "the plugin object is frozen"
  | "forward keeps the shape"
  | "backward keeps the shape"
  | "forward does not mutate its input"
  | "backward does not mutate its inputs"
  | "deterministic"
  | "finite at extreme inputs"
  | "backward agrees with finite differences";

export interface ActivationContractOptions extends ContractSettings {
  /** z values where g is not differentiable (relu: `[0]`); the finite-difference check skips z near them. */
  readonly kinks?: ReadonlyArray<number>;
  /** How near a kink counts as at it (default 1e-3, well above epsilon). */
  readonly kinkRadius?: number;
  /** The values Z is built from for "finite at extreme inputs" (default `DEFAULT_EXTREMES`). */
  readonly extremes?: ReadonlyArray<number>;
}

/**
 * ±50 and 0 with values around them, and ±710 / ±1000: `exp` overflows past 709.78, and pre-activations of
 * unnormalized inputs (pixels 0–255) reach it, so a naive `exp(z) / (1 + exp(z))` (finite at ±50) is caught.
 */
export const DEFAULT_EXTREMES: ReadonlyArray<number> = [
  0, -0, 1e-8, -1e-8, 1, -1, 49.9, -49.9, 50, -50, 50.1, -50.1, 710, -710, 1000, -1000,
];

/** Z and the upstream gradient dA, as plain data. */
export interface ActivationInput {
  readonly rows: number;
  readonly cols: number;
  readonly Z: ReadonlyArray<number>;
  readonly dA: ReadonlyArray<number>;
}

const withPattern = (label: string, rows: number, cols: number, Z: ReadonlyArray<number>) => ({
  label,
  input: { rows, cols, Z, dA: pattern(rows * cols) },
});

/** The fixed table every check runs before the random inputs. */
const EDGE_CASES: ReadonlyArray<EdgeCase<ActivationInput>> = [
  withPattern("a single zero", 1, 1, [0]),
  withPattern("values around 0", 2, 4, [0, -0, 0.01, -0.01, 0.5, -0.5, 1, -1]),
  withPattern("±50 and around", 3, 2, [50, -50, 49.5, -49.5, 50.5, -50.5]),
  withPattern("a mixed column", 5, 1, [-5, -1, 0, 1, 5]),
  withPattern("a wide row", 1, 6, [-3, -2, -1, 1, 2, 3]),
];

const extremeCases = (extremes: ReadonlyArray<number>): ReadonlyArray<EdgeCase<ActivationInput>> => {
  const n = extremes.length;
  if (n === 0) return [];
  return [
    withPattern("every extreme in one row", 1, n, extremes),
    withPattern("every extreme in one column", n, 1, extremes),
    withPattern(
      "each extreme repeated down a column",
      3,
      n,
      [0, 1, 2].flatMap(() => extremes),
    ),
    withPattern("extremes beside their mirror images", 2, n, [...extremes, ...[...extremes].reverse()]),
  ];
};

const inputs = (zLow: number, zHigh: number): fc.Arbitrary<ActivationInput> =>
  fc
    .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 5 }) })
    .chain(({ rows, cols }) => {
      const values = (min: number, max: number) =>
        fc.array(realIn(min, max), { minLength: rows * cols, maxLength: rows * cols });
      return fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        Z: values(zLow, zHigh),
        dA: values(-2, 2),
      });
    });

const Zof = ({ rows, cols, Z }: ActivationInput): Matrix => frozenMatrix(rows, cols, Z);
const dAof = ({ rows, cols, dA }: ActivationInput): Matrix => frozenMatrix(rows, cols, dA);

/** A frozen copy of the cache, so backward sees frozen records and the originals stay the plugin's. */
const frozenCache = (cache: ActivationCache): ActivationCache =>
  Object.freeze({
    ...cache,
    Z: frozenMatrix(cache.Z.rows, cache.Z.cols, cache.Z.data),
    A: frozenMatrix(cache.A.rows, cache.A.cols, cache.A.data),
  });

const nearKink = (z: number, kinks: ReadonlyArray<number>, radius: number): boolean =>
  kinks.some((k) => Math.abs(z - k) < radius);

/**
 * The activation contract as a list of checks, each throwing on a violation. `runActivationContract`
 * registers them as vitest tests; call them directly to test the contract itself.
 */
export const activationChecks = (
  plugin: Activation,
  options: ActivationContractOptions = {},
): ReadonlyArray<ContractCheck<ActivationCheckName>> => {
  const settings = settingsWithDefaults(options);
  const { kinks = [], kinkRadius = 1e-3, extremes = DEFAULT_EXTREMES } = options;
  const { epsilon, rtol, atol } = settings;
  const random = inputs(-6, 6);
  const forAll = (property: (input: ActivationInput) => void): void =>
    forAllInputs(EDGE_CASES, random, property, settings);
  const widest = Math.max(...extremes.map(Math.abs).filter(Number.isFinite), 1);

  return [
    ...metaChecks(plugin, "activation"),
    {
      name: "forward keeps the shape",
      run: () =>
        forAll((input) => {
          const Z = Zof(input);
          expectSameShape("forward(Z)'s A", plugin.forward(Z)[0], Z);
        }),
    },
    {
      name: "backward keeps the shape",
      run: () =>
        forAll((input) => {
          const dA = dAof(input);
          expectSameShape("backward(dA, cache)'s dZ", plugin.backward(dA, plugin.forward(Zof(input))[1]), dA);
        }),
    },
    {
      name: "forward does not mutate its input",
      run: () =>
        forAll((input) => {
          const Z = Zof(input);
          const before = Z.data.slice();
          plugin.forward(Z);
          expectUnchanged("forward's input Z", Z, before);
        }),
    },
    {
      name: "backward does not mutate its inputs",
      run: () =>
        forAll((input) => {
          const dA = dAof(input);
          const cache = frozenCache(plugin.forward(Zof(input))[1]);
          const [dABefore, ZBefore, ABefore] = [dA.data.slice(), cache.Z.data.slice(), cache.A.data.slice()];
          plugin.backward(dA, cache);
          expectUnchanged("backward's input dA", dA, dABefore);
          expectUnchanged("backward's cache.Z", cache.Z, ZBefore);
          expectUnchanged("backward's cache.A", cache.A, ABefore);
        }),
    },
    {
      name: "deterministic",
      run: () =>
        forAll((input) => {
          // Separate copies, so a plugin that mutates its input is reported by that check, not this one.
          const [A1, cache1] = plugin.forward(Zof(input));
          const [A2, cache2] = plugin.forward(Zof(input));
          expectIdentical("forward(Z)", A1, A2);
          expectIdentical(
            "backward(dA, cache)",
            plugin.backward(dAof(input), cache1),
            plugin.backward(dAof(input), cache2),
          );
        }),
    },
    {
      name: "finite at extreme inputs",
      run: () =>
        forAllInputs(
          extremeCases(extremes),
          inputs(-widest, widest),
          (input) => {
            const Z = Zof(input);
            const [A, cache] = plugin.forward(Z);
            const badA = firstNonFinite(A);
            if (badA >= 0)
              fail(
                `forward(Z) gives A = ${A.data[badA]} at ${at(A, badA)}${
                  badA < Z.data.length ? ` where z = ${Z.data[badA]}` : ""
                }; an activation must be finite for every finite z: use a numerically stable form (no exp of a large positive number, no 1 - a once a has saturated to 1)`,
              );
            const dZ = plugin.backward(dAof(input), cache);
            const badDZ = firstNonFinite(dZ);
            if (badDZ >= 0)
              fail(
                `backward(dA, cache) gives dZ = ${dZ.data[badDZ]} at ${at(dZ, badDZ)}${
                  badDZ < Z.data.length ? ` where z = ${Z.data[badDZ]}` : ""
                }; the derivative must be finite wherever forward is (write it in terms of a = g(z) when that is stabler)`,
              );
          },
          settings,
        ),
    },
    {
      name: "backward agrees with finite differences",
      run: () =>
        forAll((input) => {
          const dZ = plugin.backward(dAof(input), plugin.forward(Zof(input))[1]);
          expectSameShape("backward(dA, cache)'s dZ", dZ, Zof(input));
          // Fresh Z and dA: the estimate must not depend on whether forward or backward spoiled the first ones.
          const { gradient, roundoff } = finiteDifferenceVjpEstimate(
            (Z) => plugin.forward(Z)[0],
            Zof(input),
            dAof(input),
            epsilon,
          );
          for (let i = 0; i < dZ.data.length; i++) {
            const z = input.Z[i] as number;
            if (nearKink(z, kinks, kinkRadius)) continue;
            const analytic = dZ.data[i] as number;
            const numeric = gradient.data[i] as number;
            const tolerance =
              atol + rtol * Math.max(Math.abs(analytic), Math.abs(numeric)) + (roundoff.data[i] as number);
            const where = `at ${at(dZ, i)} where z = ${z} and dA = ${input.dA[i]}: backward gives dZ = ${analytic}, finite differences of Σ dA ⊙ forward(Z) give ${numeric}`;
            if (!(Number.isFinite(analytic) && Number.isFinite(numeric)))
              fail(
                `backward cannot be checked ${where}; both must be finite (see "finite at extreme inputs")`,
              );
            if (!(Math.abs(analytic - numeric) <= tolerance))
              fail(
                `backward disagrees with central finite differences ${where}; |difference| ${short(Math.abs(analytic - numeric))} > tolerance ${short(tolerance)} (atol ${short(atol)} + rtol ${short(rtol)}·|dZ| + round-off). Check the derivative${
                  kinks.length === 0 ? "; if g has a kink at this z, declare it: { kinks: [z] }" : ""
                }`,
              );
          }
        }),
    },
  ];
};
