import type { Schedule } from "@stepwise/core";
import { invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/**
 * A learning-rate decay as the Optimization notebook passes it to `model(…, decay=…, decay_rate=…)`: the
 * course's `update_lr(learning_rate0, epoch_num, decay_rate)` and `schedule_lr_decay(…)` from
 * @stepwise/optimizer are two (they return an Either), and any function of the same shape that returns
 * the rate (or an Either of it) is a third.
 */
export type Decay = (
  learning_rate0: number,
  epoch_num: number,
  decay_rate: number,
) => number | E.Either<StepwiseError, number>;

/**
 * What a run needs to know to decay: the initial rate, and with a decay the rate of every epoch, or a
 * schedule that gives the rate of every update.
 */
export interface DecaySettings {
  readonly learning_rate: number;
  /** Epoch e's rate at index e, for e = 0 … num_iterations (see `epochRates`); undefined: no decay. */
  readonly epoch_rates: ReadonlyArray<number> | undefined;
  /** A schedule of the update's step (1, 2, …; one per mini-batch), as optax's; undefined: none. */
  readonly schedule?: Schedule | undefined;
}

/** Whether the rate changes during the run (then the result lists every epoch's). */
export const rateVaries = (settings: DecaySettings): boolean =>
  settings.epoch_rates !== undefined || settings.schedule !== undefined;

/**
 * Every epoch's rate, worked out once before training (so a decay that fails, or gives a rate that is
 * not a finite number ≥ 0, is an error at the edge, not mid-run). The notebook decays after each epoch's
 * updates, `learning_rate = decay(learning_rate0, i, decay_rate)`, so epoch 0 runs at `learning_rate0`
 * and epoch e ≥ 1 at `decay(learning_rate0, e − 1, decay_rate)`. Index e holds epoch e's rate, for
 * e = 0 … epochs (one past the last, the rate `onIteration` reports after it).
 */
export const epochRates = (
  fn: string,
  learning_rate: number,
  decay: Decay,
  decay_rate: number,
  epochs: number,
): E.Either<StepwiseError, ReadonlyArray<number>> => {
  const rates = [learning_rate];
  for (let e = 1; e <= epochs; e++) {
    const given = decay(learning_rate, e - 1, decay_rate);
    const rate = typeof given === "number" ? E.right(given) : given;
    if (E.isLeft(rate))
      return E.left(invalidArgument(`${fn}: decay at epoch ${e - 1}: ${rate.left.message}`));
    if (!(typeof rate.right === "number" && Number.isFinite(rate.right) && rate.right >= 0))
      return E.left(
        invalidArgument(
          `${fn}: decay(${learning_rate}, ${e - 1}, ${decay_rate}) is ${String(rate.right)}; a decay must give a finite learning rate ≥ 0 for every epoch`,
        ),
      );
    rates.push(rate.right);
  }
  return E.right(rates);
};

/** The rate epoch `epoch` (from 0) trains at. */
export const rateOfEpoch = ({ learning_rate, epoch_rates }: DecaySettings, epoch: number): number =>
  epoch_rates?.[epoch] ?? learning_rate;

/** The rate of update `step` (1, 2, …), an epoch being `stepsPerEpoch` updates. */
export const rateOfStep = (settings: DecaySettings, step: number, stepsPerEpoch: number): number =>
  settings.schedule !== undefined
    ? settings.schedule(step)
    : rateOfEpoch(settings, Math.floor((step - 1) / stepsPerEpoch));

/** The rate epoch `epoch` (from 0) starts at: its first update's. */
export const rateAtEpoch = (settings: DecaySettings, epoch: number, stepsPerEpoch: number): number =>
  rateOfStep(settings, epoch * stepsPerEpoch + 1, stepsPerEpoch);

/**
 * The optimizer's learning rate: the number itself without a decay, the schedule when there is one, else
 * a schedule from the optimizer's step (1, 2, … one per mini-batch) to the rate of the epoch that step
 * falls in.
 */
export const learningRateSchedule = (settings: DecaySettings, stepsPerEpoch: number): number | Schedule =>
  settings.schedule ??
  (settings.epoch_rates === undefined
    ? settings.learning_rate
    : (step) => rateOfEpoch(settings, Math.floor((step - 1) / stepsPerEpoch)));

/**
 * A schedule's rate at every update of the run, checked once before training: each a finite number ≥ 0,
 * or an error naming the first step that is not.
 */
export const checkScheduleRates = (
  fn: string,
  schedule: Schedule | undefined,
  steps: number,
): E.Either<StepwiseError, void> => {
  if (schedule === undefined) return E.right(undefined);
  for (let step = 1; step <= steps; step++) {
    const rate = schedule(step);
    if (!(typeof rate === "number" && Number.isFinite(rate) && rate >= 0))
      return E.left(
        invalidArgument(
          `${fn}: learning_rate_schedule(${step}) is ${String(rate)}; a schedule must give a finite learning rate ≥ 0 at every update (step 1 … ${steps})`,
        ),
      );
  }
  return E.right(undefined);
};
