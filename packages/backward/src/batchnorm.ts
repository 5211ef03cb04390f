import type { GradKey, Grads } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import type {
  BatchNormCache,
  BatchNormCaches,
  BatchNormLayerCache,
  HiddenBatchNormCache,
} from "@stepwise/forward-cache";
import {
  add,
  divide,
  type Matrix,
  multiply,
  type StepwiseError,
  shapeError,
  subtract,
  sumAxis,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import {
  linear_backward,
  linear_backward_bias,
  linear_backward_input,
  linear_backward_parameters,
} from "./linear.js";
import { type BackwardOptions, checkBackward } from "./model.js";

/** The course's gradients plus batch norm's: `dgamma1, dbeta1, …` for the hidden layers. */
export type BatchNormGrads = Grads & Readonly<Partial<Record<`dgamma${number}` | `dbeta${number}`, Matrix>>>;

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

/**
 * `L_model_backward_bn` without the checks, for code that checked its data once (`checkBackwardBn`): the
 * cost plugin gives `dAL`, the output layer is the course's, and each hidden layer goes back through its
 * activation, its batch norm (giving `dgamma_l`, `dbeta_l`) and its linear step.
 */
export const modelBackwardBn = (
  AL: Matrix,
  Y: Matrix,
  caches: BatchNormCaches,
  options: BackwardOptions = {},
): BatchNormGrads => {
  const { cost = binary_cross_entropy, lambd = 0, dA0 = false, dZ1_instead_of_dW1 = false } = options;
  const L = caches.length;
  const m = Y.cols;
  const grads: Partial<Record<GradKey | `dgamma${number}` | `dbeta${number}`, Matrix>> = {};
  let dA = cost.cost_backward(AL, Y);
  for (let l = L; l >= 1; l--) {
    const cache = caches[l - 1] as BatchNormLayerCache;
    let dZ = cache.activation.backward(dA, cache.activation_cache);
    if (cache.batchnorm_cache !== undefined) {
      const [dZ_linear, dgamma, dbeta] = batchnorm_backward(dZ, cache.batchnorm_cache);
      grads[`dgamma${l}`] = dgamma;
      grads[`dbeta${l}`] = dbeta;
      dZ = dZ_linear;
    }
    if (l === 1 && dZ1_instead_of_dW1) {
      grads["dZ1"] = dZ;
      grads["db1"] = linear_backward_bias(dZ);
    } else {
      const [dW, db] = linear_backward_parameters(dZ, cache.linear_cache);
      grads[`dW${l}`] = lambd === 0 ? dW : add(dW, multiply(cache.linear_cache.W, lambd / m));
      grads[`db${l}`] = db;
    }
    if (l > 1 || dA0) {
      dA = linear_backward_input(dZ, cache.linear_cache);
      grads[`dA${l - 1}`] = dA;
    }
  }
  return grads;
};

/**
 * What `L_model_backward_bn` needs, checked once: what `checkBackward` checks for `L_model_backward`
 * (caches matching AL, targets the cost accepts, a valid `lambd`, one backend), and a batch norm in every
 * hidden layer's cache.
 */
export const checkBackwardBn = (
  fn: string,
  AL: Matrix,
  Y: Matrix,
  caches: BatchNormCaches,
  options: BackwardOptions = {},
): E.Either<StepwiseError, void> =>
  E.flatMap(() => {
    const missing = caches.findIndex(
      (cache, i) => i < caches.length - 1 && cache.batchnorm_cache === undefined,
    );
    return missing < 0
      ? E.right(undefined)
      : E.left(
          shapeError(
            `${fn}: layer ${missing + 1}'s cache has no batch norm; pass the caches L_model_forward_bn returned`,
          ),
        );
  })(checkBackward(fn, AL, Y, caches, options));

/**
 * `L_model_backward` for the caches of `L_model_forward_bn`: the cost plugin gives `dAL`, the output layer
 * is the course's, and each hidden layer goes back through its activation, its batch norm (giving
 * `dgamma_l`, `dbeta_l`) and its linear step. `lambd` adds the L2 term to every `dW_l` (γ and β are not
 * penalized); `dA0` and `dZ1_instead_of_dW1` mean what they mean for `L_model_backward` — with batch norm
 * on layer 1, `dZ1` is the gradient of the linear output W1·X + b1, before the normalization. Checks its
 * arguments first (`checkBackwardBn`), as `L_model_backward` does.
 *
 * `db_l` of a layer with batch norm is zero up to rounding: the normalization subtracts the batch mean, so
 * b_l has no effect on the cost.
 */
export const L_model_backward_bn = (
  AL: Matrix,
  Y: Matrix,
  caches: BatchNormCaches,
  options: BackwardOptions = {},
): E.Either<StepwiseError, BatchNormGrads> =>
  E.map(() => modelBackwardBn(AL, Y, caches, options))(
    checkBackwardBn("L_model_backward_bn", AL, Y, caches, options),
  );
