import { type Activation, type Cost, checkOutputCost, type OptimizerDefinition } from "@stepwise/core";
import {
  BATCHNORM_EPS,
  BATCHNORM_MOMENTUM,
  type BatchNormNetworkSpec,
  type NetworkSpec,
} from "@stepwise/forward-cache";
import type { Initializer } from "@stepwise/init";
import { isTrainingStopped, L_layer_model, type PlanChoice, type TrainOptions } from "@stepwise/model";
import { type Matrix, takeColumns } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { type CliFailure, runtimeFailure, usageFailure } from "./cli-error.js";
import { isPluginThrew } from "./plugin-guard.js";

/*
 * What can be known to fail before a run folder exists is checked here, so a run that cannot work never
 * creates anything, and its message names the real cause (not "try a smaller learning rate").
 */

export interface Setup {
  readonly layers: ReadonlyArray<number>;
  /** One activation for every hidden layer, or one per hidden layer. */
  readonly hidden: NetworkSpec["hidden"];
  readonly output: Activation;
  readonly cost: Cost;
  /** The optimizer, its hyper-parameters in its name (`--beta1 0.8` is `adam(beta1=0.8)`). */
  readonly optimizer: OptimizerDefinition;
  readonly init: Initializer;
  readonly learningRate: number;
  readonly lambd: number;
  readonly keepProb: number;
  readonly miniBatchSize: number | undefined;
  readonly seed: number;
  readonly plan: PlanChoice;
  /** `--batch-norm`'s ε and momentum; undefined without it. */
  readonly batchNorm?: { readonly eps: number; readonly momentum: number };
  /** The Course 2 flags as model options (shuffle and dropout seeds, decay, keep going, averaging). */
  readonly courseTwo: TrainOptions;
}

/** The network the setup trains: its activations and, with `--batch-norm`, batch norm's settings. */
export const specOf = (setup: Setup): NetworkSpec | BatchNormNetworkSpec => ({
  hidden: setup.hidden,
  output: setup.output,
  ...(setup.batchNorm === undefined ? {} : { batchNorm: setup.batchNorm }),
});

/**
 * `--batch-norm` and its settings: ε and the momentum (PyTorch's defaults for what is not given), or
 * undefined without the flag, where a setting alone is a mistake to name.
 */
export const batchNormOf = (
  on: boolean,
  eps: number | undefined,
  momentum: number | undefined,
): E.Either<CliFailure, Setup["batchNorm"]> => {
  if (on) return E.right({ eps: eps ?? BATCHNORM_EPS, momentum: momentum ?? BATCHNORM_MOMENTUM });
  const alone =
    eps !== undefined
      ? `--batch-norm-eps ${eps}`
      : momentum !== undefined
        ? `--batch-norm-momentum ${momentum}`
        : undefined;
  return alone === undefined
    ? E.right(undefined)
    : E.left(usageFailure(`${alone} is a batch norm setting, but batch norm is off; add --batch-norm`));
};

/** A per-layer `--hidden` list names one activation per hidden layer of the network being trained. */
export const checkHiddenCount = (setup: Setup, layersSource: string): E.Either<CliFailure, void> => {
  const { hidden, layers } = setup;
  const count = layers.length - 2;
  if (!Array.isArray(hidden) || hidden.length === count) return E.right(undefined);
  return E.left(
    usageFailure(
      `--hidden lists ${hidden.length} activations but ${layersSource} ${layers.join(",")} ${count === 1 ? "has 1 hidden layer" : `have ${count} hidden layers`}; give one per hidden layer (layer 1 first), or a single activation for all of them`,
    ),
  );
};

/**
 * What `--batch-norm` needs of the other flags, said in their terms before anything runs: a hidden layer
 * to normalize, no dropout (not supported together), and mini-batches of at least 2 examples each (batch
 * norm normalizes over the batch; one example has no variance).
 */
export const checkBatchNorm = (setup: Setup, m: number): E.Either<CliFailure, void> => {
  if (setup.batchNorm === undefined) return E.right(undefined);
  const { layers, keepProb, miniBatchSize: size } = setup;
  if (layers.length < 3)
    return E.left(
      usageFailure(
        `--batch-norm puts batch norm after each hidden layer's linear step, but --layers ${layers.join(",")} has no hidden layer; add one (e.g. --layers ${layers[0]},20,7,5,${layers[layers.length - 1]}) or drop --batch-norm`,
      ),
    );
  if (keepProb < 1)
    return E.left(
      usageFailure(
        `--batch-norm with --keep-prob ${keepProb}: dropout and batch norm together are not supported; drop one of them`,
      ),
    );
  if (size !== undefined && size < m && (size === 1 || m % size === 1))
    return E.left(
      usageFailure(
        size === 1
          ? "--batch-norm with --mini-batch-size 1: batch norm normalizes over each mini-batch, which needs at least 2 examples; pass --mini-batch-size 2 or more (the course uses 64)"
          : `--batch-norm with --mini-batch-size ${size}: the ${m} training examples leave a last mini-batch of 1, and batch norm needs at least 2 examples per batch; pass another size, e.g. --mini-batch-size ${size + 1}`,
      ),
    );
  return E.right(undefined);
};

/** The flags as the user wrote them, for messages. */
export interface Written {
  readonly output: string;
  readonly cost: string;
}

/** The cost plugin must be defined for what the output activation gives (core's checkOutputCost). */
export const checkPairing = (setup: Setup, written: Written): E.Either<CliFailure, void> =>
  E.mapLeft((e: { readonly message: string }) => usageFailure(e.message))(
    checkOutputCost(
      `--output ${written.output} with --cost ${written.cost}`,
      setup.output,
      setup.cost,
      setup.layers[setup.layers.length - 1],
    ),
  );

/**
 * L2 with gradient descent: each step multiplies the weights by (1 − α·λ/m) besides the data's
 * gradient, so for α·λ/m ≥ 2 they grow without bound whatever the data say. Named before training.
 */
export const checkWeightDecay = (setup: Setup, m: number): E.Either<CliFailure, void> => {
  const { learningRate: alpha, lambd } = setup;
  if (setup.optimizer.meta.name !== "gd" || lambd === 0 || (alpha * lambd) / m < 2) return E.right(undefined);
  const factor = 1 - (alpha * lambd) / m;
  return E.left(
    usageFailure(
      `--lambd ${lambd} with --learning-rate ${alpha} and ${m} training examples: every gradient-descent step multiplies the weights by 1 − α·λ/m = ${factor.toPrecision(3)} (the L2 weight decay), so they grow without bound and the cost overflows whatever the learning rate on the data. Keep α·λ/m below 2: --lambd below ${((2 * m) / alpha).toPrecision(3)} here (the course uses 0.7)`,
    ),
  );
};

/** Trained on fewer examples than a mini-batch holds, every epoch is one full batch: said once. */
export const miniBatchNote = (miniBatchSize: number | undefined, m: number): string | undefined =>
  miniBatchSize !== undefined && miniBatchSize >= m
    ? `note: --mini-batch-size ${miniBatchSize} is at least the ${m} training examples, so every epoch is one full batch (full-batch training on the shuffled examples)`
    : undefined;

const firstColumns = (M: Matrix, n: number): Matrix =>
  takeColumns(
    M,
    Array.from({ length: Math.min(n, M.cols) }, (_, j) => j),
  );

/**
 * One iteration on the first two examples, through the real training path, before anything is created:
 * it runs every check of `L_layer_model` (the optimizer's own hyper-parameter checks, the plan), calls
 * every plugin once, and shows whether the cost is finite before any update — when it is not, the
 * learning rate cannot be the cause. L2 is left out: on two examples its term is m/2 times larger than
 * on the whole set, and `checkWeightDecay` covers it. The Course 2 options go through the model's own
 * checks here too (with --keep-going-on-nonfinite a non-finite first cost is no reason to stop).
 */
export const dryRun = (X: Matrix, Y: Matrix, setup: Setup, written: Written): E.Either<CliFailure, void> => {
  let result: ReturnType<typeof L_layer_model>;
  try {
    result = L_layer_model(firstColumns(X, 2), firstColumns(Y, 2), setup.layers, {
      learning_rate: setup.learningRate,
      num_iterations: 1,
      init: setup.init,
      spec: specOf(setup),
      cost: setup.cost,
      optimizer: setup.optimizer,
      ...(setup.miniBatchSize === undefined ? {} : { mini_batch_size: setup.miniBatchSize }),
      lambd: 0,
      keep_prob: setup.keepProb,
      seed: setup.seed,
      plan: setup.plan,
      ...setup.courseTwo,
    });
  } catch (e) {
    if (isPluginThrew(e)) return E.left(runtimeFailure(e.message));
    throw e;
  }
  if (E.isRight(result)) return E.right(undefined);
  const error = result.left;
  if (!isTrainingStopped(error)) return E.left(usageFailure(error.message));
  return E.left(
    usageFailure(
      `the cost is not a finite number on the first training examples, before any update, so the learning rate is not the cause: --output ${written.output}, --hidden and --cost ${written.cost} give a NaN or infinite cost (a plugin may return NaN, or the cost may not suit the output)`,
    ),
  );
};
