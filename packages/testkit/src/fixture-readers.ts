import { type Grads, type ParameterKey, type Parameters, validateParameters } from "@stepwise/core";
import type { Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import {
  array,
  boolean,
  type Decoder,
  decodeError,
  flatNumbers,
  matrix,
  number,
  object,
  record,
  string,
} from "./decode.js";
import { type FixtureLocation, loadFixture } from "./fixtures.js";

// Field names follow the code style: the course's names (X, AL, dW1, lambd, learning_rate) as they are,
// everything else camelCase (the files' hidden_activation is hiddenActivation here).

const read = <A>(name: string, decode: Decoder<A>, location: FixtureLocation): A =>
  decode(loadFixture(name, location), name);

const keyed =
  <K extends string, A>(
    pattern: RegExp,
    what: string,
    item: Decoder<A>,
  ): Decoder<Readonly<Partial<Record<K, A>>>> =>
  (u, path) => {
    const all = record(item)(u, path);
    for (const key of Object.keys(all))
      if (!pattern.test(key)) throw decodeError(`${path}.${key}`, `a key like ${what}`, key);
    // Every key was just checked against the pattern that defines K.
    return all as Readonly<Partial<Record<K, A>>>;
  };

const parameters = keyed<ParameterKey, Matrix>(/^[Wb]\d+$/, "W1 or b1", matrix);
const grads = keyed<keyof Grads & string, Matrix>(/^d[WbA]\d+$/, "dW1, db1 or dA0", matrix);

const pair: Decoder<readonly [number, number]> = (u, path) => {
  const xs = array(number)(u, path);
  const [a, b] = xs;
  if (xs.length !== 2 || a === undefined || b === undefined) throw decodeError(path, "[rows, cols]", u);
  return [a, b];
};

const rename =
  <A, B>(decode: Decoder<A>, f: (a: A) => B): Decoder<B> =>
  (u, path) =>
    f(decode(u, path));

// ---- torch-gradients.json

/** One network of torch-gradients.json: inputs, parameters, and autograd's AL, J and gradients (float64). */
export interface TorchGradientCase {
  readonly name: string;
  readonly layers: ReadonlyArray<number>;
  /** relu, tanh, leaky_relu or sigmoid. */
  readonly hiddenActivation: string;
  /** sigmoid, identity or softmax. */
  readonly outputActivation: string;
  /** The file's short names: bce, mse or ce. */
  readonly cost: string;
  readonly lambd: number;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly parameters: Parameters;
  readonly AL: Matrix;
  readonly J: number;
  /** dW1, db1, …, dWL, dbL. */
  readonly grads: Grads;
}

const torchCase = rename(
  object({
    name: string,
    layers: array(number),
    hidden_activation: string,
    output_activation: string,
    cost: string,
    lambd: number,
    X: matrix,
    Y: matrix,
    parameters,
    AL: matrix,
    J: number,
    grads,
  }),
  ({ hidden_activation, output_activation, ...rest }): TorchGradientCase => ({
    ...rest,
    hiddenActivation: hidden_activation,
    outputActivation: output_activation,
  }),
);

/** The cases of torch-gradients.json, every array a Matrix; parameter shapes are checked against X. */
export const loadTorchGradientCases = (location: FixtureLocation = {}): ReadonlyArray<TorchGradientCase> => {
  const cases = read("torch-gradients.json", object({ cases: array(torchCase) }), location).cases;
  for (const c of cases) {
    const valid = validateParameters(`torch-gradients.json case ${c.name}`, c.parameters, c.X.rows);
    if (E.isLeft(valid)) throw Object.assign(new Error(valid.left.message), { name: "FixtureError" });
  }
  return cases;
};

// ---- coursera-L-layer.json, coursera-two-layer.json

/** A full training run of the course's cat classifier, as numpy ran it. */
export interface CourseraRun {
  readonly layers: ReadonlyArray<number>;
  /** "deep" (randn/√n_{l-1}) or "two" (randn·0.01). */
  readonly init: string;
  readonly seed: number;
  readonly learning_rate: number;
  readonly iterations: number;
  /** The cost at every iteration, 0 … iterations-1. */
  readonly costs: ReadonlyArray<number>;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  readonly testPredictions: ReadonlyArray<number>;
  /** How long numpy took on the machine that made the file (not a test target). */
  readonly numpySeconds: number;
}

const courseraRun = rename(
  object({
    layers: array(number),
    init: string,
    seed: number,
    learning_rate: number,
    iterations: number,
    costs: array(number),
    train_accuracy: number,
    test_accuracy: number,
    test_predictions: array(number),
    numpy_seconds: number,
  }),
  ({ train_accuracy, test_accuracy, test_predictions, numpy_seconds, ...rest }): CourseraRun => ({
    ...rest,
    trainAccuracy: train_accuracy,
    testAccuracy: test_accuracy,
    testPredictions: test_predictions,
    numpySeconds: numpy_seconds,
  }),
);

/** The course's 4-layer run, [12288, 20, 7, 5, 1], seed 1, lr 0.0075, 2500 iterations. */
export const loadCourseraLLayer = (location: FixtureLocation = {}): CourseraRun =>
  read("coursera-L-layer.json", courseraRun, location);

/** The course's 2-layer run, [12288, 7, 1]. */
export const loadCourseraTwoLayer = (location: FixtureLocation = {}): CourseraRun =>
  read("coursera-two-layer.json", courseraRun, location);

// ---- coursera-init.json

/** A summary of one initialized array: enough to pin it down without storing 245 760 numbers. */
export interface ArraySummary {
  readonly shape: readonly [rows: number, cols: number];
  readonly sum: number;
  readonly sumsq: number;
  /** The first elements in row-major order (up to 5). */
  readonly first: ReadonlyArray<number>;
  /** The last elements in row-major order (up to 3). */
  readonly last: ReadonlyArray<number>;
}

export interface CourseraInit {
  readonly about: string;
  /** By run name, e.g. `deep_seed1_12288_20_7_5_1`, `two_seed1_12288_7_1`; then by parameter key. */
  readonly inits: Readonly<Record<string, Readonly<Partial<Record<ParameterKey, ArraySummary>>>>>;
}

const arraySummary = object({
  shape: pair,
  sum: number,
  sumsq: number,
  first: array(number),
  last: array(number),
});

export const loadCourseraInit = (location: FixtureLocation = {}): CourseraInit =>
  read(
    "coursera-init.json",
    object({
      about: string,
      inits: record(keyed<ParameterKey, ArraySummary>(/^[Wb]\d+$/, "W1 or b1", arraySummary)),
    }),
    location,
  );

// ---- numpy-rng.json

/** One call of a numpy stream; `values` flattened in row-major order. */
export type NumpyRngCall =
  | {
      readonly call: "randn" | "rand";
      readonly shape: ReadonlyArray<number>;
      readonly values: ReadonlyArray<number>;
    }
  | { readonly call: "permutation"; readonly n: number; readonly values: ReadonlyArray<number> };

export interface NumpyRngCase {
  readonly seed: number;
  /** `np.random.seed(seed)`, then these calls in order. */
  readonly calls: ReadonlyArray<NumpyRngCall>;
  /** A fresh `seed(seed); rand(5)`. */
  readonly freshRand5: ReadonlyArray<number>;
  /** A fresh `seed(seed); randn(3, 4) * sqrt(2 / 4)`. */
  readonly freshRandn3x4TimesSqrtHalf: Matrix;
}

const rngCall: Decoder<NumpyRngCall> = (u, path) => {
  const { call } = object({ call: string })(u, path);
  if (call === "permutation") return { call, ...object({ n: number, values: array(number) })(u, path) };
  if (call === "randn" || call === "rand")
    return { call, ...object({ shape: array(number), values: flatNumbers })(u, path) };
  throw decodeError(`${path}.call`, '"randn", "rand" or "permutation"', call);
};

const rngCase = rename(
  object({
    seed: number,
    calls: array(rngCall),
    fresh_rand5: array(number),
    fresh_randn_3x4_times_sqrt_half: matrix,
  }),
  ({ seed, calls, fresh_rand5, fresh_randn_3x4_times_sqrt_half }): NumpyRngCase => ({
    seed,
    calls,
    freshRand5: fresh_rand5,
    freshRandn3x4TimesSqrtHalf: fresh_randn_3x4_times_sqrt_half,
  }),
);

/** The streams of numpy-rng.json, one case per seed. */
export const loadNumpyRngCases = (location: FixtureLocation = {}): ReadonlyArray<NumpyRngCase> =>
  read("numpy-rng.json", object({ cases: array(rngCase) }), location).cases;

// ---- seed-examples.json

export interface ApplePrice {
  readonly inputs: Readonly<Record<string, number>>;
  readonly price: number;
  readonly dapple: number;
  readonly dappleNum: number;
  readonly dtax: number;
}

export interface AppleOrangePrice extends ApplePrice {
  readonly dorange: number;
  readonly dorangeNum: number;
}

/** A two-layer ReLU network's parameters, rows as examples (`z = x @ W + b`) as the seed documents have it. */
export interface RowLayoutParameters {
  readonly W1: Matrix;
  readonly b1: Matrix;
  readonly W2: Matrix;
  readonly b2: Matrix;
}

export interface SeedExamples {
  /** The computational-graph example: 2 apples at 100, tax 1.1. */
  readonly apple: ApplePrice;
  readonly appleOrange: AppleOrangePrice;
  /** The bias gradient of a batch is the column sum of dY. */
  readonly affineBatchBias: {
    readonly dY: Matrix;
    readonly dB: ReadonlyArray<number>;
    readonly XW: Matrix;
    readonly B: ReadonlyArray<number>;
    readonly XW_plus_B: Matrix;
  };
  /** Softmax-with-loss backward on one example: dx = y - t. */
  readonly softmaxWithLossBackward: {
    readonly t: ReadonlyArray<number>;
    readonly y: ReadonlyArray<number>;
    readonly dxBatch1: ReadonlyArray<number>;
  };
  readonly reluMask: { readonly x: Matrix; readonly mask: ReadonlyArray<ReadonlyArray<boolean>> };
  /** One example through a 3-2-1 ReLU network; transpose to the course's layout. */
  readonly twoLayerReluExample: RowLayoutParameters & {
    readonly x: Matrix;
    readonly y: Matrix;
    readonly lr: number;
    readonly layout: string;
    readonly first: {
      readonly z1: Matrix;
      readonly a1: Matrix;
      readonly z2: Matrix;
      readonly yPred: Matrix;
      readonly loss: number;
      readonly dW2: Matrix;
      readonly db2: Matrix;
      readonly dW1: Matrix;
      readonly db1: Matrix;
    };
    readonly afterOneUpdate: RowLayoutParameters;
    readonly tenSteps: ReadonlyArray<{ readonly yPred: number; readonly loss: number }>;
    readonly printedInSeed: {
      readonly loss: number;
      readonly secondLoss: number;
      readonly secondYPred: number;
    };
  };
}

const applePrice = {
  inputs: record(number),
  price: number,
  dapple: number,
  dapple_num: number,
  dtax: number,
};

const rowLayoutParameters = object({ W1: matrix, b1: matrix, W2: matrix, b2: matrix });

const seedExamples = rename(
  object({
    apple: object(applePrice),
    apple_orange: object({ ...applePrice, dorange: number, dorange_num: number }),
    affine_batch_bias: object({
      dY: matrix,
      dB: array(number),
      XW: matrix,
      B: array(number),
      XW_plus_B: matrix,
    }),
    softmax_with_loss_backward: object({ t: array(number), y: array(number), dx_batch1: array(number) }),
    relu_mask: object({ x: matrix, mask: array(array(boolean)) }),
    two_layer_relu_example: object({
      x: matrix,
      y: matrix,
      W1: matrix,
      b1: matrix,
      W2: matrix,
      b2: matrix,
      lr: number,
      layout: string,
      first: object({
        z1: matrix,
        a1: matrix,
        z2: matrix,
        y_pred: matrix,
        loss: number,
        dW2: matrix,
        db2: matrix,
        dW1: matrix,
        db1: matrix,
      }),
      after_one_update: rowLayoutParameters,
      ten_steps: array(object({ y_pred: number, loss: number })),
      printed_in_seed: object({ loss: number, second_loss: number, second_y_pred: number }),
    }),
  }),
  (s): SeedExamples => {
    const { first, after_one_update, ten_steps, printed_in_seed, ...network } = s.two_layer_relu_example;
    const { y_pred, ...firstRest } = first;
    const { dapple_num, ...apple } = s.apple;
    const { dapple_num: appleNum, dorange_num, ...appleOrange } = s.apple_orange;
    return {
      apple: { ...apple, dappleNum: dapple_num },
      appleOrange: { ...appleOrange, dappleNum: appleNum, dorangeNum: dorange_num },
      affineBatchBias: s.affine_batch_bias,
      softmaxWithLossBackward: {
        t: s.softmax_with_loss_backward.t,
        y: s.softmax_with_loss_backward.y,
        dxBatch1: s.softmax_with_loss_backward.dx_batch1,
      },
      reluMask: s.relu_mask,
      twoLayerReluExample: {
        ...network,
        first: { ...firstRest, yPred: y_pred },
        afterOneUpdate: after_one_update,
        tenSteps: ten_steps.map(({ y_pred: yPred, loss }) => ({ yPred, loss })),
        printedInSeed: {
          loss: printed_in_seed.loss,
          secondLoss: printed_in_seed.second_loss,
          secondYPred: printed_in_seed.second_y_pred,
        },
      },
    };
  },
);

/** The worked examples of the seed documents (computational graphs, softmax-with-loss, a two-layer step). */
export const loadSeedExamples = (location: FixtureLocation = {}): SeedExamples =>
  read("seed-examples.json", seedExamples, location);
