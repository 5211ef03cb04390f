import {
  type Checked,
  hasBatchNormParameters,
  isBatchNormKey,
  type Parameters,
  trustChecked,
} from "@stepwise/core";
import {
  BATCHNORM_EPS,
  BATCHNORM_MOMENTUM,
  type BatchNormNetworkSpec,
  initialize_batchnorm_parameters,
  isBatchNormSpec,
  type NetworkSpec,
} from "@stepwise/forward-cache";
import { invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/*
 * Training with batch norm (`spec.batchNorm`): what L_layer_model checks before its loop, and how it
 * starts the dictionary. The loop itself (train.ts) runs the batch-norm forward pass and threads the
 * running statistics; the backward pass and the optimizers need nothing new (the caches carry each
 * layer's batch norm, the dictionary its gamma_l/beta_l).
 */

/** The sizes of one epoch's batches: the course's partition, complete batches then the rest. */
const batchSizes = (m: number, mini_batch_size: number | undefined): ReadonlyArray<number> => {
  if (mini_batch_size === undefined || mini_batch_size >= m) return [m];
  const rest = m % mini_batch_size;
  return rest === 0 ? [mini_batch_size] : [mini_batch_size, rest];
};

/**
 * Whether every batch a run trains on holds at least two examples, as batch norm's training mode needs
 * (one example has no variance).
 */
const checkBatchNormBatches = (
  fn: string,
  m: number,
  mini_batch_size: number | undefined,
): E.Either<StepwiseError, void> => {
  const smallest = Math.min(...batchSizes(m, mini_batch_size));
  if (smallest >= 2) return E.right(undefined);
  if (mini_batch_size === undefined || mini_batch_size >= m)
    return E.left(
      invalidArgument(
        `${fn}: batch norm normalizes over the batch, which needs at least 2 examples; the data has ${m}`,
      ),
    );
  return E.left(
    invalidArgument(
      mini_batch_size === 1
        ? `${fn}: batch norm normalizes over each mini-batch, which needs at least 2 examples; mini_batch_size is 1 — pass 2 or more (the course uses 64)`
        : `${fn}: batch norm normalizes over each mini-batch, which needs at least 2 examples, but ${m} examples in batches of ${mini_batch_size} leave a last batch of 1; pass another mini_batch_size (e.g. ${mini_batch_size + 1})`,
    ),
  );
};

/** The options a run with batch norm must agree with. */
interface BatchNormRun {
  readonly layers_dims: ReadonlyArray<number>;
  readonly keep_prob: number;
  readonly mini_batch_size: number | undefined;
  /** The number of training examples. */
  readonly m: number;
}

/**
 * A run with `spec.batchNorm`, checked at the edge: ε a finite number > 0, the momentum in [0, 1], a
 * hidden layer to put batch norm on, no dropout (not supported with batch norm), and batches of at least
 * two examples. A spec without batch norm passes.
 */
export const checkBatchNormRun = (
  fn: string,
  spec: NetworkSpec | BatchNormNetworkSpec,
  run: BatchNormRun,
): E.Either<StepwiseError, void> => {
  if (!isBatchNormSpec(spec)) return E.right(undefined);
  const fail = (message: string) => E.left(invalidArgument(`${fn}: ${message}`));
  const { eps = BATCHNORM_EPS, momentum = BATCHNORM_MOMENTUM } = spec.batchNorm;
  if (!(Number.isFinite(eps) && eps > 0))
    return fail(`spec.batchNorm.eps is ${eps}; pass a small finite number > 0 (PyTorch's default is 1e-5)`);
  if (!(Number.isFinite(momentum) && momentum >= 0 && momentum <= 1))
    return fail(
      `spec.batchNorm.momentum is ${momentum}; pass a number in [0, 1], the weight of each batch in the running averages (PyTorch's default is 0.1)`,
    );
  if (run.layers_dims.length < 3)
    return fail(
      `spec.batchNorm puts batch norm after each hidden layer's linear step, but layers_dims ${run.layers_dims.join(", ")} has no hidden layer; add one or leave batchNorm out`,
    );
  if (run.keep_prob < 1)
    return fail(
      `keep_prob is ${run.keep_prob} with spec.batchNorm; dropout and batch norm together are not supported — pass keep_prob 1 or leave batchNorm out`,
    );
  return checkBatchNormBatches(fn, run.m, run.mini_batch_size);
};

/**
 * The initial dictionary of a run: with batch norm, the initializer's W_l, b_l plus γ = 1, β = 0 for every
 * hidden layer (PyTorch's start), unless the initializer made gamma_l/beta_l itself (checked already with
 * the rest, all or none); without batch norm, a dictionary with gamma_l/beta_l is refused (the plain pass
 * would skip their normalization).
 */
export const initialWithBatchNorm = (
  fn: string,
  spec: NetworkSpec | BatchNormNetworkSpec,
  initial: Checked<Parameters>,
): E.Either<StepwiseError, Checked<Parameters>> => {
  if (isBatchNormSpec(spec))
    return E.right(
      hasBatchNormParameters(initial) ? initial : trustChecked(initialize_batchnorm_parameters(initial)),
    );
  return hasBatchNormParameters(initial)
    ? E.left(
        invalidArgument(
          `${fn}: the initializer made batch norm's ${Object.keys(initial).filter(isBatchNormKey).join(", ")}, but spec has no batchNorm; pass spec.batchNorm (e.g. { eps: 1e-5, momentum: 0.1 }) or an init without them`,
        ),
      )
    : E.right(initial);
};
