import type { Parameters } from "@stepwise/core";
import type { RandomState } from "@stepwise/random";
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { afterMasks, epochBatches, maskSource, stepsPerEpoch } from "../epochs.js";
import type { ResolvedOptions } from "../options.js";
import type { Plan } from "../plans/plan.js";
import { detach, type Run } from "../run.js";
import { rateAtEpoch, rateOfStep, rateVaries } from "../schedule.js";
import { nonFiniteState, STATE_CHECK_EVERY } from "../state-check.js";
import { fusedSettingsFor } from "./choose.js";
import { compileNetwork, type FusedNetwork } from "./network.js";

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
 * stops, the look at the state every STATE_CHECK_EVERY iterations), with each update taken by the fused
 * step. Undefined when the run is not one the fused step reproduces (choose.ts); then the caller composes
 * the ops.
 */
export const fusedFold = (
  fn: string,
  run: Run,
  plan: Plan,
  rng0: RandomState,
  o: ResolvedOptions,
): FusedSteps | undefined => {
  const settings = fusedSettingsFor(o, plan, run.backend);
  if (settings === undefined) return undefined;
  const m = run.Y.cols;
  const maxBatch = o.mini_batch_size === undefined ? m : Math.min(o.mini_batch_size, m);
  const network = compileNetwork(plan.input, run.Y, plan.initial, layerDimsOf(plan), maxBatch, settings);
  return steps(fn, run, m, network, rng0, o, plan.name);
};

function* steps(
  fn: string,
  run: Run,
  m: number,
  network: FusedNetwork,
  rng0: RandomState,
  o: ResolvedOptions,
  planName: Plan["name"],
): FusedSteps {
  let rng = rng0;
  let step = 0;
  const costs: number[] = [];
  const rates: number[] = [];
  const perEpoch = stepsPerEpoch(o, m);
  const parameters = (): Parameters => detach(run.recycler, run.backend, network.parameters());
  const result = (): FusedResult => ({
    parameters: parameters(),
    costs,
    plan: planName,
    ...(rateVaries(o) ? { learning_rates: rates } : {}),
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
      const rate = rateOfStep(o, step, perEpoch);
      const outcome = network.step(columns, step, rate, dropout ? maskSource(o, rng) : rng);
      if (dropout) rng = afterMasks(o, rng, outcome.masks);
      cost = outcome.cost;
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
    if (rateVaries(o)) rates.push(rateAtEpoch(o, i, perEpoch));
    o.onIteration?.(i, cost, parameters, rateAtEpoch(o, i + 1, perEpoch));
    if (o.print_cost && i % o.print_every === 0)
      console.log(`Cost after ${o.mini_batch_size === undefined ? "iteration" : "epoch"} ${i}: ${cost}`);
    const overflowed =
      (i + 1) % STATE_CHECK_EVERY === 0 || i + 1 === o.num_iterations
        ? network.nonFinite(o.keepGoingOnNonFinite)
        : undefined;
    if (overflowed !== undefined) return stop("Diverged", nonFiniteState(fn, overflowed, i, o));
    yield;
  }
  return E.right(result());
}
