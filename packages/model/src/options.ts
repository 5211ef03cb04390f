import type { BatchMean } from "@stepwise/backward";
import {
  type Cost,
  checkOutputCost,
  type Hyperparameters,
  type OptimizerDefinition,
  type Parameters,
  type PluginFactory,
  type Schedule,
} from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { type BatchNormNetworkSpec, courseSpec, type NetworkSpec } from "@stepwise/forward-cache";
import { type Initializer, initialize_parameters_deep } from "@stepwise/init";
import { gd, optimizerDefinition } from "@stepwise/optimizer";
import { type Backend, invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { PlanChoice } from "./plans/choose.js";
import { type Decay, epochRates } from "./schedule.js";

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
   * for live pictures such as a decision boundary; the fourth is the learning rate the next one runs at
   * (the notebook's "learning rate after epoch i").
   */
  readonly onIteration?: (
    iteration: number,
    cost: number,
    parameters: () => Parameters,
    learning_rate: number,
  ) => void;
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
   * Course 2's reseeded shuffles: epoch e (from 0) shuffles with `random_mini_batches(X, Y, size,
   * seed = shuffle_seed + e + 1)`, as the Optimization notebook does (with 10). Needs `mini_batch_size`.
   * Unset (default): the shuffles draw from the run's one generator, after the initialization.
   */
  readonly shuffle_seed?: number;
  /**
   * Dropout masks drawn from a fresh `seed(dropout_seed)` at every forward pass, as the Regularization
   * notebook's `forward_propagation_with_dropout` does (with 1): every iteration then drops the same
   * units. Needs `keep_prob` < 1. Unset (default): masks draw from the run's one generator.
   */
  readonly dropout_seed?: number;
  /**
   * Learning-rate decay per epoch, as the Optimization notebook's `model(…, decay=update_lr)`: `update_lr`
   * or `schedule_lr_decay` from @stepwise/optimizer, or any `(learning_rate0, epoch_num, decay_rate) => rate`.
   * Epoch 0 runs at `learning_rate`, epoch e ≥ 1 at `decay(learning_rate, e − 1, decay_rate)`; the result's
   * `learning_rates` lists the rate of every epoch. Unset (default): a constant rate.
   */
  readonly decay?: Decay;
  /** The decay's rate (default 1, the notebook's). */
  readonly decay_rate?: number;
  /**
   * The learning rate of every update instead of a constant one or a per-epoch `decay`: a pure
   * `(step) => rate` with the step from 1, one per mini-batch, such as @stepwise/optimizer's optax
   * schedules (`cosineDecaySchedule(0.01, { decay_steps: 1000 })`, `scheduleFromName(…)`), which count
   * updates as optax does. `learning_rates` in the result lists each epoch's first rate.
   */
  readonly learning_rate_schedule?: Schedule;
  /**
   * Train on when the cost is NaN or infinite (default false: stop with a `Diverged` error that says why).
   * The Initialization notebook's `randn · 10` run starts at cost inf (saturated sigmoids) and recovers.
   * The look at the optimizer's state every 100 iterations then includes the parameters: non-finite ones
   * still stop the run.
   */
  readonly keepGoingOnNonFinite?: boolean;
  /**
   * How gradients average over a batch: `dZ·A_prevᵀ / m` ("divide", default, Course 1's notebooks) or
   * `(1/m)·dZ·A_prevᵀ` ("reciprocal", Course 2's Regularization notebook). Equal up to rounding, which a
   * 30,000-iteration run at learning rate 0.3 grows to ~1e-8 of a parameter. "reciprocal" trains with
   * the primal plan.
   */
  readonly batchMean?: BatchMean;
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
  readonly onIteration:
    | ((iteration: number, cost: number, parameters: () => Parameters, learning_rate: number) => void)
    | undefined;
  readonly signal: AbortSignal | undefined;
  readonly sliceMs: number;
  readonly plan: PlanChoice;
  readonly shuffle_seed: number | undefined;
  readonly dropout_seed: number | undefined;
  readonly decay: Decay | undefined;
  readonly decay_rate: number;
  readonly schedule: Schedule | undefined;
  /** With a decay, every epoch's rate, 0 … num_iterations (schedule.ts's `epochRates`). */
  readonly epoch_rates: ReadonlyArray<number> | undefined;
  readonly keepGoingOnNonFinite: boolean;
  readonly batchMean: BatchMean;
  readonly backend: Backend | undefined;
}

const check = (ok: boolean, message: string): E.Either<StepwiseError, void> =>
  ok ? E.right(undefined) : E.left(invalidArgument(message));

const isPositiveInteger = (n: number): boolean => Number.isInteger(n) && n >= 1;

/** The options with their defaults, before the checks that need them all (decay's table, the optimizer). */
type Unchecked = Omit<ResolvedOptions, "optimizer" | "epoch_rates">;

const isSeed = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;

/** The Course 2 options: seeds in range, and each only where it does something. */
const courseTwoChecks = (fn: string, o: Unchecked): ReadonlyArray<E.Either<StepwiseError, void>> => {
  const { shuffle_seed, dropout_seed, decay, decay_rate, num_iterations } = o;
  return [
    check(
      shuffle_seed === undefined || (isSeed(shuffle_seed) && isSeed(shuffle_seed + num_iterations)),
      `${fn}: shuffle_seed is ${shuffle_seed}; epoch e seeds with shuffle_seed + e + 1, which must stay in 0..4294967295: pass an integer ≥ 0 and ≤ ${0xffffffff - num_iterations} (the notebook uses 10)`,
    ),
    check(
      shuffle_seed === undefined || o.mini_batch_size !== undefined,
      `${fn}: shuffle_seed is ${shuffle_seed} but there is no mini_batch_size, so nothing is shuffled; pass mini_batch_size too (the notebook uses 64)`,
    ),
    check(
      dropout_seed === undefined || isSeed(dropout_seed),
      `${fn}: dropout_seed is ${dropout_seed}; pass an integer in 0..4294967295 (the notebook uses 1)`,
    ),
    check(
      dropout_seed === undefined || o.keep_prob < 1,
      `${fn}: dropout_seed is ${dropout_seed} but keep_prob is 1, so there is no dropout; pass keep_prob < 1 too (the notebook uses 0.86)`,
    ),
    check(
      decay === undefined || typeof decay === "function",
      `${fn}: decay is ${String(decay)}; pass a function (learning_rate0, epoch_num, decay_rate) => rate, such as update_lr or schedule_lr_decay from @stepwise/optimizer`,
    ),
    check(
      o.schedule === undefined || typeof o.schedule === "function",
      `${fn}: learning_rate_schedule is ${String(o.schedule)}; pass a function (step) => rate, such as cosineDecaySchedule(…) from @stepwise/optimizer`,
    ),
    check(
      o.schedule === undefined || decay === undefined,
      `${fn}: both decay and learning_rate_schedule are given; pass one (decay is per epoch, as the notebook's; a schedule gives every update's rate)`,
    ),
    check(
      typeof o.keepGoingOnNonFinite === "boolean",
      `${fn}: keepGoingOnNonFinite is ${String(o.keepGoingOnNonFinite)}; pass true or false`,
    ),
    check(
      o.batchMean === "divide" || o.batchMean === "reciprocal",
      `${fn}: batchMean is ${String(o.batchMean)}; pass "divide" (dZ·A_prevᵀ / m) or "reciprocal" ((1/m)·dZ·A_prevᵀ)`,
    ),
    check(
      o.batchMean === "divide" || o.plan !== "dual",
      `${fn}: batchMean "reciprocal" needs the primal plan (the dual plan divides by m); pass plan "primal" or "auto"`,
    ),
    check(
      Number.isFinite(decay_rate) && decay_rate >= 0,
      `${fn}: decay_rate is ${decay_rate}; pass a finite number ≥ 0 (the notebook uses 1)`,
    ),
  ];
};

/** Fills in the defaults and checks every number, naming the function, the value and the fix. */
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
  const resolved: Unchecked = {
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
    shuffle_seed: options.shuffle_seed,
    dropout_seed: options.dropout_seed,
    decay: options.decay,
    decay_rate: options.decay_rate ?? 1,
    schedule: options.learning_rate_schedule,
    keepGoingOnNonFinite: options.keepGoingOnNonFinite ?? false,
    batchMean: options.batchMean ?? "divide",
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
    ...courseTwoChecks(fn, resolved),
  ];
  const failed = checks.find(E.isLeft);
  if (failed !== undefined && E.isLeft(failed)) return failed;
  const paired = checkOutputCost(fn, resolved.spec.output, resolved.cost, outputUnits);
  if (E.isLeft(paired)) return paired;
  const { decay, decay_rate } = resolved;
  const epoch_rates =
    decay === undefined
      ? E.right(undefined)
      : epochRates(fn, learning_rate, decay, decay_rate, num_iterations);
  if (E.isLeft(epoch_rates)) return epoch_rates;
  return E.bimap(
    (e: StepwiseError) => invalidArgument(`${fn}: optimizer ${e.message}`),
    (optimizer: OptimizerDefinition) => ({ ...resolved, optimizer, epoch_rates: epoch_rates.right }),
  )(optimizerDefinition(options.optimizer ?? gd, options.optimizer_hyperparameters ?? {}));
};
