import {
  type Activation,
  bias,
  type Checked,
  checkFiniteData,
  checkOneBackend,
  layerCount,
  type Parameters,
  trustChecked,
  validateParameters,
  weight,
} from "@stepwise/core";
import {
  add,
  divide,
  formatShape,
  full,
  invalidArgument,
  type Matrix,
  multiply,
  raise,
  type StepwiseError,
  shapeError,
  sqrt,
  square,
  subtract,
  sumAxis,
  zeros,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { LayerCache } from "./cache.js";
import { linear_forward } from "./linear.js";
import { checkForward } from "./model.js";
import { activationOf, type NetworkSpec } from "./spec.js";

/*
 * Batch normalization (Course 2, week 3), after a hidden layer's linear step and before its activation:
 *     Z = W·A_prev + b,   μ = mean_cols Z,   σ² = mean_cols (Z − μ)²   (the biased batch variance),
 *     Z_norm = (Z − μ) / √(σ² + ε),   Z̃ = γ ⊙ Z_norm + β,   A = g(Z̃).
 * γ and β are (n_l, 1) and broadcast over the m examples, like b. This is torch.nn.BatchNorm1d in training
 * mode; at prediction time the batch's μ and σ² give way to running averages kept outside the trainable
 * parameters (PyTorch's running_mean and running_var, momentum 0.1, the variance unbiased).
 */

/** The course's keys for batch norm's trainable parameters: `gamma1, beta1, …` for the hidden layers. */
export type GammaKey = `gamma${number}`;
export type BetaKey = `beta${number}`;

/** A parameters dictionary that may hold `gamma_l` and `beta_l` beside `W_l` and `b_l`. */
export type BatchNormParameters = Parameters & Readonly<Partial<Record<GammaKey | BetaKey, Matrix>>>;

/**
 * The running statistics, kept apart from the trainable parameters (no gradient ever reaches them):
 * `mu_l` (running mean) and `var_l` (running unbiased variance), each (n_l, 1), for every hidden layer.
 */
export type RunningStats = Readonly<Partial<Record<`mu${number}` | `var${number}`, Matrix>>>;

/** What `batchnorm_forward` remembers for `batchnorm_backward`. */
export interface BatchNormCache {
  /** (Z − μ)/√(σ² + ε), the normalized pre-activations. */
  readonly Z_norm: Matrix;
  readonly gamma: Matrix;
  /** The batch mean μ, (n, 1). */
  readonly mu: Matrix;
  /** The biased batch variance σ² (divided by m), (n, 1). */
  readonly var: Matrix;
  /** √(σ² + ε), (n, 1). */
  readonly std: Matrix;
  readonly eps: number;
}

/** A hidden layer's cache with batch norm: the linear and activation caches plus the batch norm's. */
export interface BatchNormLayerCache extends LayerCache {
  readonly batchnorm_cache?: BatchNormCache;
}

/** What `linear_bn_activation_forward` returns: a layer cache that certainly has its batch norm's. */
export type HiddenBatchNormCache = BatchNormLayerCache & { readonly batchnorm_cache: BatchNormCache };

/** One cache per layer; hidden layers carry `batchnorm_cache`, the output layer does not. */
export type BatchNormCaches = ReadonlyArray<BatchNormLayerCache>;

/** PyTorch's BatchNorm1d defaults: ε = 1e-5 inside the square root, momentum 0.1 for the running averages. */
export const BATCHNORM_EPS = 1e-5;
export const BATCHNORM_MOMENTUM = 0.1;

export interface BatchNormOptions {
  /** Added to the variance inside the square root (default 1e-5). */
  readonly eps?: number;
  /** Weight of the new batch in the running averages (default 0.1, PyTorch's). */
  readonly momentum?: number;
}

/** A network with batch norm after every hidden layer's linear step (never on the output layer). */
export interface BatchNormNetworkSpec extends NetworkSpec {
  readonly batchNorm: BatchNormOptions;
}

const mean = (Z: Matrix): Matrix => divide(sumAxis(Z, 1), Z.cols);

/**
 * `batchnorm_forward(Z, gamma, beta, eps)`: normalizes each row of Z (one unit, over the m examples of
 * the batch) with the batch's mean and biased variance, then scales by γ and shifts by β. Training mode.
 * Backward twin: `batchnorm_backward` in @stepwise/backward.
 */
export const batchnorm_forward = (
  Z: Matrix,
  gamma: Matrix,
  beta: Matrix,
  eps: number = BATCHNORM_EPS,
): readonly [Z_tilde: Matrix, cache: BatchNormCache] => {
  const mu = mean(Z);
  const centered = subtract(Z, mu);
  const variance = mean(square(centered));
  const std = sqrt(add(variance, eps));
  const Z_norm = divide(centered, std);
  return [add(multiply(Z_norm, gamma), beta), { Z_norm, gamma, mu, var: variance, std, eps }];
};

/**
 * Batch norm at prediction time: the running mean and variance in place of the batch's,
 * `Z̃ = γ ⊙ (Z − running_mean)/√(running_var + ε) + β`, so each example's output depends on it alone.
 */
export const batchnorm_forward_inference = (
  Z: Matrix,
  gamma: Matrix,
  beta: Matrix,
  running_mean: Matrix,
  running_var: Matrix,
  eps: number = BATCHNORM_EPS,
): Matrix => add(multiply(divide(subtract(Z, running_mean), sqrt(add(running_var, eps))), gamma), beta);

/**
 * One step of the running averages, as PyTorch keeps them: `running = (1 − momentum)·running +
 * momentum·batch`, where the batch variance is the unbiased one, σ²·m/(m − 1). Pure: returns new matrices.
 * Needs m ≥ 2 (one example has no variance).
 */
export const update_running_stats = (
  running_mean: Matrix,
  running_var: Matrix,
  cache: BatchNormCache,
  momentum: number = BATCHNORM_MOMENTUM,
): readonly [running_mean: Matrix, running_var: Matrix] => {
  const m = cache.Z_norm.cols;
  if (m < 2)
    raise(
      invalidArgument(
        `update_running_stats: the batch has ${m} example; the unbiased variance needs at least 2 (use a larger mini-batch)`,
      ),
    );
  const unbiased = multiply(cache.var, m / (m - 1));
  return [
    add(multiply(running_mean, 1 - momentum), multiply(cache.mu, momentum)),
    add(multiply(running_var, 1 - momentum), multiply(unbiased, momentum)),
  ];
};

/**
 * `A = g(BN(W·A_prev + b))`: a hidden layer with batch norm between its linear step and its activation.
 * Backward twin: `linear_bn_activation_backward` in @stepwise/backward.
 */
export const linear_bn_activation_forward = (
  A_prev: Matrix,
  W: Matrix,
  b: Matrix,
  gamma: Matrix,
  beta: Matrix,
  activation: Activation,
  eps: number = BATCHNORM_EPS,
): readonly [A: Matrix, cache: HiddenBatchNormCache] => {
  const [Z, linear_cache] = linear_forward(A_prev, W, b);
  const [Z_tilde, batchnorm_cache] = batchnorm_forward(Z, gamma, beta, eps);
  const [A, activation_cache] = activation.forward(Z_tilde);
  return [A, { linear_cache, batchnorm_cache, activation_cache, activation }];
};

/** The same layer at prediction time, normalizing with the running statistics. */
export const linear_bn_activation_forward_inference = (
  A_prev: Matrix,
  W: Matrix,
  b: Matrix,
  gamma: Matrix,
  beta: Matrix,
  running_mean: Matrix,
  running_var: Matrix,
  activation: Activation,
  eps: number = BATCHNORM_EPS,
): Matrix => {
  const [Z] = linear_forward(A_prev, W, b);
  return activation.forward(batchnorm_forward_inference(Z, gamma, beta, running_mean, running_var, eps))[0];
};

// ---- dictionaries

const isBatchNormKey = (key: string): boolean => /^(gamma|beta)\d+$/.test(key);

/** `[W/b parameters, gamma/beta parameters]`: the course's dictionary and batch norm's, apart. */
export const splitBatchNormParameters = (
  parameters: BatchNormParameters,
): readonly [linear: Parameters, batchNorm: Readonly<Partial<Record<GammaKey | BetaKey, Matrix>>>] => {
  const entries = Object.entries(parameters);
  return [
    Object.fromEntries(entries.filter(([k]) => !isBatchNormKey(k))),
    Object.fromEntries(entries.filter(([k]) => isBatchNormKey(k))),
  ];
};

/** `parameters["gamma" + l]`, for code that has validated the dictionary. */
export const gammaOf = (parameters: BatchNormParameters, l: number): Matrix =>
  parameters[`gamma${l}`] ?? raise(shapeError(`parameters has no gamma${l}`));
export const betaOf = (parameters: BatchNormParameters, l: number): Matrix =>
  parameters[`beta${l}`] ?? raise(shapeError(`parameters has no beta${l}`));
export const runningMeanOf = (running: RunningStats, l: number): Matrix =>
  running[`mu${l}`] ?? raise(shapeError(`running statistics have no mu${l}`));
export const runningVarOf = (running: RunningStats, l: number): Matrix =>
  running[`var${l}`] ?? raise(shapeError(`running statistics have no var${l}`));

/** An (n, 1) entry of a dictionary, or an error naming the key, its shape and the fix. */
const columnEntry = (
  fn: string,
  what: string,
  dict: Readonly<Partial<Record<string, Matrix>>>,
  key: string,
  n: number,
  fix: string,
): E.Either<StepwiseError, Matrix> => {
  const m = dict[key];
  if (m === undefined) return E.left(shapeError(`${fn}: ${what} has no ${key}; ${fix}`));
  return m.rows === n && m.cols === 1
    ? E.right(m)
    : E.left(
        shapeError(
          `${fn}: ${what} ${key} is ${formatShape(m)} but layer ${key.replace(/\D+/, "")} has ${n} units; ${key} must be (${n}, 1)`,
        ),
      );
};

const BN_FIX = "start from initialize_batchnorm_parameters(parameters)";

/**
 * Checks a batch-norm network's dictionary: the course's W1..WL, b1..bL (chaining from n_x when given), and
 * gamma_l, beta_l of shape (n_l, 1) for every hidden layer l = 1..L−1 and for no other. Returns L.
 */
export const validateBatchNormParameters = (
  fn: string,
  parameters: BatchNormParameters,
  n_x?: number,
): E.Either<StepwiseError, number> => {
  const [linear, batchNorm] = splitBatchNormParameters(parameters);
  return pipe(
    validateParameters(fn, linear, n_x),
    E.chainFirst((L) => {
      const allowed = new Set<string>();
      for (let l = 1; l < L; l++) {
        const n = weight(linear, l).rows;
        for (const key of [`gamma${l}`, `beta${l}`]) {
          allowed.add(key);
          const entry = columnEntry(fn, "parameters", batchNorm, key, n, BN_FIX);
          if (E.isLeft(entry)) return entry;
        }
      }
      const extra = Object.keys(batchNorm).filter((k) => !allowed.has(k));
      return extra.length === 0
        ? E.right(undefined)
        : E.left(
            shapeError(
              `${fn}: parameters has ${extra.join(", ")}, but batch norm sits only on the hidden layers 1..${L - 1}; remove ${extra.length === 1 ? "it" : "them"}`,
            ),
          );
    }),
  );
};

/** Checks running statistics against an L-layer dictionary: mu_l, var_l (n_l, 1), var_l ≥ 0. */
export const validateRunningStats = (
  fn: string,
  parameters: Parameters,
  running: RunningStats,
  L: number,
): E.Either<StepwiseError, RunningStats> => {
  const fix =
    "start from initialize_running_stats(parameters) and pass back what L_model_forward_bn returned";
  for (let l = 1; l < L; l++) {
    const n = weight(parameters, l).rows;
    const mu = columnEntry(fn, "running", running, `mu${l}`, n, fix);
    if (E.isLeft(mu)) return mu;
    const variance = columnEntry(fn, "running", running, `var${l}`, n, fix);
    if (E.isLeft(variance)) return variance;
    const bad = variance.right.data.findIndex((v) => !(v >= 0 && Number.isFinite(v)));
    if (bad >= 0)
      return E.left(
        invalidArgument(
          `${fn}: running var${l} element ${bad} is ${variance.right.data[bad]}; a variance must be finite and ≥ 0`,
        ),
      );
  }
  return E.right(running);
};

/**
 * PyTorch's BatchNorm1d start: γ = 1 and β = 0 for every hidden layer, added to the course's dictionary
 * (on the backend its weights are on).
 */
export const initialize_batchnorm_parameters = (parameters: Parameters): BatchNormParameters => {
  const extra: Record<string, Matrix> = {};
  const L = Object.keys(parameters).filter((k) => /^W\d+$/.test(k)).length;
  for (let l = 1; l < L; l++) {
    const W = weight(parameters, l);
    extra[`gamma${l}`] = full(W.rows, 1, 1, W.backend);
    extra[`beta${l}`] = zeros(W.rows, 1, W.backend);
  }
  return { ...parameters, ...extra };
};

/** PyTorch's start for the running statistics: mean 0 and variance 1 for every hidden layer (on the weights' backend). */
export const initialize_running_stats = (parameters: Parameters): RunningStats => {
  const running: Record<string, Matrix> = {};
  const L = Object.keys(parameters).filter((k) => /^W\d+$/.test(k)).length;
  for (let l = 1; l < L; l++) {
    const W = weight(parameters, l);
    running[`mu${l}`] = zeros(W.rows, 1, W.backend);
    running[`var${l}`] = full(W.rows, 1, 1, W.backend);
  }
  return running;
};

// ---- the whole network

const checkSpec = (
  fn: string,
  spec: BatchNormNetworkSpec,
): E.Either<StepwiseError, Required<BatchNormOptions>> => {
  const { eps = BATCHNORM_EPS, momentum = BATCHNORM_MOMENTUM } = spec.batchNorm;
  if (!(Number.isFinite(eps) && eps > 0))
    return E.left(
      invalidArgument(`${fn}: eps is ${eps}; pass a small finite number > 0 (PyTorch uses 1e-5)`),
    );
  if (!(Number.isFinite(momentum) && momentum >= 0 && momentum <= 1))
    return E.left(
      invalidArgument(`${fn}: momentum is ${momentum}; pass a number in [0, 1] (PyTorch uses 0.1)`),
    );
  return E.right({ eps, momentum });
};

/**
 * A batch-norm network's parameters and X, checked once: the course's part as `checkForward` checks it
 * (keys, chained shapes, finite, X's rows, at least one example, one backend), then gamma_l and beta_l
 * (`validateBatchNormParameters`), finite and on W1's backend. What `modelForwardBn` and
 * `gradient_check_n` trust.
 */
export const checkBatchNormForward = (
  fn: string,
  X: Matrix,
  parameters: BatchNormParameters,
  spec?: NetworkSpec,
): E.Either<StepwiseError, Checked<BatchNormParameters>> => {
  const [linear, batchNorm] = splitBatchNormParameters(parameters);
  return pipe(
    checkForward(fn, X, linear, spec),
    E.flatMap(() => validateBatchNormParameters(fn, parameters, X.rows)),
    E.flatMap(() => {
      const named = Object.entries(batchNorm).flatMap(([key, m]) =>
        m === undefined ? [] : [[`parameters["${key}"]`, m] as const],
      );
      const bad = named.map(([name, m]) => checkFiniteData(fn, name, m)).find(E.isLeft);
      return bad ?? checkOneBackend(fn, [["W1", weight(linear, 1)], ...named]);
    }),
    E.map(() => trustChecked(parameters)),
  );
};

/** A network checked whole (parameters, X, running statistics, spec): the checked parameters and the options. */
const checkNetwork = (
  fn: string,
  X: Matrix,
  parameters: BatchNormParameters,
  running: RunningStats,
  spec: BatchNormNetworkSpec,
): E.Either<
  StepwiseError,
  readonly [parameters: Checked<BatchNormParameters>, options: Required<BatchNormOptions>]
> =>
  pipe(
    checkSpec(fn, spec),
    E.flatMap((options) =>
      pipe(
        checkBatchNormForward(fn, X, parameters, spec),
        E.tap((checked) => validateRunningStats(fn, checked, running, layerCount(checked))),
        E.map((checked) => [checked, options] as const),
      ),
    ),
  );

/**
 * `L_model_forward_bn` without the checks, for code that ran `checkBatchNormForward` (and checked the
 * running statistics) once: the training-mode pass, returning AL, the caches and the running statistics
 * advanced by this batch.
 */
export const modelForwardBn = (
  X: Matrix,
  parameters: Checked<BatchNormParameters>,
  running: RunningStats,
  spec: BatchNormNetworkSpec,
): readonly [AL: Matrix, caches: BatchNormCaches, running: RunningStats] => {
  const { eps = BATCHNORM_EPS, momentum = BATCHNORM_MOMENTUM } = spec.batchNorm;
  const L = layerCount(parameters);
  const caches: BatchNormLayerCache[] = [];
  const next: Record<string, Matrix> = {};
  let A = X;
  for (let l = 1; l < L; l++) {
    const [out, cache] = linear_bn_activation_forward(
      A,
      weight(parameters, l),
      bias(parameters, l),
      gammaOf(parameters, l),
      betaOf(parameters, l),
      activationOf(spec, l, L),
      eps,
    );
    const [mu, variance] = update_running_stats(
      runningMeanOf(running, l),
      runningVarOf(running, l),
      cache.batchnorm_cache,
      momentum,
    );
    next[`mu${l}`] = mu;
    next[`var${l}`] = variance;
    caches.push(cache);
    A = out;
  }
  const [Z, linear_cache] = linear_forward(A, weight(parameters, L), bias(parameters, L));
  const [AL, activation_cache] = spec.output.forward(Z);
  caches.push({ linear_cache, activation_cache, activation: spec.output });
  return [AL, caches, next];
};

/**
 * `L_model_forward` for a network with batch norm on every hidden layer, in training mode:
 * [LINEAR → BN → hidden] × (L − 1) → LINEAR → output. Normalizes with the batch's statistics and returns
 * AL, one cache per layer, and the running statistics advanced by this batch (momentum from the spec).
 * The backward pass is `L_model_backward_bn` in @stepwise/backward.
 */
export const L_model_forward_bn = (
  X: Matrix,
  parameters: BatchNormParameters,
  running: RunningStats,
  spec: BatchNormNetworkSpec,
): E.Either<StepwiseError, readonly [AL: Matrix, caches: BatchNormCaches, running: RunningStats]> =>
  pipe(
    checkNetwork("L_model_forward_bn", X, parameters, running, spec),
    E.flatMap((checked) =>
      X.cols >= 2
        ? E.right(checked)
        : E.left(
            invalidArgument(
              `L_model_forward_bn: X has ${X.cols} example; batch norm in training mode needs at least 2 per batch (predict with L_model_forward_bn_inference)`,
            ),
          ),
    ),
    E.map(([checked]) => modelForwardBn(X, checked, running, spec)),
  );

/**
 * The same network at prediction time: every batch norm uses the running statistics, so each example's
 * output depends on it alone (and one example is a valid batch). What `predict` runs for such a model.
 */
export const L_model_forward_bn_inference = (
  X: Matrix,
  parameters: BatchNormParameters,
  running: RunningStats,
  spec: BatchNormNetworkSpec,
): E.Either<StepwiseError, Matrix> =>
  pipe(
    checkNetwork("L_model_forward_bn_inference", X, parameters, running, spec),
    E.map(([checked, { eps }]) => {
      const L = layerCount(checked);
      let A = X;
      for (let l = 1; l < L; l++)
        A = linear_bn_activation_forward_inference(
          A,
          weight(checked, l),
          bias(checked, l),
          gammaOf(checked, l),
          betaOf(checked, l),
          runningMeanOf(running, l),
          runningVarOf(running, l),
          activationOf(spec, l, L),
          eps,
        );
      const [Z] = linear_forward(A, weight(checked, L), bias(checked, L));
      return spec.output.forward(Z)[0];
    }),
  );
