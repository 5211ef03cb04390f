import { formatShape, type Matrix, raise, type StepwiseError, shapeError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { type Checked, checkFiniteData, checkOneBackend, trustChecked } from "./checked.js";

/** The course's dictionary keys: `W1, b1, …, WL, bL`. */
export type WeightKey = `W${number}`;
export type BiasKey = `b${number}`;
export type ParameterKey = WeightKey | BiasKey;

/** `parameters["W" + l]` is `(n_l, n_{l-1})`, `parameters["b" + l]` is `(n_l, 1)`. */
export type Parameters = Readonly<Partial<Record<ParameterKey, Matrix>>>;

/** The course's gradient keys: `dW1, db1, …` and `dA0 … dA{L-1}`; `dZ1` only when a plan asks for it. */
export type GradKey = `dW${number}` | `db${number}` | `dA${number}` | `dZ${number}`;
export type Grads = Readonly<Partial<Record<GradKey, Matrix>>>;

/** Number of layers L: the course's `len(parameters) // 2`, counted by weight keys. */
export const layerCount = (parameters: Parameters): number =>
  Object.keys(parameters).filter((k) => /^W\d+$/.test(k)).length;

/** `parameters["W" + l]`, for code that has already validated the dictionary. */
export const weight = (parameters: Parameters, l: number): Matrix =>
  parameters[`W${l}`] ?? raise(shapeError(`parameters has no W${l}`));

export const bias = (parameters: Parameters, l: number): Matrix =>
  parameters[`b${l}`] ?? raise(shapeError(`parameters has no b${l}`));

/** `grads["dW" + l]` etc., for code that built the gradients itself. */
export const grad = (grads: Grads, key: GradKey): Matrix =>
  grads[key] ?? raise(shapeError(`grads has no ${key}`));

/** `[n_0, n_1, …, n_L]` read off the weights. */
export const layerDimsOf = (parameters: Parameters): ReadonlyArray<number> => {
  const L = layerCount(parameters);
  return L === 0
    ? []
    : [weight(parameters, 1).cols, ...Array.from({ length: L }, (_, l) => weight(parameters, l + 1).rows)];
};

export interface ParameterChecks {
  /**
   * Whether W_l must read W_{l−1}'s output (W_l's columns = W_{l−1}'s rows; default true). An update works
   * layer by layer, and the optimization notebook's own test cases have W1 (2, 3) under W2 (3, 3).
   */
  readonly chained?: boolean;
}

/**
 * Checks a parameters dictionary: keys W1..WL and b1..bL and nothing else, W_l of shape (n_l, n_{l-1})
 * chaining from `n_x` when given (unless `chained: false`), b_l of shape (n_l, 1). Returns L.
 */
export const validateParameters = (
  fn: string,
  parameters: Parameters,
  n_x?: number,
  { chained = true }: ParameterChecks = {},
): E.Either<StepwiseError, number> => {
  const L = layerCount(parameters);
  if (L === 0) return E.left(shapeError(`${fn}: parameters has no weights; expected W1, b1, …, WL, bL`));
  const expected = new Set<string>();
  let previous = n_x;
  for (let l = 1; l <= L; l++) {
    expected.add(`W${l}`).add(`b${l}`);
    const W = parameters[`W${l}`];
    const b = parameters[`b${l}`];
    if (W === undefined)
      return E.left(shapeError(`${fn}: parameters has ${L} weights but no W${l}; keys must run W1..W${L}`));
    if (b === undefined)
      return E.left(
        shapeError(`${fn}: parameters has W${l} but no b${l}; every layer l needs both W${l} and b${l}`),
      );
    if (chained && previous !== undefined && W.cols !== previous)
      return E.left(
        shapeError(
          `${fn}: W${l} is ${formatShape(W)} but the layer below has ${previous} units; W${l} must be (n_${l}, ${previous})`,
        ),
      );
    if (b.rows !== W.rows || b.cols !== 1)
      return E.left(
        shapeError(
          `${fn}: b${l} is ${formatShape(b)} but W${l} is ${formatShape(W)}; b${l} must be (${W.rows}, 1)`,
        ),
      );
    previous = W.rows;
  }
  const extra = Object.keys(parameters).filter((k) => !expected.has(k));
  return extra.length > 0
    ? E.left(
        shapeError(
          `${fn}: parameters has unexpected keys ${extra.join(", ")}; expected W1, b1, …, W${L}, b${L}`,
        ),
      )
    : E.right(L);
};

/**
 * A network's parameters, checked once at the edge: `validateParameters`' keys and shapes (chaining from
 * `n_x` when given), every number finite, all on one backend. The result is what the loop trusts.
 */
export const checkParameters = (
  fn: string,
  parameters: Parameters,
  n_x?: number,
  checks: ParameterChecks = {},
): E.Either<StepwiseError, Checked<Parameters>> =>
  pipe(
    validateParameters(fn, parameters, n_x, checks),
    E.flatMap(() => {
      const named = Object.entries(parameters).flatMap(([key, m]) =>
        m === undefined ? [] : [[`parameters["${key}"]`, m] as const],
      );
      const bad = named
        .map(([name, m]) =>
          checkFiniteData(
            fn,
            name,
            m,
            "the parameters hold NaN or ±Infinity: a run that diverged (lower the learning rate) or a damaged model file",
          ),
        )
        .find(E.isLeft);
      return bad ?? checkOneBackend(fn, named);
    }),
    E.map(() => trustChecked(parameters)),
  );

/** Builds a dictionary from per-layer pairs: `fromLayers([[W1, b1], [W2, b2]])`. */
export const fromLayers = (layers: ReadonlyArray<readonly [W: Matrix, b: Matrix]>): Parameters =>
  Object.fromEntries(
    layers.flatMap(([W, b], i) => [
      [`W${i + 1}`, W],
      [`b${i + 1}`, b],
    ]),
  );
