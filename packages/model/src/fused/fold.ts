import type { Parameters } from "@stepwise/core";
import type { RandomState } from "@stepwise/random";
import type { Matrix, StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { afterMasks, epochBatches, maskSource, stepsPerEpoch } from "../epochs.js";
import type { ResolvedOptions } from "../options.js";
import type { Plan } from "../plans/plan.js";
import { rateOfEpoch } from "../schedule.js";
import { fusedSettingsFor } from "./choose.js";
import { compileNetwork } from "./network.js";

/** What a fused run returns: train.ts's TrainResult, field for field. */
interface FusedResult {
  readonly parameters: Parameters;
  readonly costs: ReadonlyArray<number>;
  readonly plan: Plan["name"];
  readonly learning_rates?: ReadonlyArray<number>;
  readonly fused: true;
}

/** train.ts's TrainingStopped. */
interface FusedStop extends StepwiseError<"Diverged" | "Aborted"> {
  readonly partial: FusedResult;
}

type FusedSteps = Generator<void, E.Either<FusedStop, FusedResult>, void>;

/** Every layer size, read off the plan's initial weights. */
const layerDimsOf = (plan: Plan): ReadonlyArray<number> => {
  const dims = [plan.input.rows];
  for (let l = 1; plan.initial[`W${l}`] !== undefined; l++) dims.push(plan.initial[`W${l}`]?.rows ?? 0);
  return dims;
};

/**
 * The training fold of train.ts, iteration for iteration (batches, seeds, costs, learning rates, aborts,
 * stops), with each update taken by the fused step. Undefined when the run is not one the fused step
 * reproduces (choose.ts); then the caller composes the ops.
 */
export const fusedFold = (
  fn: string,
  Y: Matrix,
  plan: Plan,
  rng0: RandomState,
  o: ResolvedOptions,
): FusedSteps | undefined => {
  const settings = fusedSettingsFor(o, plan);
  if (settings === undefined) return undefined;
  const m = Y.cols;
  const maxBatch = o.mini_batch_size === undefined ? m : Math.min(o.mini_batch_size, m);
  const network = compileNetwork(plan.input, Y, plan.initial, layerDimsOf(plan), maxBatch, settings);
  const perEpoch = stepsPerEpoch(o, m);
  return run(fn, m, network, rng0, o, (step) => rateOfEpoch(o, Math.floor((step - 1) / perEpoch)), plan.name);
};

function* run(
  fn: string,
  m: number,
  network: ReturnType<typeof compileNetwork>,
  rng0: RandomState,
  o: ResolvedOptions,
  rateOfStep: (step: number) => number,
  planName: Plan["name"],
): FusedSteps {
  let rng = rng0;
  let step = 0;
  const costs: number[] = [];
  const rates: number[] = [];
  const result = (): FusedResult => ({
    parameters: network.parameters(),
    costs,
    plan: planName,
    ...(o.decay === undefined ? {} : { learning_rates: rates }),
    fused: true,
  });
  const stop = (tag: FusedStop["_tag"], message: string): E.Either<FusedStop, FusedResult> =>
    E.left({ _tag: tag, message, partial: result() });
  const dropout = o.keep_prob < 1;
  for (let i = 0; i < o.num_iterations; i++) {
    if (o.signal?.aborted === true) return stop("Aborted", `${fn}: aborted after ${i} iterations`);
    const [batches, shuffled] = epochBatches(o, m, i, rng);
    rng = shuffled;
    let total = 0;
    let cost = Number.NaN;
    for (const columns of batches) {
      step++;
      const outcome = network.step(columns, step, rateOfStep(step), dropout ? maskSource(o, rng) : rng);
      if (dropout) rng = afterMasks(o, rng, outcome.masks);
      cost = outcome.cost;
      if (!outcome.finite)
        return stop(
          "Diverged",
          `${fn}: the gradients became NaN or infinite at iteration ${i}; training stopped. Try a smaller learning rate (now ${o.learning_rate}).`,
        );
      if (!Number.isFinite(cost) && !o.keepGoingOnNonFinite) break;
      total += cost * (columns?.length ?? m);
    }
    if (batches.length > 1 && (Number.isFinite(cost) || o.keepGoingOnNonFinite)) cost = total / m;
    if (!Number.isFinite(cost) && !o.keepGoingOnNonFinite)
      return stop(
        "Diverged",
        `${fn}: the cost became ${cost} at iteration ${i}; training stopped. Try a smaller learning rate (now ${o.learning_rate}).`,
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
