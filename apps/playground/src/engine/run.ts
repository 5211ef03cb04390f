import {
  type Activation,
  type Cost,
  getActivation,
  getCost,
  getOptimizer,
  type Parameters,
  splitPluginNames,
} from "@stepwise/core";
import type { NetworkSpec } from "@stepwise/forward-cache";
import { initializerByName } from "@stepwise/init";
import {
  isTrainingStopped,
  L_layer_model,
  type Prediction,
  predict,
  type TrainOptions,
  type TrainResult,
} from "@stepwise/model";
import { schedule_lr_decay, update_lr } from "@stepwise/optimizer";
import { type Backend, type Matrix, type StepwiseError, toBackend } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { RunConfig } from "./config.js";
import { optimizerNameOf, registry } from "./registry.js";

/** A config's plugins, looked up by name: the errors are the registry's (unknown name, bad parameter). */
export interface Choices {
  readonly spec: NetworkSpec;
  readonly cost: Cost;
}

/** `config.hidden`: one activation for every hidden layer, or one per hidden layer (engine/hidden.ts). */
const hiddenOf = (hidden: string): E.Either<StepwiseError, NetworkSpec["hidden"]> => {
  const names = splitPluginNames(hidden);
  return names.length === 1
    ? getActivation(registry, hidden)
    : E.traverseArray((name: string) => getActivation(registry, name))(names);
};

export const choicesOf = (config: RunConfig): E.Either<StepwiseError, Choices> =>
  pipe(
    E.Do,
    E.apS("hidden", hiddenOf(config.hidden)),
    E.apS("output", getActivation(registry, config.output)),
    E.apS("cost", getCost(registry, config.cost)),
    E.map(({ hidden, output, cost }: { hidden: NetworkSpec["hidden"]; output: Activation; cost: Cost }) => ({
      spec: { hidden, output },
      cost,
    })),
  );

/**
 * The Course 2 options of a config, as `@stepwise/model` takes them: the notebooks' reseeded shuffles
 * (epoch e shuffles with seed shuffle_seed + e + 1) and per-epoch learning-rate decay (the course's
 * `update_lr`, or `schedule_lr_decay` stepped every `time_interval` epochs). The model checks them (a
 * shuffle seed without mini-batches is its error, shown as any other).
 */
export const courseTwoOptionsOf = (config: RunConfig): TrainOptions => ({
  ...(config.shuffle_seed === null ? {} : { shuffle_seed: config.shuffle_seed }),
  ...(config.decay === "none"
    ? {}
    : {
        decay:
          config.decay === "update-lr"
            ? update_lr
            : (learning_rate0: number, epoch_num: number, decay_rate: number) =>
                schedule_lr_decay(learning_rate0, epoch_num, decay_rate, config.time_interval),
        decay_rate: config.decay_rate,
      }),
});

/** The model package's options for a config (its `onIteration` and `signal` come from the caller). */
export const trainOptionsOf = (
  config: RunConfig,
  extra: Pick<TrainOptions, "onIteration">,
): E.Either<StepwiseError, TrainOptions> =>
  pipe(
    E.Do,
    E.apS("choices", choicesOf(config)),
    E.apS("init", initializerByName(config.init)),
    E.apS("optimizer", getOptimizer(registry, optimizerNameOf(config.optimizer, config.optimizerParams))),
    E.map(({ choices, init, optimizer }) => ({
      learning_rate: config.learning_rate,
      num_iterations: config.iterations,
      init,
      spec: choices.spec,
      cost: choices.cost,
      optimizer,
      ...(config.mini_batch_size === null ? {} : { mini_batch_size: config.mini_batch_size }),
      lambd: config.lambd,
      keep_prob: config.keep_prob,
      seed: config.seed,
      plan: config.plan,
      ...courseTwoOptionsOf(config),
      ...extra,
    })),
  );

export interface TrainingData {
  readonly train_x: Matrix;
  readonly train_y: Matrix;
  readonly test_x?: Matrix;
  readonly test_y?: Matrix;
}

export interface FinishedRun {
  readonly result: TrainResult;
  readonly train: Prediction;
  readonly test: Prediction | undefined;
}

export interface RunFailure {
  readonly message: string;
  /** The costs up to a divergence, when training started. */
  readonly costs: ReadonlyArray<number>;
}

/** The data on `backend`: the run, its predictions and its parameters then all live there. */
const dataOn = (data: TrainingData, backend: Backend): TrainingData => ({
  train_x: toBackend(data.train_x, backend),
  train_y: toBackend(data.train_y, backend),
  ...(data.test_x === undefined ? {} : { test_x: toBackend(data.test_x, backend) }),
  ...(data.test_y === undefined ? {} : { test_y: toBackend(data.test_y, backend) }),
});

/**
 * Trains a config on data with `@stepwise/model`'s `L_layer_model`, then predicts on both sets, all on
 * `backend` (default: the data's own); the trained parameters come back on it.
 */
export const trainRun = (
  config: RunConfig,
  given: TrainingData,
  onIteration: (iteration: number, cost: number, parameters: () => Parameters) => void,
  backend: Backend = given.train_x.backend,
): E.Either<RunFailure, FinishedRun> => {
  const options = trainOptionsOf(config, { onIteration });
  if (E.isLeft(options)) return E.left({ message: options.left.message, costs: [] });
  const data = dataOn(given, backend);
  const trained = L_layer_model(data.train_x, data.train_y, config.layers, options.right);
  if (E.isLeft(trained))
    return E.left({
      message: trained.left.message,
      costs: isTrainingStopped(trained.left) ? trained.left.partial.costs : [],
    });
  const spec = options.right.spec;
  const train = predict(data.train_x, data.train_y, trained.right.parameters, spec);
  const test =
    data.test_x === undefined || data.test_y === undefined
      ? E.right(undefined)
      : predict(data.test_x, data.test_y, trained.right.parameters, spec);
  if (E.isLeft(train)) return E.left({ message: train.left.message, costs: trained.right.costs });
  if (E.isLeft(test)) return E.left({ message: test.left.message, costs: trained.right.costs });
  return E.right({ result: trained.right, train: train.right, test: test.right });
};
