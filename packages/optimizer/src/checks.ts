import { closestName, type Grads, type Hyperparameters, layerCount, type Parameters } from "@stepwise/core";
import {
  formatShape,
  invalidArgument,
  isAllFinite,
  type Matrix,
  raise,
  type StepwiseError,
  shapeError,
  stepwiseError,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { layerKeys } from "./moments.js";

/**
 * Validation as `Either`, for callers that want errors as values (configs, CLI flags). The course
 * functions run the same checks and throw the error (`raise`), as kernels do, so a bad value never turns
 * into NaN parameters three steps later.
 */

/** The course functions' half: throw the typed error. */
export const getOrRaise = <A>(result: E.Either<StepwiseError, A>): A =>
  E.isLeft(result) ? raise(result.left) : result.right;

/** `NaN`, `-0.1`, `"0.01" (a string)`: what the caller actually passed, for messages. */
const show = (value: unknown): string =>
  typeof value === "number" ? String(value) : `${JSON.stringify(value)} (a ${typeof value})`;

const isNumber = (value: unknown): value is number => typeof value === "number";

/** learning_rate: finite and ≥ 0 (0 is allowed: it freezes the parameters, which tests rely on). */
export const checkLearningRate = (
  fn: string,
  learning_rate: number,
  name = "learning_rate",
): E.Either<StepwiseError, number> =>
  isNumber(learning_rate) && Number.isFinite(learning_rate) && learning_rate >= 0
    ? E.right(learning_rate)
    : E.left(
        invalidArgument(
          `${fn}: ${name} is ${show(learning_rate)}; pass a finite number ≥ 0 (the course uses 0.0075 for the cat model, 0.01 for Adam)`,
        ),
      );

const typicalBeta: Readonly<Record<string, number>> = { beta: 0.9, beta1: 0.9, beta2: 0.999 };

/** beta, beta1, beta2 ∈ [0, 1): at 1 the average never forgets its start and Adam's bias correction divides by 0. */
export const checkBeta = (fn: string, name: string, beta: number): E.Either<StepwiseError, number> =>
  isNumber(beta) && beta >= 0 && beta < 1
    ? E.right(beta)
    : E.left(
        invalidArgument(
          `${fn}: ${name} is ${show(beta)}; pass a number in [0, 1)${
            typicalBeta[name] === undefined ? "" : ` (the course uses ${typicalBeta[name]})`
          }`,
        ),
      );

/** epsilon > 0 and finite: it is what keeps Adam's division away from 0. */
export const checkEpsilon = (fn: string, epsilon: number): E.Either<StepwiseError, number> =>
  isNumber(epsilon) && Number.isFinite(epsilon) && epsilon > 0
    ? E.right(epsilon)
    : E.left(
        invalidArgument(
          `${fn}: epsilon is ${show(epsilon)}; pass a small finite number > 0 (the course uses 1e-8)`,
        ),
      );

/** Adam's t, and the optimizers' step: an integer ≥ 1 (t = 0 would divide by 1 − β⁰ = 0). */
export const checkStep = (fn: string, name: string, t: number): E.Either<StepwiseError, number> =>
  isNumber(t) && Number.isInteger(t) && t >= 1
    ? E.right(t)
    : E.left(
        invalidArgument(
          `${fn}: ${name} is ${show(t)}; ${name} counts updates from 1 (an integer ≥ 1): pass 1 on the first update and add 1 after each`,
        ),
      );

/** A number that must be finite and ≥ 0 (epoch_num, decay_rate, learning_rate0). */
export const checkNonNegative = (fn: string, name: string, value: number): E.Either<StepwiseError, number> =>
  isNumber(value) && Number.isFinite(value) && value >= 0
    ? E.right(value)
    : E.left(invalidArgument(`${fn}: ${name} is ${show(value)}; pass a finite number ≥ 0`));

/** A number that must be finite and > 0 (time_interval). */
export const checkPositive = (fn: string, name: string, value: number): E.Either<StepwiseError, number> =>
  isNumber(value) && Number.isFinite(value) && value > 0
    ? E.right(value)
    : E.left(invalidArgument(`${fn}: ${name} is ${show(value)}; pass a finite number > 0`));

/** Index of the first NaN/±Infinity, or -1. */
const firstNonFinite = (m: Matrix): number => {
  for (let i = 0; i < m.data.length; i++) if (!Number.isFinite(m.data[i])) return i;
  return -1;
};

const checkFiniteEntry = (
  fn: string,
  name: string,
  key: string,
  m: Matrix,
  fix: string,
): E.Either<StepwiseError, void> => {
  const bad = firstNonFinite(m);
  return bad < 0
    ? E.right(undefined)
    : E.left(
        stepwiseError(
          "NonFinite",
          `${fn}: ${name}["${key}"] element (${Math.floor(bad / m.cols)}, ${bad % m.cols}) is ${m.data[bad]}; ${fix}`,
        ),
      );
};

const DIVERGED =
  "the run has diverged (lower learning_rate) or the backward pass is broken (run gradient_check_n)";

/** What to do about a dictionary that does not match the parameters, by its name. */
const fixes: Readonly<Record<string, string>> = {
  grads: "pass the grads that L_model_backward returned for these parameters",
  v: "start from initialize_velocity(parameters) or initialize_adam(parameters) and pass back what the last update returned",
  s: "start from initialize_adam(parameters) and pass back what the last update returned",
};

/**
 * The parameters: keys W1, b1, …, WL, bL and nothing else, all finite. Returns L. Unlike core's
 * `validateParameters` this does not chain the shapes (W_l.cols = W_{l−1}.rows): an update is layer by
 * layer, and the notebook's own test cases have W1 (2, 3) under W2 (3, 3).
 */
export const checkParameters = (fn: string, parameters: Parameters): E.Either<StepwiseError, number> =>
  parametersIn(fn, parameters, true);

const parametersIn = (
  fn: string,
  parameters: Parameters,
  finite: boolean,
): E.Either<StepwiseError, number> => {
  const L = layerCount(parameters);
  if (L === 0) return E.left(shapeError(`${fn}: parameters has no weights; expected W1, b1, …, WL, bL`));
  const keys = layerKeys(L);
  const weights = Object.keys(parameters).filter((k) => k.startsWith("W"));
  for (const [p] of keys) {
    const P = parameters[p];
    if (P === undefined)
      return E.left(
        shapeError(
          p.startsWith("b")
            ? `${fn}: parameters has W${p.slice(1)} but no ${p}; every layer l needs both W_l and b_l`
            : `${fn}: parameters has no ${p}; weight keys must run W1..W${L} without gaps (found ${weights.join(", ")})`,
        ),
      );
    if (finite) {
      const values = checkFiniteEntry(fn, "parameters", p, P, DIVERGED);
      if (E.isLeft(values)) return values;
    }
  }
  const expected = new Set<string>(keys.map(([p]) => p));
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
 * grads, v or s against parameters that have L layers: `d<key>` for every parameter key, of the same shape,
 * finite, and no `dW`/`db` for layers the parameters do not have (`dA…` keys are ignored).
 */
export const checkLike = (
  fn: string,
  name: string,
  parameters: Parameters,
  L: number,
  dict: Grads,
): E.Either<StepwiseError, number> => likeIn(fn, name, parameters, L, dict, true);

const likeIn = (
  fn: string,
  name: string,
  parameters: Parameters,
  L: number,
  dict: Grads,
  finite: boolean,
): E.Either<StepwiseError, number> => {
  const fix = fixes[name] ?? `pass a dictionary with one d<key> per parameter, shaped like it`;
  const keys = layerKeys(L);
  const expected = new Set<string>(keys.map(([, d]) => d));
  const extra = Object.keys(dict).filter((k) => /^d[Wb]\d+$/.test(k) && !expected.has(k));
  if (extra.length > 0)
    return E.left(
      shapeError(
        `${fn}: ${name} has ${extra.join(", ")} but parameters has ${L} layer${L === 1 ? "" : "s"} (W1..W${L}); ${fix}`,
      ),
    );
  for (const [p, d] of keys) {
    const P = parameters[p];
    const D = dict[d];
    if (P === undefined) return E.left(shapeError(`${fn}: parameters has no ${p}`));
    if (D === undefined)
      return E.left(shapeError(`${fn}: ${name} has no ${d} but parameters has ${p}; ${fix}`));
    if (D.rows !== P.rows || D.cols !== P.cols)
      return E.left(
        shapeError(
          `${fn}: ${name}["${d}"] is ${formatShape(D)} but ${p} is ${formatShape(P)}; ${d} must have the shape of ${p} (${fix})`,
        ),
      );
    if (finite) {
      const values = checkFiniteEntry(fn, name, d, D, name === "grads" ? DIVERGED : fix);
      if (E.isLeft(values)) return values;
    }
  }
  return E.right(L);
};

type Dicts = ReadonlyArray<readonly [name: string, dict: Grads]>;

const updateIn = (
  fn: string,
  parameters: Parameters,
  dicts: Dicts,
  finite: boolean,
): E.Either<StepwiseError, number> =>
  pipe(
    parametersIn(fn, parameters, finite),
    E.tap((L) =>
      E.traverseArray(([name, dict]: readonly [string, Grads]) =>
        likeIn(fn, name, parameters, L, dict, finite),
      )(dicts),
    ),
  );

/** parameters, then grads (and any moments) against them. Returns L. */
export const checkUpdate = (
  fn: string,
  parameters: Parameters,
  dicts: Dicts,
): E.Either<StepwiseError, number> => updateIn(fn, parameters, dicts, true);

/**
 * An update step with `checkUpdate`'s guarantee for one pass over its outputs. Keys and shapes are checked
 * first; the numbers are read only in the step's `outputs`, which must be non-finite wherever an input is
 * (W − lr·dW is NaN or ±Infinity where W or dW is, for any lr ≥ 0). Only when a shape is wrong or an
 * output is not finite does the full `checkUpdate` run, throwing the same error, naming the same element,
 * as checking first would; if it passes (finite inputs whose step overflowed), the step is returned as
 * it always was. One pass over the new parameters instead of one over every input.
 */
export const guardedStep = <R>(
  fn: string,
  parameters: Parameters,
  dicts: Dicts,
  step: (L: number) => R,
  outputs: (result: R) => ReadonlyArray<Readonly<Partial<Record<string, Matrix>>>>,
): R => {
  const shapes = updateIn(fn, parameters, dicts, false);
  const L = E.isRight(shapes) ? shapes.right : getOrRaise(checkUpdate(fn, parameters, dicts));
  const result = step(L);
  const finite = outputs(result).every((dict) =>
    Object.values(dict).every((m) => m === undefined || isAllFinite(m)),
  );
  if (!finite) getOrRaise(checkUpdate(fn, parameters, dicts));
  return result;
};

/**
 * Hyper-parameters for a plugin: `defaults` filled in, unknown names rejected (with a suggestion, since
 * these come from config files and flags), each value checked by `check`.
 */
export const resolveHyperparameters = (
  fn: string,
  defaults: Hyperparameters,
  hyper: Hyperparameters,
  check: (name: string, value: number) => E.Either<StepwiseError, number>,
): E.Either<StepwiseError, Hyperparameters> => {
  const known = Object.keys(defaults);
  const unknown = Object.keys(hyper).filter((k) => !known.includes(k));
  const first = unknown[0];
  if (first !== undefined) {
    const suggestion = closestName(first, known);
    const hint =
      known.length === 0
        ? "it takes none"
        : `${suggestion === undefined ? "" : `did you mean "${suggestion}"? `}Known: ${known.join(", ")}`;
    return E.left(invalidArgument(`${fn}: unknown hyper-parameter "${first}"; ${hint}`));
  }
  const merged: Hyperparameters = { ...defaults, ...hyper };
  return pipe(
    Object.entries(merged),
    E.traverseArray(([name, value]) =>
      pipe(
        check(name, value),
        E.map((v) => [name, v] as const),
      ),
    ),
    E.map((entries) => Object.fromEntries(entries)),
  );
};
