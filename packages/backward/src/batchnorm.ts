import type { Grads } from "@stepwise/core";
import type { BatchNormCache, HiddenBatchNormCache } from "@stepwise/forward-cache";
import { divide, type Matrix, multiply, subtract, sumAxis } from "@stepwise/tensor";
import { linear_backward } from "./linear.js";

/**
 * The course's gradients plus batch norm's, `dgamma1, dbeta1, …` for the hidden layers: core's `Grads`,
 * whose keys include them (the name stays for what reads better at a batch-norm call).
 */
export type BatchNormGrads = Grads;

const mean = (M: Matrix): Matrix => divide(sumAxis(M, 1), M.cols);

/**
 * `batchnorm_backward(dZ_tilde, cache)` → `[dZ, dgamma, dbeta]`. Forward twin: `batchnorm_forward`.
 *
 * Gradients follow the course's convention: `dZ_tilde` is the per-example derivative (not divided by m),
 * `dZ` comes back the same way, and the parameter gradients are averages over the batch like
 * `db = Σ dZ / m`:
 *     dbeta  = Σ_cols dZ̃ / m,      dgamma = Σ_cols (dZ̃ ⊙ Z_norm) / m,
 *     dZ_norm = γ ⊙ dZ̃,           dZ = (dZ_norm − mean(dZ_norm) − Z_norm ⊙ mean(dZ_norm ⊙ Z_norm)) / √(σ² + ε).
 * The last line is the chain rule through μ and σ², which depend on every example of the batch.
 */
export const batchnorm_backward = (
  dZ_tilde: Matrix,
  cache: BatchNormCache,
): readonly [dZ: Matrix, dgamma: Matrix, dbeta: Matrix] => {
  const { Z_norm, gamma, std } = cache;
  const dbeta = mean(dZ_tilde);
  const dgamma = mean(multiply(dZ_tilde, Z_norm));
  const dZ_norm = multiply(dZ_tilde, gamma);
  const dZ = divide(
    subtract(subtract(dZ_norm, mean(dZ_norm)), multiply(Z_norm, mean(multiply(dZ_norm, Z_norm)))),
    std,
  );
  return [dZ, dgamma, dbeta];
};

/** Backward twin of `linear_bn_activation_forward`: through the activation, the batch norm, the linear step. */
export const linear_bn_activation_backward = (
  dA: Matrix,
  cache: HiddenBatchNormCache,
): readonly [dA_prev: Matrix, dW: Matrix, db: Matrix, dgamma: Matrix, dbeta: Matrix] => {
  const dZ_tilde = cache.activation.backward(dA, cache.activation_cache);
  const [dZ, dgamma, dbeta] = batchnorm_backward(dZ_tilde, cache.batchnorm_cache);
  return [...linear_backward(dZ, cache.linear_cache), dgamma, dbeta];
};
