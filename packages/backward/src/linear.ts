import type { Activation } from "@stepwise/core";
import type { LayerCache, LinearCache } from "@stepwise/forward-cache";
import { divide, type Matrix, matmulDivide, matmulTransposeA, sumAxis } from "@stepwise/tensor";

/** `db = Σ_columns dZ / m`. */
export const linear_backward_bias = (dZ: Matrix): Matrix => divide(sumAxis(dZ, 1), dZ.cols);

/** `dW = dZ·A_prevᵀ / m`, `db = Σ_columns dZ / m`: the parameter half of `linear_backward`. */
export const linear_backward_parameters = (
  dZ: Matrix,
  { A_prev }: LinearCache,
): readonly [dW: Matrix, db: Matrix] => {
  const m = A_prev.cols;
  // The product and its division in one pass: the same bits as divide(matmulTransposeB(dZ, A_prev), m).
  return [matmulDivide(dZ, A_prev, m, { transposeB: true }), linear_backward_bias(dZ)];
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
