import {
  bias,
  type Checked,
  checkExamples,
  checkFiniteData,
  checkOneBackend,
  checkParameters,
  layerCount,
  type Parameters,
  weight,
} from "@stepwise/core";
import { type RandomState, rand } from "@stepwise/random";
import {
  divide,
  formatShape,
  invalidArgument,
  less,
  type Matrix,
  multiply,
  type StepwiseError,
  shapeError,
  toBackend,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { Caches, LayerCache } from "./cache.js";
import { linear_activation_forward } from "./linear.js";
import { activationOf, checkSpec, courseSpec, type NetworkSpec } from "./spec.js";

/**
 * What a forward pass needs, checked once: the parameters (keys, chained shapes, finite), X with one row
 * per input feature, at least one example and finite numbers, all of it on one backend; and, given a
 * spec, one hidden activation per hidden layer.
 */
export const checkForward = (
  fn: string,
  X: Matrix,
  parameters: Parameters,
  spec?: NetworkSpec,
): E.Either<StepwiseError, Checked<Parameters>> =>
  pipe(
    checkParameters(fn, parameters),
    E.tap((checked) => (spec === undefined ? E.right(spec) : checkSpec(fn, spec, layerCount(checked)))),
    E.tap((checked) => {
      const W1 = weight(checked, 1);
      return X.rows === W1.cols
        ? E.right(X)
        : E.left(
            shapeError(
              `${fn}: X is ${formatShape(X)} but W1 is ${formatShape(W1)}; X needs one row per input feature (${W1.cols}) and one column per example`,
            ),
          );
    }),
    E.tap(() => checkExamples(fn, "X", X)),
    E.tap(() => checkFiniteData(fn, "X", X)),
    E.tap((checked) =>
      checkOneBackend(fn, [
        ["X", X],
        ["W1", weight(checked, 1)],
      ]),
    ),
  );

/**
 * The layers of a forward pass: LINEAR → activation for l = 1..L, each hidden layer's output passed
 * through `hidden` (which may also advance a state: dropout's RNG) before the next layer reads it.
 */
const forwardThrough = <S>(
  X: Matrix,
  parameters: Checked<Parameters>,
  spec: NetworkSpec,
  state0: S,
  hidden: (A: Matrix, cache: LayerCache, state: S) => readonly [Matrix, LayerCache, S],
): readonly [AL: Matrix, caches: Caches, state: S] => {
  const L = layerCount(parameters);
  const caches: LayerCache[] = [];
  let A = X;
  let state = state0;
  for (let l = 1; l <= L; l++) {
    const W = weight(parameters, l);
    const [next, cache] = linear_activation_forward(A, W, bias(parameters, l), activationOf(spec, l, L));
    const [out, kept, advanced] = l < L ? hidden(next, cache, state) : ([next, cache, state] as const);
    caches.push(kept);
    A = out;
    state = advanced;
  }
  return [A, caches, state];
};

/**
 * `L_model_forward` without the checks, for a loop that ran `checkForward` once (L_layer_model): X must
 * have W1's column count of rows, and be on the parameters' backend.
 */
export const modelForward = (
  X: Matrix,
  parameters: Checked<Parameters>,
  spec: NetworkSpec = courseSpec,
): readonly [AL: Matrix, caches: Caches] => {
  const [AL, caches] = forwardThrough(X, parameters, spec, undefined, (A, cache, state) => [A, cache, state]);
  return [AL, caches];
};

/**
 * The course's `L_model_forward`: [LINEAR → hidden] × (L − 1) → LINEAR → output. Returns AL and one cache
 * per layer. Checks the parameters dictionary and X first (`checkForward`), naming what is wrong.
 */
export const L_model_forward = (
  X: Matrix,
  parameters: Parameters,
  spec: NetworkSpec = courseSpec,
): E.Either<StepwiseError, readonly [AL: Matrix, caches: Caches]> =>
  E.map((checked: Checked<Parameters>) => modelForward(X, checked, spec))(
    checkForward("L_model_forward", X, parameters, spec),
  );

/** Inverted dropout: keep each unit with probability keep_prob and scale the survivors by 1/keep_prob. */
const dropout = (A: Matrix, keep_prob: number, rng: RandomState): readonly [Matrix, Matrix, RandomState] => {
  // The course: D = np.random.rand(*A.shape); D = (D < keep_prob); A = A * D; A = A / keep_prob
  const [draws, next] = rand(A.rows, A.cols)(rng);
  const D = less(toBackend(draws, A.backend), keep_prob);
  return [divide(multiply(A, D), keep_prob), D, next];
};

/** `keep_prob` in (0, 1]. */
export const checkKeepProb = (fn: string, keep_prob: number): E.Either<StepwiseError, number> =>
  keep_prob > 0 && keep_prob <= 1
    ? E.right(keep_prob)
    : E.left(invalidArgument(`${fn}: keep_prob is ${keep_prob}; it must be in (0, 1] (1 keeps every unit)`));

/** `L_model_forward_with_dropout` without the checks, for a loop that checked its input once. */
export const modelForwardWithDropout = (
  X: Matrix,
  parameters: Checked<Parameters>,
  keep_prob: number,
  rng: RandomState,
  spec: NetworkSpec = courseSpec,
): readonly [AL: Matrix, caches: Caches, rng: RandomState] =>
  forwardThrough(X, parameters, spec, rng, (A, cache, state) => {
    const [dropped, D, advanced] = dropout(A, keep_prob, state);
    return [dropped, { ...cache, dropout: { D, keep_prob } }, advanced];
  });

/**
 * `L_model_forward` with inverted dropout on every hidden layer (never on the input or the output), as in
 * the course's `forward_propagation_with_dropout`. The masks go into the caches, so `L_model_backward`
 * applies them; the RNG state comes back advanced.
 */
export const L_model_forward_with_dropout = (
  X: Matrix,
  parameters: Parameters,
  keep_prob: number,
  rng: RandomState,
  spec: NetworkSpec = courseSpec,
): E.Either<StepwiseError, readonly [AL: Matrix, caches: Caches, rng: RandomState]> =>
  pipe(
    checkKeepProb("L_model_forward_with_dropout", keep_prob),
    E.flatMap(() => checkForward("L_model_forward_with_dropout", X, parameters, spec)),
    E.map((checked) => modelForwardWithDropout(X, checked, keep_prob, rng, spec)),
  );
