import { type Checked, type Cost, checkTargets, layerCount, layerDimsOf, trustChecked } from "@stepwise/core";
import { checkLambd, l2Penalty } from "@stepwise/cost";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import {
  BATCHNORM_EPS,
  type BatchNormNetworkSpec,
  type BatchNormParameters,
  checkBatchNormForward,
  checkForward,
  courseSpec,
  initialize_running_stats,
  modelForward,
  modelForwardBn,
  type NetworkSpec,
  splitBatchNormParameters,
} from "@stepwise/forward-cache";
import {
  type Matrix,
  raise,
  type StepwiseError,
  shapeError,
  subtract,
  sumOfSquares,
  unsafeMatrix,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { BatchNormGrads } from "./batchnorm.js";

/** The course's threshold: a relative difference above this means the backward pass has a bug. */
export const GRADIENT_CHECK_THRESHOLD = 2e-7;

/**
 * `W1, b1, W2, b2, …` in the course's order; with batch norm, each hidden layer's `gamma_l, beta_l` follow
 * its `b_l`: `W1, b1, gamma1, beta1, W2, …, WL, bL`.
 */
const parameterKeys = (L: number, batch_norm = false): ReadonlyArray<string> =>
  Array.from({ length: L }, (_, i) => [
    `W${i + 1}`,
    `b${i + 1}`,
    ...(batch_norm && i + 1 < L ? [`gamma${i + 1}`, `beta${i + 1}`] : []),
  ]).flat();

/** Whether a dictionary holds batch norm's parameters (any `gamma_l`). */
const hasBatchNorm = (parameters: BatchNormParameters): boolean =>
  Object.keys(parameters).some((k) => /^gamma\d+$/.test(k));

const flatten = (parts: ReadonlyArray<Matrix>): Matrix => {
  const total = parts.reduce((n, p) => n + p.data.length, 0);
  const theta = new Float64Array(total);
  let offset = 0;
  for (const p of parts) {
    theta.set(p.data, offset);
    offset += p.data.length;
  }
  return unsafeMatrix(total, 1, theta, parts[0]?.backend);
};

/**
 * The course's `dictionary_to_vector`: every parameter reshaped to a column (row-major) and stacked in the
 * order W1, b1, W2, b2, … (with batch norm, W1, b1, gamma1, beta1, W2, …); also returns which key each
 * entry came from.
 */
export const dictionary_to_vector = (
  parameters: BatchNormParameters,
): readonly [theta: Matrix, keys: ReadonlyArray<string>] => {
  const keys = parameterKeys(layerCount(parameters), hasBatchNorm(parameters));
  const parts = keys.map(
    (k) =>
      parameters[k as keyof BatchNormParameters] ??
      raise(shapeError(`dictionary_to_vector: parameters has no ${k}`)),
  );
  return [flatten(parts), keys.flatMap((k, i) => Array<string>((parts[i] as Matrix).data.length).fill(k))];
};

/**
 * The course's `gradients_to_vector`: dW1, db1, dW2, … stacked like `dictionary_to_vector` (with
 * `batch_norm`, dgamma_l and dbeta_l after each hidden layer's db_l).
 */
export const gradients_to_vector = (gradients: BatchNormGrads, L: number, batch_norm = false): Matrix =>
  flatten(
    parameterKeys(L, batch_norm).map(
      (k) => gradients[`d${k}` as keyof BatchNormGrads] ?? raise(shapeError(`grads has no d${k}`)),
    ),
  );

/**
 * The course's `vector_to_dictionary`, for any layer sizes: the inverse of `dictionary_to_vector` (with
 * `batch_norm`, gamma_l and beta_l of shape (n_l, 1) for every hidden layer).
 */
export const vector_to_dictionary = (
  theta: Matrix,
  layer_dims: ReadonlyArray<number>,
  batch_norm = false,
): BatchNormParameters => {
  const parameters: Record<string, Matrix> = {};
  let offset = 0;
  const take = (rows: number, cols: number): Matrix => {
    const part = unsafeMatrix(rows, cols, theta.data.slice(offset, offset + rows * cols), theta.backend);
    offset += rows * cols;
    return part;
  };
  for (let l = 1; l < layer_dims.length; l++) {
    const n = layer_dims[l] as number;
    parameters[`W${l}`] = take(n, layer_dims[l - 1] as number);
    parameters[`b${l}`] = take(n, 1);
    if (batch_norm && l < layer_dims.length - 1) {
      parameters[`gamma${l}`] = take(n, 1);
      parameters[`beta${l}`] = take(n, 1);
    }
  }
  if (offset !== theta.data.length)
    raise(
      shapeError(
        `vector_to_dictionary: theta has ${theta.data.length} entries but layer_dims ${JSON.stringify(layer_dims)} need ${offset}`,
      ),
    );
  return parameters;
};

export interface GradientCheckOptions {
  /** The network; with batch norm's parameters in the dictionary, its `batchNorm` gives ε (default 1e-5). */
  readonly spec?: NetworkSpec | BatchNormNetworkSpec;
  readonly cost?: Cost;
  readonly lambd?: number;
}

const norm = (v: Matrix): number => Math.sqrt(sumOfSquares(v));

/** grads with a `d<key>` of its parameter's shape for every key of the dictionary (γ and β included). */
const checkGradients = (
  fn: string,
  parameters: BatchNormParameters,
  gradients: BatchNormGrads,
  batch_norm: boolean,
): E.Either<StepwiseError, BatchNormGrads> => {
  for (const key of parameterKeys(layerCount(parameters), batch_norm)) {
    const P = parameters[key as keyof BatchNormParameters];
    const D = gradients[`d${key}` as keyof BatchNormGrads];
    if (P !== undefined && (D === undefined || D.rows !== P.rows || D.cols !== P.cols))
      return E.left(
        shapeError(
          `${fn}: gradients has ${D === undefined ? `no d${key}` : `d${key} of another shape than ${key}`}; pass the grads ${batch_norm ? "L_model_backward_bn" : "L_model_backward"} returned for these parameters`,
        ),
      );
  }
  return E.right(gradients);
};

/** Batch norm's settings for the check: the spec's, else PyTorch's ε. */
const batchNormSpecOf = (spec: NetworkSpec | BatchNormNetworkSpec): BatchNormNetworkSpec => ({
  ...spec,
  batchNorm: "batchNorm" in spec ? spec.batchNorm : { eps: BATCHNORM_EPS },
});

/**
 * The network's output AL for checked parameters: `L_model_forward`'s, or with batch norm
 * `L_model_forward_bn`'s in training mode (the batch's statistics; the running ones are not used).
 */
const outputOf = (
  X: Matrix,
  p: Checked<BatchNormParameters>,
  spec: NetworkSpec | BatchNormNetworkSpec,
  batch_norm: boolean,
): Matrix =>
  batch_norm
    ? modelForwardBn(X, p, initialize_running_stats(p), batchNormSpecOf(spec))[0]
    : modelForward(X, p, spec)[0];

/**
 * The course's `gradient_check_n`: central differences `(J(θ + ε) − J(θ − ε)) / 2ε` for every parameter,
 * compared with the backward pass's gradients by `‖grad − approx‖ / (‖grad‖ + ‖approx‖)`. Above 2e-7 the
 * backward pass is wrong. `print_msg` prints the course's verdict. When the dictionary holds batch norm's
 * gamma_l and beta_l, the network is `L_model_forward_bn`'s (training mode) and θ covers them too, so the
 * check reaches `dgamma_l` and `dbeta_l`. Checks its arguments first.
 */
export const gradient_check_n = (
  parameters: BatchNormParameters,
  gradients: BatchNormGrads,
  X: Matrix,
  Y: Matrix,
  epsilon = 1e-7,
  print_msg = false,
  { spec = courseSpec, cost = binary_cross_entropy, lambd = 0 }: GradientCheckOptions = {},
): E.Either<StepwiseError, number> => {
  const fn = "gradient_check_n";
  const batch_norm = hasBatchNorm(parameters);
  return pipe(
    batch_norm ? checkBatchNormForward(fn, X, parameters, spec) : checkForward(fn, X, parameters, spec),
    E.tap((checked) =>
      batch_norm && X.cols < 2
        ? E.left(
            shapeError(
              `${fn}: X has ${X.cols} example; batch norm in training mode needs at least 2 (the check runs the network as it trains)`,
            ),
          )
        : E.right(checked),
    ),
    E.tap((checked) => checkTargets(fn, outputOf(X, checked, spec, batch_norm), Y, cost)),
    E.tap(() => checkLambd(fn, lambd)),
    E.tap(() => checkGradients(fn, parameters, gradients, batch_norm)),
    E.map(() => {
      const L = layerCount(parameters);
      const layer_dims = layerDimsOf(parameters);
      const [theta] = dictionary_to_vector(parameters);
      const gradVector = gradients_to_vector(gradients, L, batch_norm);
      // Nudging one finite number by ε keeps every key and shape: what the checks proved still holds.
      const J = (values: Float64Array): number => {
        const p = trustChecked(
          vector_to_dictionary(unsafeMatrix(values.length, 1, values, theta.backend), layer_dims, batch_norm),
        );
        const [linear] = splitBatchNormParameters(p);
        return cost.compute_cost(outputOf(X, p, spec, batch_norm), Y) + l2Penalty(linear, lambd, Y.cols);
      };
      const approx = new Float64Array(theta.data.length);
      // One working copy of θ, nudged and restored in place (J copies what it reads), not two copies per entry.
      const nudged = theta.data.slice();
      for (let i = 0; i < approx.length; i++) {
        const original = nudged[i] as number;
        nudged[i] = original + epsilon;
        const plus = J(nudged);
        nudged[i] = original - epsilon;
        const minus = J(nudged);
        nudged[i] = original;
        approx[i] = (plus - minus) / (2 * epsilon);
      }
      const gradapprox = unsafeMatrix(approx.length, 1, approx, gradVector.backend);
      const difference = norm(subtract(gradVector, gradapprox)) / (norm(gradVector) + norm(gradapprox));
      if (print_msg)
        console.log(
          difference > GRADIENT_CHECK_THRESHOLD
            ? `There is a mistake in the backward propagation! difference = ${difference}`
            : `Your backward propagation works perfectly fine! difference = ${difference}`,
        );
      return difference;
    }),
  );
};
