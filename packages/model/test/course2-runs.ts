import { binary_cross_entropy_nansum } from "@stepwise/cost-binary-cross-entropy";
import { load_circles_dataset, load_moons_dataset } from "@stepwise/data";
import { load_football_dataset } from "@stepwise/data/node";
import {
  initialize_parameters_deep,
  initialize_parameters_he,
  initialize_parameters_random,
  initialize_parameters_zeros,
} from "@stepwise/init";
import { adam, gd, momentum, schedule_lr_decay, update_lr } from "@stepwise/optimizer";
import type { Matrix } from "@stepwise/tensor";
import { loadFixture } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import type { TrainOptions } from "../src/index.js";

/** One training run of course2-runs.json, as the file holds it. */
export interface NotebookRun {
  readonly call: string;
  /** [iteration or epoch, cost]; non-finite costs are the strings "inf", "-inf", "nan". */
  readonly costs: ReadonlyArray<readonly [number, number | string]>;
  readonly parameters: Readonly<Record<string, ReadonlyArray<ReadonlyArray<number>>>>;
  /** [train, test], or [train] for the Optimization notebook. */
  readonly accuracy: ReadonlyArray<number>;
}

export type Section = "initialization" | "regularization" | "optimization";

interface Fixture {
  readonly [section: string]: { readonly model: string; readonly runs: ReadonlyArray<NotebookRun> };
}

export const notebookRuns = (section: Section): ReadonlyArray<NotebookRun> =>
  (loadFixture("course2-runs.json") as Fixture)[section]?.runs ?? [];

export const fixtureNumber = (x: number | string): number =>
  typeof x === "number"
    ? x
    : x === "inf"
      ? Number.POSITIVE_INFINITY
      : x === "-inf"
        ? Number.NEGATIVE_INFINITY
        : Number.NaN;

/** The notebooks' data: train X, Y and (except moons) test X, Y. */
export type Data = readonly [Matrix, Matrix, Matrix?, Matrix?];

const football = async (): Promise<Data> => {
  const loaded = await load_football_dataset();
  if (E.isLeft(loaded)) throw new Error(loaded.left.message);
  return loaded.right;
};

/** Each notebook's data, network and the options of its `model(…)` defaults. */
export const notebooks: Readonly<
  Record<
    Section,
    {
      readonly data: () => Promise<Data>;
      readonly layers: ReadonlyArray<number>;
      readonly options: TrainOptions;
    }
  >
> = {
  // init_utils.py: [2, 10, 5, 1], lr 0.01, 15000 iterations, compute_loss = nansum / m, dz3 = (a3 − Y) / m.
  initialization: {
    data: async () => load_circles_dataset(),
    layers: [2, 10, 5, 1],
    options: { learning_rate: 0.01, num_iterations: 15000, seed: 3, cost: binary_cross_entropy_nansum },
  },
  // reg_utils.py: [2, 20, 3, 1], randn / √n_prev from seed 3, lr 0.3, 30000 iterations, dW = 1./m * np.dot(…).
  regularization: {
    data: football,
    layers: [2, 20, 3, 1],
    options: {
      learning_rate: 0.3,
      num_iterations: 30000,
      seed: 3,
      init: initialize_parameters_deep,
      cost: binary_cross_entropy_nansum,
      batchMean: "reciprocal",
    },
  },
  // opt_utils_v1a.py: [2, 5, 2, 1], He from seed 3, mini-batches of 64 reseeded 10 + epoch + 1, 5000 epochs.
  optimization: {
    data: async () => load_moons_dataset(),
    layers: [2, 5, 2, 1],
    options: {
      learning_rate: 0.0007,
      num_iterations: 5000,
      seed: 3,
      init: initialize_parameters_he,
      mini_batch_size: 64,
      shuffle_seed: 10,
    },
  },
};

/** Each run's own arguments, by its call as the fixture records it. */
export const runOptions: Readonly<Record<string, TrainOptions>> = {
  'model(train_X, train_Y, initialization = "zeros")': { init: initialize_parameters_zeros },
  // Starts at cost inf (saturated sigmoids) and trains on, as the notebook does.
  'model(train_X, train_Y, initialization = "random")': {
    init: initialize_parameters_random(10),
    keepGoingOnNonFinite: true,
  },
  'model(train_X, train_Y, initialization = "he")': { init: initialize_parameters_he },
  "model(train_X, train_Y)": {},
  "model(train_X, train_Y, lambd = 0.7)": { lambd: 0.7 },
  "model(train_X, train_Y, keep_prob = 0.86, learning_rate = 0.3)": { keep_prob: 0.86, dropout_seed: 1 },
  'model(train_X, train_Y, layers_dims, optimizer = "gd")': { optimizer: gd },
  'model(train_X, train_Y, layers_dims, beta = 0.9, optimizer = "momentum")': {
    optimizer: momentum,
    optimizer_hyperparameters: { beta: 0.9 },
  },
  'model(train_X, train_Y, layers_dims, optimizer = "adam")': { optimizer: adam },
  'model(train_X, train_Y, layers_dims, optimizer = "gd", learning_rate = 0.1, num_epochs=5000, decay=update_lr)':
    {
      optimizer: gd,
      learning_rate: 0.1,
      decay: update_lr,
    },
  'model(train_X, train_Y, layers_dims, optimizer = "gd", learning_rate = 0.1, num_epochs=5000, decay=schedule_lr_decay)':
    { optimizer: gd, learning_rate: 0.1, decay: schedule_lr_decay },
  'model(train_X, train_Y, layers_dims, optimizer = "momentum", learning_rate = 0.1, num_epochs=5000, decay=schedule_lr_decay)':
    { optimizer: momentum, learning_rate: 0.1, decay: schedule_lr_decay },
  'model(train_X, train_Y, layers_dims, optimizer = "adam", learning_rate = 0.01, num_epochs=5000, decay=schedule_lr_decay)':
    { optimizer: adam, learning_rate: 0.01, decay: schedule_lr_decay },
};
