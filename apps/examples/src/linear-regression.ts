/**
 * Example `linear-regression`: the notes' linear regression written as forward and backward passes.
 *
 * Rows are examples, as in the notes: X_batch is (batch, n), W is (n, 1), B is (1, 1).
 *
 *   N = X · W          (the linear part)
 *   P = N + B          (the prediction; B broadcasts over the batch)
 *   L = mean((y − P)²) (the mean squared error)
 *
 * and backward by the chain rule, one local derivative per edge:
 *
 *   dL/dP = −2 (y − P) / batch      dP/dN = 1      dP/dB = 1      dN/dW = Xᵀ
 *   dL/dW = Xᵀ · dL/dP              dL/dB = Σ_rows dL/dP
 *
 * The data come from a stated formula, so we know the answer: y = X·w_true + b_true + ε with
 * w_true = [2, −3.4, 1.7], b_true = 4.2, X and ε drawn from @stepwise/random (np.random.seed(0): X ~ N(0, 1),
 * ε ~ N(0, σ²), σ = 0.5). No model can predict ε, so the best achievable loss, the noise floor, is the noise
 * variance σ² = 0.25; gradient descent should get the loss down to it and the weights close to w_true, b_true.
 *
 * Run: pnpm example linear-regression
 */
import { type RandomState, randn, seedOrThrow } from "@stepwise/random";
import {
  add,
  divide,
  formatShape,
  type Matrix,
  matmul,
  meanAll,
  multiply,
  ones,
  raise,
  shapeError,
  square,
  subtract,
  sumAxis,
  transpose,
  unsafeMatrix,
} from "@stepwise/tensor";
import { py, runIfMain, show } from "./run.js";

/** The notes' `weights` dictionary: W is (n, 1), B is (1, 1). */
export interface Weights {
  readonly W: Matrix;
  readonly B: Matrix;
}

/** What the forward pass keeps for the backward pass (the notes' `forward_info`). */
export interface ForwardInfo {
  readonly X: Matrix;
  readonly N: Matrix;
  readonly P: Matrix;
  readonly y: Matrix;
}

const check = (ok: boolean, message: string): void => {
  if (!ok) raise(shapeError(`forward_linear_regression: ${message}`));
};

/**
 * The notes' forward pass: `N = X·W`, `P = N + B`, `loss = mean((y − P)²)`; returns `[loss, forward_info]`.
 *
 * Bug fixed from the notes (1 of 2): the notes' body refers to the targets as `Y_batch` while the argument
 * is named `y_batch`. Python looks a name up only when the line runs, so the function failed with a
 * NameError, or, in a notebook where a global `Y_batch` was left over from another cell, silently used
 * those targets instead of the batch's. Here the argument `y_batch` is used throughout.
 */
export const forward_linear_regression = (
  X_batch: Matrix,
  y_batch: Matrix,
  weights: Weights,
): readonly [loss: number, forward_info: ForwardInfo] => {
  // The notes' three asserts, as errors naming the shapes.
  check(
    X_batch.rows === y_batch.rows && y_batch.cols === 1,
    `X_batch is ${formatShape(X_batch)} but y_batch is ${formatShape(y_batch)}; y_batch needs one row per example and one column`,
  );
  check(
    X_batch.cols === weights.W.rows && weights.W.cols === 1,
    `X_batch is ${formatShape(X_batch)} but W is ${formatShape(weights.W)}; W must be (${X_batch.cols}, 1)`,
  );
  check(weights.B.rows === 1 && weights.B.cols === 1, `B is ${formatShape(weights.B)}; B must be (1, 1)`);

  const N = matmul(X_batch, weights.W);
  const P = add(N, weights.B);
  const loss = meanAll(square(subtract(y_batch, P)));
  return [loss, { X: X_batch, N, P, y: y_batch }];
};

/**
 * The notes' backward pass: the gradient of the loss with respect to W and B, by the chain rule.
 *
 * Bug fixed from the notes (2 of 2): the notes store the targets in `forward_info` under one key and read
 * them back here under the other (`'y'` and `'Y'`), which raises a KeyError. Here both sides use `y`.
 *
 * One more difference, deliberate: the notes compute `batch_size` but never divide by it, so their dL/dW and dL/dB
 * are the gradients of the SUMMED squared error, `batch` times the gradient of the mean they report as the
 * loss (it trains all the same, as if the learning rate were `batch` times larger). We divide by the batch
 * size, so these are the gradients of the loss `forward_linear_regression` returns, which is what a
 * finite-difference check of that loss expects.
 */
export const loss_gradients = (forward_info: ForwardInfo, weights: Weights): Weights => {
  const batch_size = forward_info.X.rows;
  const dLdP = divide(multiply(-2, subtract(forward_info.y, forward_info.P)), batch_size);
  const dPdN = ones(forward_info.N.rows, forward_info.N.cols);
  const dPdB = ones(weights.B.rows, weights.B.cols);
  const dLdN = multiply(dLdP, dPdN);
  const dNdW = transpose(forward_info.X);
  const dLdW = matmul(dNdW, dLdN);
  const dLdB = sumAxis(multiply(dLdP, dPdB), 0); // B was broadcast over the batch: sum its copies' gradients
  return { W: dLdW, B: dLdB };
};

/** The formula the data come from. */
export const TRUE_WEIGHTS = { w: [2, -3.4, 1.7], b: 4.2 } as const;
/** Standard deviation σ of the noise; the loss cannot go below σ². */
export const NOISE_STD = 0.5;
/** The noise floor: the expected squared error of the true formula itself, σ². */
export const NOISE_FLOOR = NOISE_STD * NOISE_STD;

export interface RegressionData {
  /** (m, 3): one example per row. */
  readonly X: Matrix;
  /** (m, 1). */
  readonly y: Matrix;
  /** The noise ε that was added, (m, 1): mean(ε²) is the loss of the true weights on these data. */
  readonly noise: Matrix;
}

/** `m` examples of `y = X·w_true + b_true + ε`: X ~ N(0, 1), ε ~ N(0, σ²), drawn in that order. */
export const make_regression_data = (m = 1000, rng: RandomState = seedOrThrow(0)): RegressionData => {
  const n = TRUE_WEIGHTS.w.length;
  const [X, afterX] = randn(m, n)(rng);
  const [z] = randn(m, 1)(afterX);
  const noise = multiply(z, NOISE_STD);
  const w = unsafeMatrix(n, 1, Float64Array.from(TRUE_WEIGHTS.w));
  const y = add(add(matmul(X, w), TRUE_WEIGHTS.b), noise);
  return { X, y, noise };
};

export interface TrainOptions {
  readonly learning_rate?: number;
  readonly num_iterations?: number;
  /** Seed for the initial weights (randn, as the notes initialize them). */
  readonly seed?: number;
}

export interface TrainResult {
  readonly weights: Weights;
  /** The loss before each iteration, and the final loss as the last entry. */
  readonly losses: ReadonlyArray<number>;
}

/** Full-batch gradient descent: forward, gradients, `W ← W − lr·dL/dW`, `B ← B − lr·dL/dB`. */
export const train_linear_regression = (
  X: Matrix,
  y: Matrix,
  { learning_rate = 0.1, num_iterations = 200, seed = 1 }: TrainOptions = {},
): TrainResult => {
  const [W0, afterW] = randn(X.cols, 1)(seedOrThrow(seed));
  const [B0] = randn(1, 1)(afterW);
  let weights: Weights = { W: W0, B: B0 };
  const losses: number[] = [];
  for (let i = 0; i < num_iterations; i++) {
    const [loss, forward_info] = forward_linear_regression(X, y, weights);
    losses.push(loss);
    const grads = loss_gradients(forward_info, weights);
    weights = {
      W: subtract(weights.W, multiply(learning_rate, grads.W)),
      B: subtract(weights.B, multiply(learning_rate, grads.B)),
    };
  }
  losses.push(forward_linear_regression(X, y, weights)[0]);
  return { weights, losses };
};

export const main = (): void => {
  const { X, y, noise } = make_regression_data();
  const { weights, losses } = train_linear_regression(X, y);
  console.log(
    `data: ${X.rows} examples, y = X·[${TRUE_WEIGHTS.w.join(", ")}] + ${TRUE_WEIGHTS.b} + N(0, ${NOISE_STD}²)`,
  );
  losses.forEach((loss, i) => {
    if (i % 20 === 0 || i === losses.length - 1) console.log(`loss after iteration ${i}: ${py(loss)}`);
  });
  console.log("learned W =", show(weights.W), " (true:", `[${TRUE_WEIGHTS.w.join(", ")}])`);
  console.log("learned B =", show(weights.B), " (true:", `${TRUE_WEIGHTS.b})`);
  console.log(
    `noise floor σ² = ${NOISE_FLOOR}; the true formula's loss on these data, mean(ε²) = ${py(meanAll(square(noise)))}`,
  );
};

runIfMain(import.meta.url, main);
