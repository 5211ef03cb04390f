import { modelBackward } from "@stepwise/backward";
import {
  type Checked,
  type Cost,
  checkExamples,
  checkFiniteData,
  checkLabels,
  checkParameters,
  layerDimsOf,
  type Optimizer,
  type OptimizerState,
  type Parameters,
  trustChecked,
} from "@stepwise/core";
import {
  type Caches,
  checkSpec,
  initialize_running_stats,
  isBatchNormSpec,
  modelForward,
  modelForwardBn,
  modelForwardWithDropout,
  type RunningStats,
} from "@stepwise/forward-cache";
import { initialize_parameters, validateLayerDims } from "@stepwise/init";
import { createOptimizer } from "@stepwise/optimizer";
import { type RandomState, seed as seedState } from "@stepwise/random";
import {
  dictionaryToBackend,
  formatShape,
  isAllFinite,
  type Matrix,
  type StepwiseError,
  shapeError,
  takeColumns,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { checkBatchNormRun, initialWithBatchNorm } from "./batchnorm.js";
import { afterMasks, epochBatches, maskSource, stepsPerEpoch } from "./epochs.js";
import { fusedFold } from "./fused/fold.js";
import { type ResolvedOptions, resolveOptions, type TrainOptions } from "./options.js";
import { choosePlan } from "./plans/choose.js";
import type { Plan } from "./plans/plan.js";
import { detach, type Run, startRun } from "./run.js";
import { checkScheduleRates, learningRateSchedule, rateAtEpoch, rateVaries } from "./schedule.js";
import { nonFiniteState, STATE_CHECK_EVERY } from "./state-check.js";

/** A finished run: the trained parameters and the cost of every iteration (or epoch). */
export interface TrainResult {
  readonly parameters: Parameters;
  readonly costs: ReadonlyArray<number>;
  /** Which plan trained the run (see plans/choose.ts); the numbers are the same either way. */
  readonly plan: Plan["name"];
  /**
   * With `spec.batchNorm`: the running mean `mu_l` and unbiased variance `var_l` of every hidden layer,
   * kept as PyTorch keeps them over the run's batches; what `predict` and `toModelFile` take beside the
   * parameters.
   */
  readonly running?: RunningStats;
  /** With a `decay`: the learning rate of every iteration (epoch), as metrics record it. */
  readonly learning_rates?: ReadonlyArray<number>;
  /** True when the run took the fused step for small networks (fused/choose.ts); same numbers. */
  readonly fused?: boolean;
}

/** The tags the model's own errors carry: a bad model file, and a run that stopped early. */
export type ModelErrorTag = "ModelFileError" | "Diverged" | "Aborted";

/**
 * A run that stopped early: diverged (a NaN or infinite cost) or aborted. It carries everything computed
 * so far, so a caller can still save the costs and the last good parameters.
 */
export interface TrainingStopped extends StepwiseError<"Diverged" | "Aborted"> {
  readonly partial: TrainResult;
}

export type TrainError = StepwiseError | TrainingStopped;

/** A layer size that does not fit the data: the first (X's rows) or the last (Y's rows). */
export interface LayerSizeMismatch extends StepwiseError<"ShapeError"> {
  readonly end: "first" | "last";
  /** The size the data needs there. */
  readonly expected: number;
}

const layerSizeMismatch = (end: "first" | "last", expected: number, message: string): LayerSizeMismatch => ({
  _tag: "ShapeError",
  message,
  end,
  expected,
});

/**
 * `layers_dims` against the data: the first size is X's row count (its features), the last Y's (the
 * output units). The error says which end is wrong and what it should be, so a caller (the CLI) can word
 * it in its own terms.
 */
export const checkLayersAgainstData = (
  fn: string,
  X: Matrix,
  Y: Matrix,
  layers_dims: ReadonlyArray<number>,
): E.Either<LayerSizeMismatch, void> => {
  const n_x = layers_dims[0];
  const n_y = layers_dims[layers_dims.length - 1];
  if (X.rows !== n_x)
    return E.left(
      layerSizeMismatch(
        "first",
        X.rows,
        `${fn}: X is ${formatShape(X)} but layers_dims starts with ${n_x}; the first size must be X's row count (${X.rows})`,
      ),
    );
  if (Y.rows !== n_y)
    return E.left(
      layerSizeMismatch(
        "last",
        Y.rows,
        `${fn}: Y is ${formatShape(Y)} but layers_dims ends with ${n_y}; the last size must be Y's row count (${Y.rows})`,
      ),
    );
  return E.right(undefined);
};

/**
 * The training data, checked once for the whole run: sizes that fit `layers_dims`, one column per example
 * in X and Y (at least one), finite numbers, and labels the cost accepts.
 */
export const checkData = (
  fn: string,
  X: Matrix,
  Y: Matrix,
  layers_dims: ReadonlyArray<number>,
  cost: Cost,
): E.Either<StepwiseError, void> =>
  pipe(
    checkLayersAgainstData(fn, X, Y, layers_dims),
    E.flatMap(() =>
      Y.cols === X.cols
        ? E.right(undefined)
        : E.left(
            shapeError(
              `${fn}: X is ${formatShape(X)} but Y is ${formatShape(Y)}; they need one column per example each`,
            ),
          ),
    ),
    E.flatMap(() => checkExamples(fn, "X", X)),
    E.flatMap(() => checkFiniteData(fn, "X", X)),
    E.flatMap(() => checkFiniteData(fn, "Y", Y)),
    E.flatMap(() => checkLabels(fn, Y, cost)),
    E.map(() => undefined),
  );

/** The initializer's parameters, checked once: a network of exactly `layers_dims`, finite. */
const checkInitial = (
  fn: string,
  initial: Parameters,
  layers_dims: ReadonlyArray<number>,
): E.Either<StepwiseError, Checked<Parameters>> =>
  pipe(
    checkParameters(fn, initial, layers_dims[0]),
    E.flatMap((checked) => {
      const dims = layerDimsOf(checked);
      return dims.length === layers_dims.length && dims.every((n, i) => n === layers_dims[i])
        ? E.right(checked)
        : E.left(
            shapeError(
              `${fn}: the initializer made parameters for layers ${dims.join(", ")} but layers_dims is ${layers_dims.join(", ")}; an init must follow layers_dims`,
            ),
          );
    }),
  );

/**
 * One forward pass (with dropout when asked, with batch norm when the spec has it), returning AL, the
 * caches, the advanced RNG and the running statistics advanced by this batch. No checks: the data and the
 * initial parameters were checked before the loop, and every update keeps each key and shape. Dropout's
 * masks come from the run's generator, or from a fresh `seed(dropout_seed)` (epochs.ts).
 */
const forward = (
  X: Matrix,
  parameters: Checked<Parameters>,
  o: ResolvedOptions,
  rng: RandomState,
  running: RunningStats | undefined,
): readonly [Matrix, Caches, RandomState, RunningStats | undefined] => {
  if (isBatchNormSpec(o.spec) && running !== undefined) {
    const [AL, caches, next] = modelForwardBn(X, parameters, running, o.spec);
    return [AL, caches, rng, next];
  }
  if (o.keep_prob === 1) return [...modelForward(X, parameters, o.spec), rng, running];
  const [AL, caches, advanced] = modelForwardWithDropout(
    X,
    parameters,
    o.keep_prob,
    maskSource(o, rng),
    o.spec,
  );
  return [AL, caches, afterMasks(o, rng, advanced), running];
};

/**
 * One update on the examples `columns` (all when undefined): forward, cost, backward, optimizer step.
 * Returns the cost before the step, the next optimizer state and RNG, and the running statistics.
 */
const stepOn = <S>(
  plan: Plan,
  Y: Matrix,
  columns: ReadonlyArray<number> | undefined,
  o: ResolvedOptions,
  optimizer: Optimizer<S>,
  state: S,
  step: number,
  rng: RandomState,
  running: RunningStats | undefined,
): readonly [cost: number, state: S, rng: RandomState, running: RunningStats | undefined] => {
  // The optimizer's update maps each matrix to one of its shape under the same key: what the checks
  // before the loop proved of the parameters still holds.
  const parameters = trustChecked(optimizer.params(state));
  const X_batch = columns === undefined ? plan.input : takeColumns(plan.input, columns);
  const Y_batch = columns === undefined ? Y : takeColumns(Y, columns);
  const [AL, caches, next, nextRunning] = forward(X_batch, parameters, o, rng, running);
  const cost = o.cost.compute_cost(AL, Y_batch) + plan.l2Cost(parameters, o.lambd, Y_batch.cols);
  if (!Number.isFinite(cost) && !o.keepGoingOnNonFinite) return [cost, state, next, running];
  const grads = modelBackward(AL, Y_batch, caches, {
    cost: o.cost,
    lambd: o.lambd,
    dZ1_instead_of_dW1: plan.dZ1_instead_of_dW1,
    batchMean: o.batchMean,
  });
  return [
    cost,
    optimizer.update(step, plan.gradients(grads, parameters, columns, o.lambd), state),
    next,
    nextRunning,
  ];
};

const stopped = (tag: "Diverged" | "Aborted", message: string, result: TrainResult): TrainingStopped => ({
  _tag: tag,
  message,
  partial: result,
});

/**
 * The first entry of the optimizer's slots that holds NaN or ±Infinity, as `s["dW1"]`, or undefined; with
 * `parameters` (a run that trains on past non-finite costs), the parameters' first, as `parameters["W1"]`.
 */
const overflowedSlot = (
  { slots, parameters: current }: OptimizerState,
  parameters: boolean,
): string | undefined => {
  const dictionaries = Object.entries(slots);
  for (const [slot, dictionary] of parameters
    ? [["parameters", current] as const, ...dictionaries]
    : dictionaries)
    for (const [key, m] of Object.entries(dictionary))
      if (m !== undefined && !isAllFinite(m)) return `${slot}["${key}"]`;
  return undefined;
};

/** The fold's steps: each `next()` runs one iteration (or epoch); the return value is the result. */
type Steps = Generator<void, E.Either<TrainError, TrainResult>, void>;

/** A run ready to go: its steps, and how long the async driver may run them before yielding. */
interface Prepared {
  readonly steps: Steps;
  readonly sliceMs: number;
}

/**
 * The training loop as a fold: the state (optimizer state, RNG, costs) is threaded from one iteration to
 * the next, each iteration a pure step. Written as a generator that pauses after every iteration, so a
 * caller can drain it at once (`L_layer_model`) or give the event loop a turn between iterations
 * (`L_layer_model_async`: progress bars redraw, Ctrl-C can abort). A diverged cost (or an optimizer
 * state gone non-finite, looked at every STATE_CHECK_EVERY iterations) or an abort ends the fold early.
 */
function* fold(
  fn: string,
  run: Run,
  plan: Plan,
  optimizer: Optimizer,
  rng0: RandomState,
  o: ResolvedOptions,
): Steps {
  const { Y, recycler, backend } = run;
  let state = optimizer.init(plan.initial);
  let rng = rng0;
  // Batch norm's running statistics start at mean 0, variance 1 (PyTorch's) and advance every batch.
  let running = isBatchNormSpec(o.spec) ? initialize_running_stats(plan.initial) : undefined;
  let step = 0;
  const costs: number[] = [];
  const rates: number[] = [];
  const m = Y.cols;
  const perEpoch = stepsPerEpoch(o, m);
  const result = (): TrainResult => ({
    parameters: detach(recycler, backend, plan.fromPlan(optimizer.params(state))),
    costs,
    plan: plan.name,
    ...(running === undefined ? {} : { running: detach(recycler, backend, running) }),
    ...(rateVaries(o) ? { learning_rates: rates } : {}),
  });
  for (let i = 0; i < o.num_iterations; i++) {
    if (o.signal?.aborted === true)
      return E.left(stopped("Aborted", `${fn}: aborted after ${i} iterations`, result()));
    const [batches, shuffled] = epochBatches(o, m, i, rng);
    rng = shuffled;
    // An epoch's cost is the example-weighted mean of its batch costs (the course's cost_total / m).
    let total = 0;
    let cost = Number.NaN;
    for (const columns of batches) {
      [cost, state, rng, running] = recycler.step(
        () => stepOn(plan, Y, columns, o, optimizer, state, ++step, rng, running),
        ([, next, , nextRunning]) => [next, nextRunning],
      );
      if (!Number.isFinite(cost) && !o.keepGoingOnNonFinite) break;
      total += cost * (columns?.length ?? m);
    }
    if (batches.length > 1 && (Number.isFinite(cost) || o.keepGoingOnNonFinite)) cost = total / m;
    if (!Number.isFinite(cost) && !o.keepGoingOnNonFinite)
      return E.left(
        stopped(
          "Diverged",
          `${fn}: the cost became ${cost} at iteration ${i}; training stopped. Try a smaller learning rate (now ${o.learning_rate}).`,
          result(),
        ),
      );
    costs.push(cost);
    if (rateVaries(o)) rates.push(rateAtEpoch(o, i, perEpoch));
    o.onIteration?.(
      i,
      cost,
      () => detach(recycler, backend, plan.fromPlan(optimizer.params(state))),
      rateAtEpoch(o, i + 1, perEpoch),
    );
    if (o.print_cost && i % o.print_every === 0)
      console.log(`Cost after ${o.mini_batch_size === undefined ? "iteration" : "epoch"} ${i}: ${cost}`);
    const overflowed =
      (i + 1) % STATE_CHECK_EVERY === 0 || i + 1 === o.num_iterations
        ? overflowedSlot(state, o.keepGoingOnNonFinite)
        : undefined;
    if (overflowed !== undefined)
      return E.left(stopped("Diverged", nonFiniteState(fn, overflowed, i, o), result()));
    yield;
  }
  return E.right(result());
}

/** Checks everything, initializes, picks the plan and the optimizer: the fold, ready to run. */
const prepare = (
  fn: string,
  X: Matrix,
  Y: Matrix,
  layers_dims: ReadonlyArray<number>,
  options: TrainOptions,
): E.Either<StepwiseError, Prepared> =>
  pipe(
    // The output layer's size lets the pairing check refuse a one-unit softmax before anything runs.
    resolveOptions(fn, options, layers_dims[layers_dims.length - 1]),
    E.chainFirst(() => validateLayerDims(fn, layers_dims)),
    E.chainFirst((o) => checkScheduleRates(fn, o.schedule, o.num_iterations * stepsPerEpoch(o, X.cols))),
    E.chainFirst((o) => checkSpec(fn, o.spec, layers_dims.length - 1)),
    E.bindTo("o"),
    E.tap(({ o }) => checkData(fn, X, Y, layers_dims, o.cost)),
    E.tap(({ o }) =>
      checkBatchNormRun(fn, o.spec, {
        layers_dims,
        keep_prob: o.keep_prob,
        mini_batch_size: o.mini_batch_size,
        m: X.cols,
      }),
    ),
    E.bind("run", ({ o }) => E.right(startRun(X, Y, o))),
    E.bind("rng", ({ o }) => seedState(o.seed)),
    E.bind("initialized", ({ o, rng }) => o.init(layers_dims, rng)),
    E.bind("initial", ({ o, initialized: [initial] }) =>
      E.flatMap((checked: Checked<Parameters>) => initialWithBatchNorm(fn, o.spec, checked))(
        checkInitial(fn, initial, layers_dims),
      ),
    ),
    E.bind("plan", ({ o, run, initial }) =>
      choosePlan(fn, o.batchMean === "reciprocal" ? "primal" : o.plan, {
        X: run.X,
        initial: dictionaryToBackend(initial, run.recycler.backend),
        optimizer: o.optimizer,
        iterations: o.num_iterations,
        stepsPerIteration: stepsPerEpoch(o, X.cols),
      }),
    ),
    E.bind("optimizer", ({ o }) =>
      createOptimizer(o.optimizer, learningRateSchedule(o, stepsPerEpoch(o, X.cols))),
    ),
    // Small networks on the js backend take the fused step: the same numbers without per-op overhead.
    E.map(({ o, run, plan, optimizer, initialized: [, rng] }) => ({
      steps: fusedFold(fn, run, plan, rng, o) ?? fold(fn, run, plan, optimizer, rng, o),
      sliceMs: o.sliceMs,
    })),
  );

const drain = ({ steps }: Prepared): E.Either<TrainError, TrainResult> => {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
};

/** Like `drain`, but lets the event loop run at least every `sliceMs` milliseconds. */
const drainAsync = async ({ steps, sliceMs }: Prepared): Promise<E.Either<TrainError, TrainResult>> => {
  let last = Number.NEGATIVE_INFINITY; // the first iteration yields, so even a short run lets others in
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    if (performance.now() - last >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      last = performance.now();
    }
  }
};

/**
 * The course's `L_layer_model`: initialize, then `num_iterations` times forward, cost, backward, update.
 * Checks the options and the data's shapes first; returns the trained parameters and every cost.
 *
 * With `spec.batchNorm` (`{ eps, momentum }`, PyTorch's 1e-5 and 0.1 by default), every hidden layer is
 * LINEAR → BATCH NORM → activation: the dictionary gains gamma_l = 1 and beta_l = 0 (stepped by the
 * optimizer like W_l and b_l), each batch is normalized with its own mean and variance, and the result's
 * `running` holds the running mean and unbiased variance for `predict`.
 */
export const L_layer_model = (
  X: Matrix,
  Y: Matrix,
  layers_dims: ReadonlyArray<number>,
  options: TrainOptions = {},
): E.Either<TrainError, TrainResult> =>
  E.flatMap(prepare("L_layer_model", X, Y, layers_dims, options), drain);

/**
 * `L_layer_model` that gives the event loop a turn every few dozen milliseconds (`sliceMs`), for
 * programs that draw progress or stop on a signal while training. Same numbers. Nothing is shared
 * between runs, so several can train at once, each on its own backend.
 */
export const L_layer_model_async = async (
  X: Matrix,
  Y: Matrix,
  layers_dims: ReadonlyArray<number>,
  options: TrainOptions = {},
): Promise<E.Either<TrainError, TrainResult>> => {
  const steps = prepare("L_layer_model", X, Y, layers_dims, options);
  return E.isLeft(steps) ? steps : drainAsync(steps.right);
};

/**
 * The course's `two_layer_model(X, Y, layers_dims = (n_x, n_h, n_y), …)`: LINEAR → RELU → LINEAR → SIGMOID,
 * initialized with `initialize_parameters` (randn · 0.01) unless another init is given.
 */
export const two_layer_model = (
  X: Matrix,
  Y: Matrix,
  layers_dims: readonly [n_x: number, n_h: number, n_y: number],
  options: TrainOptions = {},
): E.Either<TrainError, TrainResult> =>
  L_layer_model(X, Y, layers_dims, {
    init: (dims, rng) => initialize_parameters(dims[0] as number, dims[1] as number, dims[2] as number, rng),
    ...options,
  });

export const isTrainingStopped = (e: TrainError): e is TrainingStopped => "partial" in e;
