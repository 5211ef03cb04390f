import {
  type Cost,
  checkOutputCost,
  type Hyperparameters,
  type OptimizerDefinition,
  type Parameters,
  type PluginFactory,
} from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { type BatchNormNetworkSpec, courseSpec, type NetworkSpec } from "@stepwise/forward-cache";
import { type Initializer, initialize_parameters_deep } from "@stepwise/init";
import { gd, optimizerDefinition } from "@stepwise/optimizer";
import { type Backend, invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { PlanChoice } from "./plans/choose.js";

/** Everything a training run can vary. Unset fields take the course's values. */
export interface TrainOptions {
  /** Step size (default 0.0075, the application notebook's). */
  readonly learning_rate?: number;
  /** Iterations over the whole training set; with mini-batches, epochs (default 3000, the course's). */
  readonly num_iterations?: number;
  /** How to initialize (default the application notebook's `initialize_parameters_deep`). */
  readonly init?: Initializer;
  /**
   * Hidden and output activations (default ReLU / sigmoid); with `batchNorm: { eps?, momentum? }`, batch
   * norm after every hidden layer's linear step (see `L_layer_model`).
   */
  readonly spec?: NetworkSpec | BatchNormNetworkSpec;
  /** The cost plugin (default binary cross-entropy). */
  readonly cost?: Cost;
  /**
   * The optimizer (default plain gradient descent): a definition, whose hyper-parameters are in its name
   * (`getOptimizer(registry, "adam(beta1=0.8)")`), or a plugin factory (`adam`) with
   * `optimizer_hyperparameters` by name, e.g. `{ beta1: 0.8 }`, the others at their defaults.
   */
  readonly optimizer?: OptimizerDefinition | PluginFactory<"optimizer">;
  readonly optimizer_hyperparameters?: Hyperparameters;
  /** Mini-batch size; unset trains on the whole batch every iteration, as the course's L_layer_model. */
  readonly mini_batch_size?: number;
  /** L2 strength λ (default 0). */
  readonly lambd?: number;
  /** Probability of keeping a hidden unit under inverted dropout (default 1: no dropout). */
  readonly keep_prob?: number;
  /** The seed for initialization, dropout masks and mini-batch shuffles (default 1, the course's). */
  readonly seed?: number;
  /** Print `Cost after iteration i: c` every `print_every` iterations, like the course's print_cost. */
  readonly print_cost?: boolean;
  readonly print_every?: number;
  /**
   * Called after every iteration (or epoch) with its cost: progress bars, live plots, logs. The third
   * argument returns the parameters as they stand after that iteration (a copy, made only when called),
   * for live pictures such as a decision boundary.
   */
  readonly onIteration?: (iteration: number, cost: number, parameters: () => Parameters) => void;
  /** Stops training between iterations; the result then says how far it got. */
  readonly signal?: AbortSignal;
  /**
   * `L_layer_model_async` only: the longest it trains before giving the event loop a turn, in
   * milliseconds (default 50; 0 gives it one after every iteration).
   */
  readonly sliceMs?: number;
  /**
   * How to train the first layer: "primal" as the course writes it, "dual" through the m × m Gram matrix
   * (same numbers, far less work when examples are fewer than features), or "auto" (default) to pick.
   */
  readonly plan?: PlanChoice;
  /**
   * The backend to train on (default: the one X is on). X, Y and the initial parameters are moved there
   * once; the trained parameters come back on it.
   */
  readonly backend?: Backend;
}

export interface ResolvedOptions {
  readonly learning_rate: number;
  readonly num_iterations: number;
  readonly init: Initializer;
  readonly spec: NetworkSpec | BatchNormNetworkSpec;
  readonly cost: Cost;
  /** The definition, its hyper-parameters resolved into its name. */
  readonly optimizer: OptimizerDefinition;
  readonly mini_batch_size: number | undefined;
  readonly lambd: number;
  readonly keep_prob: number;
  readonly seed: number;
  readonly print_cost: boolean;
  readonly print_every: number;
  readonly onIteration: ((iteration: number, cost: number, parameters: () => Parameters) => void) | undefined;
  readonly signal: AbortSignal | undefined;
  readonly sliceMs: number;
  readonly plan: PlanChoice;
  readonly backend: Backend | undefined;
}

const check = (ok: boolean, message: string): E.Either<StepwiseError, void> =>
  ok ? E.right(undefined) : E.left(invalidArgument(message));

const isPositiveInteger = (n: number): boolean => Number.isInteger(n) && n >= 1;

/**
 * Fills in the defaults and checks every number, naming the function, the value and the fix, and that the
 * cost suits the output activation (`checkOutputCost`; with `outputUnits`, the output layer's size, also
 * that a softmax has more than one unit).
 */
export const resolveOptions = (
  fn: string,
  options: TrainOptions,
  outputUnits?: number,
): E.Either<StepwiseError, ResolvedOptions> => {
  const resolved: Omit<ResolvedOptions, "optimizer"> = {
    learning_rate: options.learning_rate ?? 0.0075,
    num_iterations: options.num_iterations ?? 3000,
    init: options.init ?? initialize_parameters_deep,
    spec: options.spec ?? courseSpec,
    cost: options.cost ?? binary_cross_entropy,
    mini_batch_size: options.mini_batch_size,
    lambd: options.lambd ?? 0,
    keep_prob: options.keep_prob ?? 1,
    seed: options.seed ?? 1,
    print_cost: options.print_cost ?? false,
    print_every: options.print_every ?? 100,
    onIteration: options.onIteration,
    signal: options.signal,
    sliceMs: options.sliceMs ?? 50,
    plan: options.plan ?? "auto",
    backend: options.backend,
  };
  const { learning_rate, num_iterations, mini_batch_size, lambd, keep_prob, seed, print_every, sliceMs } =
    resolved;
  const checks = [
    check(
      Number.isFinite(learning_rate) && learning_rate > 0,
      `${fn}: learning_rate is ${learning_rate}; pass a finite number > 0 (the course uses 0.0075)`,
    ),
    check(
      Number.isInteger(num_iterations) && num_iterations >= 0,
      `${fn}: num_iterations is ${num_iterations}; pass an integer ≥ 0`,
    ),
    check(
      mini_batch_size === undefined || isPositiveInteger(mini_batch_size),
      `${fn}: mini_batch_size is ${mini_batch_size}; pass an integer ≥ 1 (the course uses 64)`,
    ),
    check(
      Number.isFinite(lambd) && lambd >= 0,
      `${fn}: lambd is ${lambd}; the L2 strength must be a finite number ≥ 0`,
    ),
    check(
      keep_prob > 0 && keep_prob <= 1,
      `${fn}: keep_prob is ${keep_prob}; it must be in (0, 1] (1 turns dropout off)`,
    ),
    check(
      Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff,
      `${fn}: seed is ${seed}; pass an integer in 0..4294967295`,
    ),
    check(isPositiveInteger(print_every), `${fn}: print_every is ${print_every}; pass an integer ≥ 1`),
    check(sliceMs >= 0, `${fn}: sliceMs is ${sliceMs}; pass a number of milliseconds ≥ 0`),
  ];
  const failed = checks.find(E.isLeft);
  if (failed !== undefined && E.isLeft(failed)) return failed;
  const paired = checkOutputCost(fn, resolved.spec.output, resolved.cost, outputUnits);
  if (E.isLeft(paired)) return paired;
  return E.bimap(
    (e: StepwiseError) => invalidArgument(`${fn}: optimizer ${e.message}`),
    (optimizer: OptimizerDefinition) => ({ ...resolved, optimizer }),
  )(optimizerDefinition(options.optimizer ?? gd, options.optimizer_hyperparameters ?? {}));
};
