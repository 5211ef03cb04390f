import {
  checkParameters as checkNetwork,
  describeRange,
  type Grads,
  inRange,
  layerCount,
  type ParameterSpec,
  type Parameters,
  validateParameters,
} from "@stepwise/core";
import {
  formatShape,
  invalidArgument,
  isAllFinite,
  type Matrix,
  type StepwiseError,
  shapeError,
  stepwiseError,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { layerKeys } from "./moments.js";

/**
 * The course functions' checks, as `Either`: each says what is wrong with a value and how to fix it. They
 * run at the edge (a course function, `createOptimizer`); an optimizer's `update` then trusts its input.
 */

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

/**
 * A hyper-parameter given to a course function, against its optimizer's declared range:
 * `update_parameters_with_momentum: beta is 1; pass a number in [0, 1) (the course uses 0.9)`.
 */
export const checkHyperparameter = (
  fn: string,
  name: string,
  spec: ParameterSpec,
  value: number,
): E.Either<StepwiseError, number> =>
  isNumber(value) && inRange(spec, value)
    ? E.right(value)
    : E.left(
        invalidArgument(
          `${fn}: ${name} is ${show(value)}; pass ${describeRange(spec)} (the course uses ${spec.default})`,
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
 * The parameters an update takes: core's `checkParameters` (W1, b1, …, WL, bL and nothing else, finite,
 * one backend) without chaining the shapes, since an update works layer by layer (the notebook's own test
 * cases have W1 (2, 3) under W2 (3, 3)). Returns L.
 */
export const checkParameters = (fn: string, parameters: Parameters): E.Either<StepwiseError, number> =>
  E.map(() => layerCount(parameters))(checkNetwork(fn, parameters, undefined, { chained: false }));

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

/** parameters, then grads (and any moments) against them, keys and shapes only when not `finite`. */
const updateIn = (
  fn: string,
  parameters: Parameters,
  dicts: Dicts,
  finite: boolean,
): E.Either<StepwiseError, number> =>
  pipe(
    finite
      ? checkParameters(fn, parameters)
      : validateParameters(fn, parameters, undefined, { chained: false }),
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
 * A course function's update with `checkUpdate`'s guarantee for one pass over each output. Keys and shapes
 * are checked first; the numbers are read only in the step's outputs, which are non-finite wherever an
 * input is (W − lr·dW is NaN or ±Infinity where W or dW is, for any lr ≥ 0; a moment carries its own).
 * Only when an output is not finite does the full `checkUpdate` run, giving the error, naming the element,
 * that checking first would; if it passes (finite inputs whose step overflowed), the step is returned as it
 * always was. One pass over the outputs instead of one over every input.
 */
export const guardedStep = <R>(
  fn: string,
  parameters: Parameters,
  dicts: Dicts,
  step: (L: number) => R,
  outputs: (result: R) => ReadonlyArray<Readonly<Partial<Record<string, Matrix>>>>,
): E.Either<StepwiseError, R> =>
  pipe(
    updateIn(fn, parameters, dicts, false),
    E.map(step),
    E.flatMap((result) =>
      outputs(result).every((dict) => Object.values(dict).every((m) => m === undefined || isAllFinite(m)))
        ? E.right(result)
        : E.map(() => result)(checkUpdate(fn, parameters, dicts)),
    ),
  );
