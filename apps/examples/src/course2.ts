/**
 * The training runs of Course 2 ("Improving Deep Neural Networks"), weeks 1 and 2: the Initialization,
 * Regularization and Optimization notebooks' `model(…)` calls, each through `L_layer_model` with the
 * options that say what the notebook does, printing the notebook's lines.
 *
 *   pnpm example opt-adam      Cost after epoch 0: 0.702166 … Accuracy: 0.9433333333333334
 *
 * Every run here is also one `stepwise train` command (`cli` below; the README lists them) and is tested
 * against the notebooks' numbers (fixtures/course2-runs.json) in @stepwise/model, the CLI and here.
 *
 * What each notebook does, as options:
 * - Initialization (init_utils.py): circles, [2, 10, 5, 1], lr 0.01, 15000 iterations, zeros / randn·10 /
 *   He (randn·√(2/n_prev)) from `np.random.seed(3)`; its cost is `1./m * np.nansum(logprobs)` and its
 *   backward pass starts from `dz3 = 1./m * (a3 - Y)`: the `binary_cross_entropy_nansum` cost. The randn·10
 *   run starts at cost inf and trains on: `keepGoingOnNonFinite`.
 * - Regularization (reg_utils.py): football, [2, 20, 3, 1], randn/√n_prev from seed 3, lr 0.3, 30000
 *   iterations, `dW = 1./m * np.dot(dZ, A.T)` (`batchMean: "reciprocal"`); L2 λ = 0.7, or dropout with
 *   keep_prob 0.86 whose masks come from `np.random.seed(1)` at every forward pass (`dropout_seed: 1`).
 * - Optimization (opt_utils_v1a.py): moons, [2, 5, 2, 1], He from seed 3, mini-batches of 64 shuffled with
 *   `seed = 10 + epoch + 1` (`shuffle_seed: 10`), 5000 epochs, gd / momentum / Adam, and learning-rate decay
 *   (`update_lr`, `schedule_lr_decay` with time_interval 1000, decay_rate 1).
 */
import { readFileSync } from "node:fs";
import type { Cost } from "@stepwise/core";
import { binary_cross_entropy_nansum } from "@stepwise/cost-binary-cross-entropy";
import { load_circles_dataset, load_moons_dataset, parse_football_dataset } from "@stepwise/data";
import { FOOTBALL_CSV_URL } from "@stepwise/data/node";
import {
  initialize_parameters_deep,
  initialize_parameters_he,
  initialize_parameters_random,
  initialize_parameters_zeros,
} from "@stepwise/init";
import { L_layer_model, predict, type TrainOptions } from "@stepwise/model";
import { adam, gd, momentum, schedule_lr_decay, update_lr } from "@stepwise/optimizer";
import type { Matrix } from "@stepwise/tensor";
import { COURSE2_NAMES, type Course2Name } from "./course2-names.js";
import { orThrow } from "./run.js";

export type Notebook = "initialization" | "regularization" | "optimization";

/** One notebook run: its example name, the call the fixture records, the CLI command and the options. */
export interface Course2Run {
  readonly name: Course2Name;
  readonly notebook: Notebook;
  /** The notebook's call, exactly as fixtures/course2-runs.json records it. */
  readonly call: string;
  /** What it shows, for the example list. */
  readonly about: string;
  /** `stepwise train` flags that run it. */
  readonly cli: ReadonlyArray<string>;
  /** The same run as `L_layer_model` options (the notebook's defaults included). */
  readonly options: TrainOptions;
  /** What the notebook prints before the training accuracy ("On the training set:" in one cell). */
  readonly trainLabel?: string;
}

interface NotebookSetup {
  readonly layers: ReadonlyArray<number>;
  readonly cli: ReadonlyArray<string>;
  readonly options: TrainOptions;
  /** Print every … iterations (epochs), as the notebook does. */
  readonly printEvery: number;
}

const nansum: Cost = binary_cross_entropy_nansum;

export const NOTEBOOKS: Readonly<Record<Notebook, NotebookSetup>> = {
  initialization: {
    layers: [2, 10, 5, 1],
    cli: [
      "--data",
      "circles",
      "--layers",
      "2,10,5,1",
      "--seed",
      "3",
      "--learning-rate",
      "0.01",
      "--iterations",
      "15000",
      "--cost",
      "binary-cross-entropy-nansum",
      "--print-every",
      "1000",
    ],
    options: { learning_rate: 0.01, num_iterations: 15000, seed: 3, cost: nansum },
    printEvery: 1000,
  },
  regularization: {
    layers: [2, 20, 3, 1],
    cli: [
      "--data",
      "football",
      "--layers",
      "2,20,3,1",
      "--init",
      "deep",
      "--seed",
      "3",
      "--learning-rate",
      "0.3",
      "--iterations",
      "30000",
      "--cost",
      "binary-cross-entropy-nansum",
      "--batch-mean",
      "reciprocal",
      "--print-every",
      "10000",
    ],
    options: {
      learning_rate: 0.3,
      num_iterations: 30000,
      seed: 3,
      init: initialize_parameters_deep,
      cost: nansum,
      batchMean: "reciprocal",
    },
    printEvery: 10000,
  },
  optimization: {
    layers: [2, 5, 2, 1],
    cli: [
      "--data",
      "moons",
      "--layers",
      "2,5,2,1",
      "--init",
      "he",
      "--seed",
      "3",
      "--mini-batch-size",
      "64",
      "--shuffle-seed",
      "10",
      "--iterations",
      "5000",
      "--print-every",
      "1000",
    ],
    options: {
      num_iterations: 5000,
      seed: 3,
      init: initialize_parameters_he,
      mini_batch_size: 64,
      shuffle_seed: 10,
    },
    printEvery: 1000,
  },
};

const aboutOf = (name: Course2Name): string => COURSE2_NAMES.find(([n]) => n === name)?.[1] ?? name;

const run = (
  name: Course2Name,
  notebook: Notebook,
  call: string,
  cli: ReadonlyArray<string>,
  options: TrainOptions,
  trainLabel?: string,
): Course2Run => ({
  name,
  notebook,
  call,
  about: aboutOf(name),
  cli: [...NOTEBOOKS[notebook].cli, ...cli],
  options: { ...NOTEBOOKS[notebook].options, ...options },
  ...(trainLabel === undefined ? {} : { trainLabel }),
});

const decay = (optimizer: string, rate: string, schedule: "update_lr" | "schedule_lr_decay"): string =>
  `model(train_X, train_Y, layers_dims, optimizer = "${optimizer}", learning_rate = ${rate}, num_epochs=5000, decay=${schedule})`;

/** The notebooks' 13 training runs, in the notebooks' order. */
export const COURSE2_RUNS: ReadonlyArray<Course2Run> = [
  run(
    "init-zeros",
    "initialization",
    'model(train_X, train_Y, initialization = "zeros")',
    ["--init", "zeros"],
    { init: initialize_parameters_zeros },
  ),
  run(
    "init-random",
    "initialization",
    'model(train_X, train_Y, initialization = "random")',
    ["--init", "random", "--keep-going-on-nonfinite"],
    { init: initialize_parameters_random(10), keepGoingOnNonFinite: true },
  ),
  run("init-he", "initialization", 'model(train_X, train_Y, initialization = "he")', ["--init", "he"], {
    init: initialize_parameters_he,
  }),
  run("reg-none", "regularization", "model(train_X, train_Y)", [], {}, "On the training set:"),
  run("reg-l2", "regularization", "model(train_X, train_Y, lambd = 0.7)", ["--lambd", "0.7"], { lambd: 0.7 }),
  run(
    "reg-dropout",
    "regularization",
    "model(train_X, train_Y, keep_prob = 0.86, learning_rate = 0.3)",
    ["--keep-prob", "0.86", "--dropout-seed", "1"],
    { keep_prob: 0.86, dropout_seed: 1 },
  ),
  run(
    "opt-gd",
    "optimization",
    'model(train_X, train_Y, layers_dims, optimizer = "gd")',
    ["--optimizer", "gd", "--learning-rate", "0.0007"],
    { optimizer: gd, learning_rate: 0.0007 },
  ),
  run(
    "opt-momentum",
    "optimization",
    'model(train_X, train_Y, layers_dims, beta = 0.9, optimizer = "momentum")',
    ["--optimizer", "momentum", "--beta", "0.9", "--learning-rate", "0.0007"],
    { optimizer: momentum, optimizer_hyperparameters: { beta: 0.9 }, learning_rate: 0.0007 },
  ),
  run(
    "opt-adam",
    "optimization",
    'model(train_X, train_Y, layers_dims, optimizer = "adam")',
    ["--optimizer", "adam", "--learning-rate", "0.0007"],
    { optimizer: adam, learning_rate: 0.0007 },
  ),
  run(
    "opt-gd-update-lr",
    "optimization",
    decay("gd", "0.1", "update_lr"),
    ["--optimizer", "gd", "--learning-rate", "0.1", "--decay", "update-lr"],
    { optimizer: gd, learning_rate: 0.1, decay: update_lr },
  ),
  run(
    "opt-gd-decay",
    "optimization",
    decay("gd", "0.1", "schedule_lr_decay"),
    ["--optimizer", "gd", "--learning-rate", "0.1", "--decay", "schedule-lr-decay"],
    { optimizer: gd, learning_rate: 0.1, decay: schedule_lr_decay },
  ),
  run(
    "opt-momentum-decay",
    "optimization",
    decay("momentum", "0.1", "schedule_lr_decay"),
    ["--optimizer", "momentum", "--learning-rate", "0.1", "--decay", "schedule-lr-decay"],
    { optimizer: momentum, learning_rate: 0.1, decay: schedule_lr_decay },
  ),
  run(
    "opt-adam-decay",
    "optimization",
    decay("adam", "0.01", "schedule_lr_decay"),
    ["--optimizer", "adam", "--learning-rate", "0.01", "--decay", "schedule-lr-decay"],
    { optimizer: adam, learning_rate: 0.01, decay: schedule_lr_decay },
  ),
];

/** The notebook's data: train X, Y and (except moons) test X, Y. */
export const notebookData = (notebook: Notebook): readonly [Matrix, Matrix, Matrix?, Matrix?] => {
  if (notebook === "initialization") return load_circles_dataset();
  if (notebook === "optimization") return load_moons_dataset();
  return orThrow(parse_football_dataset(readFileSync(FOOTBALL_CSV_URL, "utf8")));
};

/** A float as Python's `str` prints it (the notebooks print `str(cost)`): `inf`, `nan`, shortest digits. */
export const pyStr = (x: number): string =>
  Number.isNaN(x)
    ? "nan"
    : x === Number.POSITIVE_INFINITY
      ? "inf"
      : x === Number.NEGATIVE_INFINITY
        ? "-inf"
        : String(x);

/** What the notebook prints while it trains: `str(cost)` (weeks 1) or `%f` (week 2, with the decayed rate). */
const progressLine = (notebook: Notebook, decays: boolean) => {
  const every = NOTEBOOKS[notebook].printEvery;
  return (i: number, cost: number, next_rate: number): ReadonlyArray<string> => {
    if (i % every !== 0) return [];
    if (notebook !== "optimization") return [`Cost after iteration ${i}: ${pyStr(cost)}`];
    return [
      `Cost after epoch ${i}: ${cost.toFixed(6)}`,
      ...(decays ? [`learning rate after epoch ${i}: ${next_rate.toFixed(6)}`] : []),
    ];
  };
};

/**
 * Trains one notebook run and returns the lines the notebook prints: the costs as it trains, then the
 * accuracies (`predict` prints "Accuracy: …"; week 1 says which set first).
 */
export const runCourse2 = (example: Course2Run, options: TrainOptions = {}): ReadonlyArray<string> => {
  const [X, Y, testX, testY] = notebookData(example.notebook);
  const lines: string[] = [];
  const progress = progressLine(example.notebook, example.options.decay !== undefined);
  const trained = orThrow(
    L_layer_model(X, Y, NOTEBOOKS[example.notebook].layers, {
      ...example.options,
      ...options,
      onIteration: (i, cost, _parameters, next) => lines.push(...progress(i, cost, next)),
    }),
  );
  const accuracy = (x: Matrix, y: Matrix): string =>
    `Accuracy: ${pyStr(orThrow(predict(x, y, trained.parameters)).accuracy ?? Number.NaN)}`;
  if (testX === undefined || testY === undefined) return [...lines, accuracy(X, Y)];
  return [
    ...lines,
    example.trainLabel ?? "On the train set:",
    accuracy(X, Y),
    "On the test set:",
    accuracy(testX, testY),
  ];
};

export const course2Run = (name: string): Course2Run => {
  const found = COURSE2_RUNS.find((r) => r.name === name);
  if (found === undefined) throw new Error(`no Course 2 run named ${name}`);
  return found;
};

/** `pnpm example <name>` for one of the runs above. */
export const mainFor = (name: string) => (): void => {
  for (const line of runCourse2(course2Run(name))) console.log(line);
};
