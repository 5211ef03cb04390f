import type { Activation } from "@stepwise/core";
import { add, type Matrix, matmul } from "@stepwise/tensor";
import type { LayerCache, LinearCache } from "./cache.js";

/** `Z = W·A + b` (b broadcasts over the m columns). Backward twin: `linear_backward` in @stepwise/backward. */
export const linear_forward = (A: Matrix, W: Matrix, b: Matrix): readonly [Z: Matrix, cache: LinearCache] => [
  add(matmul(W, A), b),
  { A_prev: A, W, b },
];

/** `A = g(W·A_prev + b)`. Backward twin: `linear_activation_backward` in @stepwise/backward. */
export const linear_activation_forward = (
  A_prev: Matrix,
  W: Matrix,
  b: Matrix,
  activation: Activation,
): readonly [A: Matrix, cache: LayerCache] => {
  const [Z, linear_cache] = linear_forward(A_prev, W, b);
  const [A, activation_cache] = activation.forward(Z);
  return [A, { linear_cache, activation_cache, activation }];
};
