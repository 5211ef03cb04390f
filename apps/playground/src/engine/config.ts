/**
 * A run, as plain data: what the UI edits, what the URL holds, what the worker trains and what the
 * exported program reproduces. Plugin names are the registry's (`relu`, `leaky_relu(alpha=0.2)`).
 */

export type ToyName = "moons" | "circles" | "football" | "spiral" | "xor" | "blobs";

export type DataChoice =
  | { readonly kind: "catvnoncat" }
  | {
      readonly kind: "toy";
      readonly name: ToyName;
      readonly n: number;
      readonly noise: number;
      readonly seed: number;
    }
  | { readonly kind: "csv"; readonly name: string; readonly label: string };

export interface RunConfig {
  readonly data: DataChoice;
  /** layers_dims, input and output sizes included. */
  readonly layers: ReadonlyArray<number>;
  /** An initializer name of `@stepwise/init` (`deep`, `two-layer`, `he`, …). */
  readonly init: string;
  readonly hidden: string;
  readonly output: string;
  readonly cost: string;
  readonly optimizer: string;
  /** The optimizer's hyper-parameters by name (`beta`, `beta1`, `beta2`, `epsilon`); unset take defaults. */
  readonly optimizerParams: Readonly<Record<string, number>>;
  readonly learning_rate: number;
  /** Iterations over the whole set, or epochs with mini-batches. */
  readonly iterations: number;
  readonly seed: number;
  readonly mini_batch_size: number | null;
  readonly lambd: number;
  readonly keep_prob: number;
  /** Learning-rate decay per epoch: none, the course's update_lr, or schedule_lr_decay. */
  readonly decay: "none" | "update-lr" | "schedule-lr-decay";
  readonly decay_rate: number;
  readonly time_interval: number;
  /** The Course 2 notebooks' shuffles: epoch e uses `seed = shuffle_seed + e + 1`; null: one running generator. */
  readonly shuffle_seed: number | null;
  readonly plan: "auto" | "primal" | "dual";
}

const course: Omit<RunConfig, "layers" | "init"> = {
  data: { kind: "catvnoncat" },
  hidden: "relu",
  output: "sigmoid",
  cost: "binary_cross_entropy",
  optimizer: "gd",
  optimizerParams: {},
  learning_rate: 0.0075,
  iterations: 2500,
  seed: 1,
  mini_batch_size: null,
  lambd: 0,
  keep_prob: 1,
  decay: "none",
  decay_rate: 1,
  time_interval: 1000,
  shuffle_seed: null,
  plan: "auto",
};

/** The application notebook's L-layer run: [12288, 20, 7, 5, 1], lr 0.0075, 2500 iterations, seed 1. */
export const courseLLayer: RunConfig = { ...course, layers: [12288, 20, 7, 5, 1], init: "deep" };

/** The application notebook's two-layer run: [12288, 7, 1], initialize_parameters (randn · 0.01). */
export const courseTwoLayer: RunConfig = { ...course, layers: [12288, 7, 1], init: "two-layer" };

/**
 * The Optimization notebook's Adam run on moons: [2, 5, 2, 1], He init seed 3, lr 0.0007, mini-batches
 * of 64 shuffled with seed 10 + epoch + 1, 5000 epochs. The notebook reaches 0.9433333333333334.
 */
export const notebookAdamMoons: RunConfig = {
  ...course,
  data: { kind: "toy", name: "moons", n: 300, noise: 0.2, seed: 3 },
  layers: [2, 5, 2, 1],
  init: "he",
  optimizer: "adam",
  learning_rate: 0.0007,
  iterations: 5000,
  seed: 3,
  mini_batch_size: 64,
  shuffle_seed: 10,
};

/** What the 2-D playground opens with: a small, quick network on moons. */
export const defaultToy: RunConfig = {
  ...course,
  data: { kind: "toy", name: "moons", n: 300, noise: 0.2, seed: 3 },
  layers: [2, 8, 4, 1],
  init: "he",
  optimizer: "adam",
  learning_rate: 0.01,
  iterations: 1000,
  seed: 3,
  mini_batch_size: 64,
};
