import type { Activation } from "@stepwise/core";
import type { LayerCache, LinearCache } from "@stepwise/forward-cache";
import {
  divide,
  type Matrix,
  matmulDivide,
  matmulTransposeA,
  matmulTransposeB,
  multiply,
  sumAxis,
} from "@stepwise/tensor";

/**
 * How the gradients average over the m examples of a batch: `dZ·A_prevᵀ / m` ("divide", the Course 1
 * notebooks' and the default) or `1./m * np.dot(dZ, A_prev.T)` ("reciprocal", Course 2's Regularization
 * notebook). The same numbers up to rounding; over tens of thousands of steps at a large learning rate
 * the rounding grows to ~1e-8 of a parameter, so reproducing a notebook takes its choice.
 */
export type BatchMean = "divide" | "reciprocal";

/** `db = Σ_columns dZ / m` (or `(1/m)·Σ_columns dZ`). */
export const linear_backward_bias = (dZ: Matrix, batchMean: BatchMean = "divide"): Matrix =>
  batchMean === "divide" ? divide(sumAxis(dZ, 1), dZ.cols) : multiply(1 / dZ.cols, sumAxis(dZ, 1));

/** `dW = dZ·A_prevᵀ / m`, `db = Σ_columns dZ / m`: the parameter half of `linear_backward`. */
export const linear_backward_parameters = (
  dZ: Matrix,
  { A_prev }: LinearCache,
  batchMean: BatchMean = "divide",
): readonly [dW: Matrix, db: Matrix] => {
  const m = A_prev.cols;
  // The product and its division in one pass: the same bits as divide(matmulTransposeB(dZ, A_prev), m).
  const dW =
    batchMean === "divide"
      ? matmulDivide(dZ, A_prev, m, { transposeB: true })
      : multiply(1 / m, matmulTransposeB(dZ, A_prev));
  return [dW, linear_backward_bias(dZ, batchMean)];
};

/** `dA_prev = Wᵀ·dZ`: the input half, skipped for the first layer unless `dA0` is asked for. */
export const linear_backward_input = (dZ: Matrix, { W }: LinearCache): Matrix => matmulTransposeA(W, dZ);

/** The course's `linear_backward`. Forward twin: `linear_forward` in @stepwise/forward-cache. */
export const linear_backward = (
  dZ: Matrix,
  cache: LinearCache,
): readonly [dA_prev: Matrix, dW: Matrix, db: Matrix] => [
  linear_backward_input(dZ, cache),
  ...linear_backward_parameters(dZ, cache),
];

/** The course's `linear_activation_backward`. Forward twin: `linear_activation_forward`. */
export const linear_activation_backward = (
  dA: Matrix,
  cache: LayerCache,
  activation: Activation = cache.activation,
): readonly [dA_prev: Matrix, dW: Matrix, db: Matrix] =>
  linear_backward(activation.backward(dA, cache.activation_cache), cache.linear_cache);
