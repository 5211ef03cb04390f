import { bias, type Parameters, validateParameters, weight } from "@stepwise/core";
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
import { activationOf, courseSpec, type NetworkSpec } from "./spec.js";

const checkInput = (fn: string, X: Matrix, parameters: Parameters): E.Either<StepwiseError, number> =>
  pipe(
    validateParameters(fn, parameters),
    E.chain((L) =>
      X.rows === weight(parameters, 1).cols
        ? E.right(L)
        : E.left(
            shapeError(
              `${fn}: X is ${formatShape(X)} but W1 is ${formatShape(weight(parameters, 1))}; X needs one row per input feature (${weight(parameters, 1).cols}) and one column per example`,
            ),
          ),
    ),
  );

/**
 * The course's `L_model_forward`: [LINEAR → hidden] × (L − 1) → LINEAR → output. Returns AL and one cache
 * per layer. Checks the parameters dictionary and X's shape first.
 */
export const L_model_forward = (
  X: Matrix,
  parameters: Parameters,
  spec: NetworkSpec = courseSpec,
): E.Either<StepwiseError, readonly [AL: Matrix, caches: Caches]> =>
  pipe(
    checkInput("L_model_forward", X, parameters),
    E.map((L) => {
      const caches: LayerCache[] = [];
      let A = X;
      for (let l = 1; l <= L; l++) {
        const [next, cache] = linear_activation_forward(
          A,
          weight(parameters, l),
          bias(parameters, l),
          activationOf(spec, l, L),
        );
        caches.push(cache);
        A = next;
      }
      return [A, caches] as const;
    }),
  );

/** Inverted dropout: keep each unit with probability keep_prob and scale the survivors by 1/keep_prob. */
const dropout = (A: Matrix, keep_prob: number, rng: RandomState): readonly [Matrix, Matrix, RandomState] => {
  // The course: D = np.random.rand(*A.shape); D = (D < keep_prob); A = A * D; A = A / keep_prob
  const [draws, next] = rand(A.rows, A.cols)(rng);
  const D = less(toBackend(draws, A.backend), keep_prob);
  return [divide(multiply(A, D), keep_prob), D, next];
};

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
    keep_prob > 0 && keep_prob <= 1
      ? E.right(keep_prob)
      : E.left(
          invalidArgument(
            `L_model_forward_with_dropout: keep_prob is ${keep_prob}; it must be in (0, 1] (1 keeps every unit)`,
          ),
        ),
    E.chain(() => checkInput("L_model_forward_with_dropout", X, parameters)),
    E.map((L) => {
      const caches: LayerCache[] = [];
      let A = X;
      let state = rng;
      for (let l = 1; l <= L; l++) {
        const [next, cache] = linear_activation_forward(
          A,
          weight(parameters, l),
          bias(parameters, l),
          activationOf(spec, l, L),
        );
        if (l < L) {
          const [dropped, D, advanced] = dropout(next, keep_prob, state);
          caches.push({ ...cache, dropout: { D, keep_prob } });
          A = dropped;
          state = advanced;
        } else {
          caches.push(cache);
          A = next;
        }
      }
      return [A, caches, state] as const;
    }),
  );
