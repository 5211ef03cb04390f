import { type Cost, checkTargets, type GradKey, type Grads } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import type { Caches, LayerCache } from "@stepwise/forward-cache";
import { add, divide, invalidArgument, type Matrix, multiply, raise, shapeError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import {
  type BatchMean,
  linear_backward_bias,
  linear_backward_input,
  linear_backward_parameters,
} from "./linear.js";

export interface BackwardOptions {
  /** Supplies `dAL` (default: the course's binary cross-entropy). */
  readonly cost?: Cost;
  /** L2 strength λ: adds `(λ/m)·W_l` to every `dW_l` (default 0). */
  readonly lambd?: number;
  /** Also compute `dA0`, the gradient with respect to X (default false: it costs a third of the work). */
  readonly dA0?: boolean;
  /**
   * Return `dZ1` in place of `dW1` (default false). For training plans that form the first layer's update
   * without the wide product `dZ1·Xᵀ` (the dual plan in @stepwise/model); `db1` is computed as usual.
   */
  readonly dZ1_instead_of_dW1?: boolean;
  /** `/ m` (default) or `· (1/m)` in dW and db; see `BatchMean`. */
  readonly batchMean?: BatchMean;
}

/** Undo inverted dropout on a hidden layer's output gradient: `dA · D / keep_prob`, as the course does. */
const throughDropout = (dA: Matrix, cache: LayerCache | undefined): Matrix =>
  cache?.dropout === undefined ? dA : divide(multiply(dA, cache.dropout.D), cache.dropout.keep_prob);

/**
 * The course's `L_model_backward`: the cost plugin gives `dAL` (or the output's `dZL` in closed form, when
 * it has one for the output activation), then each layer from L down to 1 turns its
 * output gradient into `dW_l`, `db_l` and `dA_{l−1}`. Dropout masks and the activation of each layer come
 * from the caches; `lambd` adds the L2 term. `dA0` is computed only when asked.
 */
export const L_model_backward = (
  AL: Matrix,
  Y: Matrix,
  caches: Caches,
  options: BackwardOptions = {},
): Grads => {
  const {
    cost = binary_cross_entropy,
    lambd = 0,
    dA0 = false,
    dZ1_instead_of_dW1 = false,
    batchMean = "divide",
  } = options;
  const targets = checkTargets("L_model_backward", AL, Y);
  if (E.isLeft(targets)) raise(targets.left);
  if (!(Number.isFinite(lambd) && lambd >= 0))
    raise(
      invalidArgument(`L_model_backward: lambd is ${lambd}; the L2 strength must be a finite number ≥ 0`),
    );
  const L = caches.length;
  if (L === 0)
    raise(shapeError("L_model_backward: caches is empty; pass the caches L_model_forward returned"));
  const m = Y.cols;
  const grads: Partial<Record<GradKey, Matrix>> = {};
  const output = caches[L - 1] as LayerCache;
  // The cost's closed-form dZL when it has one for this output (A − Y for sigmoid and cross-entropy),
  // else the chain rule through dAL.
  let dZ =
    cost.dZL?.(AL, Y, output.activation) ??
    output.activation.backward(cost.cost_backward(AL, Y), output.activation_cache);
  for (let l = L; l >= 1; l--) {
    const cache = caches[l - 1] as LayerCache;
    if (l === 1 && dZ1_instead_of_dW1) {
      grads["dZ1"] = dZ;
      grads["db1"] = linear_backward_bias(dZ, batchMean);
    } else {
      const [dW, db] = linear_backward_parameters(dZ, cache.linear_cache, batchMean);
      grads[`dW${l}`] = lambd === 0 ? dW : add(dW, multiply(cache.linear_cache.W, lambd / m));
      grads[`db${l}`] = db;
    }
    if (l > 1 || dA0) {
      // Like the course, dA_{l−1} is stored with layer l−1's dropout mask already applied.
      const previous = caches[l - 2];
      const dA = throughDropout(linear_backward_input(dZ, cache.linear_cache), previous);
      grads[`dA${l - 1}`] = dA;
      if (previous !== undefined) dZ = previous.activation.backward(dA, previous.activation_cache);
    }
  }
  return grads;
};
