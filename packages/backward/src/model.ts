import { type Cost, checkOneBackend, checkTargets, type GradKey, type Grads } from "@stepwise/core";
import { checkLambd } from "@stepwise/cost";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import type { BatchNormCaches, Caches, LayerCache } from "@stepwise/forward-cache";
import {
  add,
  divide,
  formatShape,
  invalidArgument,
  type Matrix,
  multiply,
  type StepwiseError,
  shapeError,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { type BatchNormGrads, batchnorm_backward } from "./batchnorm.js";
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

/** `batchMean` is one of the two ways to take the mean (a value from JavaScript may be anything). */
export const checkBatchMean = (fn: string, batchMean: unknown): E.Either<StepwiseError, BatchMean> =>
  batchMean === "divide" || batchMean === "reciprocal"
    ? E.right(batchMean)
    : E.left(
        invalidArgument(
          `${fn}: batchMean is ${JSON.stringify(batchMean)}; use "divide" (dW = dZ·Aᵀ / m, the course's) or "reciprocal" (dW = (1/m)·dZ·Aᵀ, the Course 2 notebooks')`,
        ),
      );

/**
 * What a backward pass needs, checked once: caches from `L_model_forward` whose last output has AL's
 * shape, targets the cost accepts (`checkTargets`), a valid `lambd`, everything on one backend.
 */
export const checkBackward = (
  fn: string,
  AL: Matrix,
  Y: Matrix,
  caches: Caches,
  { cost = binary_cross_entropy, lambd = 0, batchMean = "divide" }: BackwardOptions = {},
): E.Either<StepwiseError, void> => {
  const last = caches[caches.length - 1];
  if (last === undefined)
    return E.left(shapeError(`${fn}: caches is empty; pass the caches L_model_forward returned`));
  const output = last.activation_cache.A;
  return pipe(
    output.rows === AL.rows && output.cols === AL.cols
      ? E.right(AL)
      : E.left(
          shapeError(
            `${fn}: AL is ${formatShape(AL)} but the last layer's cached output is ${formatShape(output)}; pass the AL and caches of one L_model_forward call`,
          ),
        ),
    E.flatMap(() => checkTargets(fn, AL, Y, cost)),
    E.flatMap(() => checkLambd(fn, lambd)),
    E.flatMap(() => checkBatchMean(fn, batchMean)),
    E.flatMap(() =>
      checkOneBackend(fn, [
        ["AL", AL],
        ["the caches' W1", caches[0]?.linear_cache.W ?? AL],
      ]),
    ),
    E.map(() => undefined),
  );
};

/**
 * `L_model_backward` without the checks, for a loop that checked its data once (L_layer_model): the
 * cost plugin gives `dAL`, then each layer from L down to 1 turns its output gradient into `dW_l`, `db_l`
 * and `dA_{l−1}`. Dropout masks, batch norms and the activation of each layer come from the caches: a
 * layer whose cache has a `batchnorm_cache` goes back through `batchnorm_backward` between its activation
 * and its linear step, giving `dgamma_l` and `dbeta_l` (with `dZ1_instead_of_dW1`, `dZ1` is then the
 * gradient of the linear output W1·X + b1, before the normalization). `lambd` adds the L2 term to every
 * `dW_l` (γ and β are not penalized). `dA0` is computed only when asked. The output's `dZL` comes in
 * closed form when the cost has one for the output activation (`Cost.dZL`: A − Y for a sigmoid and
 * cross-entropy).
 */
export const modelBackward = (
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
  const L = caches.length;
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
    if (cache.batchnorm_cache !== undefined) {
      const [dZ_linear, dgamma, dbeta] = batchnorm_backward(dZ, cache.batchnorm_cache);
      grads[`dgamma${l}`] = dgamma;
      grads[`dbeta${l}`] = dbeta;
      dZ = dZ_linear;
    }
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

/**
 * The course's `L_model_backward`: the gradients of every layer from AL, Y and the caches
 * (`modelBackward`), after checking them (`checkBackward`): a mismatch or a label the cost does not
 * accept is an error that names it, never NaN gradients. The caches of `L_model_forward_bn` give batch
 * norm's `dgamma_l` and `dbeta_l` too.
 */
export const L_model_backward = (
  AL: Matrix,
  Y: Matrix,
  caches: Caches,
  options: BackwardOptions = {},
): E.Either<StepwiseError, Grads> =>
  E.map(() => modelBackward(AL, Y, caches, options))(
    checkBackward("L_model_backward", AL, Y, caches, options),
  );

/** `modelBackward` under the batch-norm name: the caches of `L_model_forward_bn` carry their batch norms. */
export const modelBackwardBn: (
  AL: Matrix,
  Y: Matrix,
  caches: BatchNormCaches,
  options?: BackwardOptions,
) => BatchNormGrads = modelBackward;

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
 * `L_model_backward` for the caches of `L_model_forward_bn`, insisting that every hidden layer has its
 * batch norm (`checkBackwardBn`): the cost plugin gives `dAL`, the output layer is the course's, and each
 * hidden layer goes back through its activation, its batch norm (giving `dgamma_l`, `dbeta_l`) and its
 * linear step. `lambd`, `dA0` and `dZ1_instead_of_dW1` mean what they mean for `L_model_backward`.
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
  E.map(() => modelBackward(AL, Y, caches, options))(
    checkBackwardBn("L_model_backward_bn", AL, Y, caches, options),
  );
