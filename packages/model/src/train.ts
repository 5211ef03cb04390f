import { L_model_backward } from "@stepwise/backward";
import type { Optimizer, Parameters } from "@stepwise/core";
import { type Caches, L_model_forward, L_model_forward_with_dropout } from "@stepwise/forward-cache";
import { initialize_parameters, validateLayerDims } from "@stepwise/init";
import { createOptimizer } from "@stepwise/optimizer";
import { type RandomState, seed as seedState } from "@stepwise/random";
import {
  clone,
  createRecycler,
  formatShape,
  isRecycled,
  isStepwiseException,
  type Matrix,
  type StepwiseError,
  shapeError,
  takeColumns,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { afterMasks, epochBatches, maskSource, stepsPerEpoch } from "./epochs.js";
import { fusedFold } from "./fused/fold.js";
import { type ResolvedOptions, resolveOptions, type TrainOptions } from "./options.js";
import { choosePlan } from "./plans/choose.js";
import type { Plan } from "./plans/plan.js";
import { learningRateSchedule, rateOfEpoch } from "./schedule.js";

/** A finished run: the trained parameters and the cost of every iteration (or epoch). */
export interface TrainResult {
  readonly parameters: Parameters;
  readonly costs: ReadonlyArray<number>;
  /** Which plan trained the run (see plans/choose.ts); the numbers are the same either way. */
  readonly plan: Plan["name"];
  /** With a `decay`: the learning rate of every iteration (epoch), as metrics record it. */
  readonly learning_rates?: ReadonlyArray<number>;
  /** True when the run took the fused step for small networks (fused/choose.ts); same numbers. */
  readonly fused?: boolean;
}

/**
 * A run that stopped early: diverged (a NaN or infinite cost) or aborted. It carries everything computed
 * so far, so a caller can still save the costs and the last good parameters.
 */
export interface TrainingStopped extends StepwiseError<"Diverged" | "Aborted"> {
  readonly partial: TrainResult;
}

export type TrainError = StepwiseError | TrainingStopped;

const checkData = (
  fn: string,
  X: Matrix,
  Y: Matrix,
  layers_dims: ReadonlyArray<number>,
): E.Either<StepwiseError, void> => {
  const n_x = layers_dims[0];
  const n_y = layers_dims[layers_dims.length - 1];
  if (X.rows !== n_x)
    return E.left(
      shapeError(
        `${fn}: X is ${formatShape(X)} but layers_dims starts with ${n_x}; the first size must be X's row count (${X.rows})`,
      ),
    );
  if (Y.cols !== X.cols)
    return E.left(
      shapeError(
        `${fn}: X is ${formatShape(X)} but Y is ${formatShape(Y)}; they need one column per example each`,
      ),
    );
  if (Y.rows !== n_y)
    return E.left(
      shapeError(
        `${fn}: Y is ${formatShape(Y)} but layers_dims ends with ${n_y}; the last size must be Y's row count (${Y.rows})`,
      ),
    );
  return E.right(undefined);
};

/** One forward pass (with dropout when asked), returning AL, the caches and the advanced RNG. */
const forward = (
  X: Matrix,
  parameters: Parameters,
  o: ResolvedOptions,
  rng: RandomState,
): readonly [Matrix, Caches, RandomState] => {
  const result =
    o.keep_prob < 1
      ? pipe(
          L_model_forward_with_dropout(X, parameters, o.keep_prob, maskSource(o, rng), o.spec),
          E.map(([AL, caches, advanced]) => [AL, caches, afterMasks(o, rng, advanced)] as const),
        )
      : pipe(
          L_model_forward(X, parameters, o.spec),
          E.map(([AL, caches]) => [AL, caches, rng] as const),
        );
  if (E.isLeft(result)) throw new Error(result.left.message); // validated before the loop: a bug if hit
  return result.right;
};

/**
 * One update on the examples `columns` (all when undefined): forward, cost, backward, optimizer step.
 * Returns the cost before the step and the next optimizer state.
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
): readonly [cost: number, state: S, rng: RandomState] => {
  const parameters = optimizer.params(state);
  const X_batch = columns === undefined ? plan.input : takeColumns(plan.input, columns);
  const Y_batch = columns === undefined ? Y : takeColumns(Y, columns);
  const [AL, caches, next] = forward(X_batch, parameters, o, rng);
  const cost = o.cost.compute_cost(AL, Y_batch) + plan.l2Cost(parameters, o.lambd, Y_batch.cols);
  if (!Number.isFinite(cost) && !o.keepGoingOnNonFinite) return [cost, state, next];
  const grads = L_model_backward(AL, Y_batch, caches, {
    cost: o.cost,
    lambd: o.lambd,
    dZ1_instead_of_dW1: plan.dZ1_instead_of_dW1,
    batchMean: o.batchMean,
  });
  return [cost, optimizer.update(step, plan.gradients(grads, parameters, columns, o.lambd), state), next];
};

/**
 * The run's parameters as plain arrays of their own: out of the recycler's storage (for the wasm
 * backend, views into its memory), so what the caller keeps is an ordinary, unshared Float64Array.
 */
const detach = (parameters: Parameters): Parameters =>
  Object.fromEntries(
    Object.entries(parameters).map(([key, m]) => [key, m !== undefined && isRecycled(m.data) ? clone(m) : m]),
  );

const stopped = (tag: "Diverged" | "Aborted", message: string, result: TrainResult): TrainingStopped => ({
  _tag: tag,
  message,
  partial: result,
});

/** The fold's steps: each `next()` runs one iteration (or epoch); the return value is the result. */
type Steps = Generator<void, E.Either<TrainError, TrainResult>, void>;

/**
 * The training loop as a fold: the state (optimizer state, RNG, costs) is threaded from one iteration to
 * the next, each iteration a pure step. Written as a generator that pauses after every iteration, so a
 * caller can drain it at once (`L_layer_model`) or give the event loop a turn between iterations
 * (`L_layer_model_async`: progress bars redraw, Ctrl-C can abort). A diverged cost or an abort ends the
 * fold early.
 */
function* fold(
  fn: string,
  Y: Matrix,
  plan: Plan,
  optimizer: Optimizer,
  rng0: RandomState,
  o: ResolvedOptions,
): Steps {
  let state = optimizer.init(plan.initial);
  let rng = rng0;
  // Only the optimizer state outlives a step, so every other large array a step makes (dW1, the caches,
  // the replaced W1) is storage for the next one: no fresh megabytes per iteration.
  const recycler = createRecycler();
  let step = 0;
  const costs: number[] = [];
  const rates: number[] = [];
  const m = Y.cols;
  const result = (): TrainResult => ({
    parameters: detach(plan.fromPlan(optimizer.params(state))),
    costs,
    plan: plan.name,
    ...(o.decay === undefined ? {} : { learning_rates: rates }),
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
      try {
        [cost, state, rng] = recycler.step(
          () => stepOn(plan, Y, columns, o, optimizer, state, ++step, rng),
          ([, next]) => next,
        );
      } catch (e) {
        // Only reachable when training on past a non-finite cost: the optimizer refused NaN parameters.
        if (!(o.keepGoingOnNonFinite && isStepwiseException(e))) throw e;
        return E.left(stopped("Diverged", `${fn}: at iteration ${i}: ${e.error.message}`, result()));
      }
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
    if (o.decay !== undefined) rates.push(rateOfEpoch(o, i));
    o.onIteration?.(i, cost, rateOfEpoch(o, i + 1));
    if (o.print_cost && i % o.print_every === 0)
      console.log(`Cost after ${o.mini_batch_size === undefined ? "iteration" : "epoch"} ${i}: ${cost}`);
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
): E.Either<StepwiseError, Steps> =>
  pipe(
    resolveOptions(fn, options),
    E.chainFirst(() => validateLayerDims(fn, layers_dims)),
    E.chainFirst(() => checkData(fn, X, Y, layers_dims)),
    E.bindTo("o"),
    E.bind("rng", ({ o }) => seedState(o.seed)),
    E.bind("initialized", ({ o, rng }) => o.init(layers_dims, rng)),
    E.bind("plan", ({ o, initialized: [initial] }) =>
      choosePlan(fn, o.batchMean === "reciprocal" ? "primal" : o.plan, {
        X,
        initial,
        optimizer: o.optimizer,
        iterations: o.num_iterations,
        stepsPerIteration: stepsPerEpoch(o, X.cols),
      }),
    ),
    E.bind("optimizer", ({ o }) =>
      createOptimizer(
        o.optimizer,
        learningRateSchedule(o, stepsPerEpoch(o, X.cols)),
        o.optimizer_hyperparameters,
      ),
    ),
    // Small networks on the js backend take the fused step: the same numbers without per-op overhead.
    E.map(
      ({ o, plan, optimizer, initialized: [, rng] }) =>
        fusedFold(fn, Y, plan, rng, o) ?? fold(fn, Y, plan, optimizer, rng, o),
    ),
  );

const drain = (steps: Steps): E.Either<TrainError, TrainResult> => {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
};

/** Like `drain`, but lets the event loop run at least every `sliceMs` milliseconds. */
const drainAsync = async (steps: Steps, sliceMs = 50): Promise<E.Either<TrainError, TrainResult>> => {
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
 */
export const L_layer_model = (
  X: Matrix,
  Y: Matrix,
  layers_dims: ReadonlyArray<number>,
  options: TrainOptions = {},
): E.Either<TrainError, TrainResult> =>
  E.flatMap(prepare("L_layer_model", X, Y, layers_dims, options), drain);

/**
 * `L_layer_model` that gives the event loop a turn every few dozen milliseconds, for programs that draw
 * progress or stop on a signal while training. Same numbers.
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
