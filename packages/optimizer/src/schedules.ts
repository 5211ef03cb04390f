import { constantSchedule, type Schedule } from "@stepwise/core";
import { invalidArgument, orThrow, raise, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { checkLearningRate, checkNonNegative, checkPositive, checkStep } from "./checks.js";

/** Inverse-time decay on checked numbers: the arithmetic of `update_lr`. */
const inverseTime = (learning_rate0: number, epoch_num: number, decay_rate: number): number =>
  learning_rate0 / (1 + decay_rate * epoch_num);

/** The course's `update_lr`: inverse-time decay, `learning_rate0 / (1 + decay_rate·epoch_num)`. */
export const update_lr = (
  learning_rate0: number,
  epoch_num: number,
  decay_rate: number,
): E.Either<StepwiseError, number> => {
  const fn = "update_lr";
  return pipe(
    checkNonNegative(fn, "learning_rate0", learning_rate0),
    E.flatMap(() => checkNonNegative(fn, "epoch_num", epoch_num)),
    E.flatMap(() => checkNonNegative(fn, "decay_rate", decay_rate)),
    E.map(() => inverseTime(learning_rate0, epoch_num, decay_rate)),
  );
};

/**
 * The course's `schedule_lr_decay`: the same decay, held constant for `time_interval` epochs,
 * `learning_rate0 / (1 + decay_rate·⌊epoch_num / time_interval⌋)`.
 */
export const schedule_lr_decay = (
  learning_rate0: number,
  epoch_num: number,
  decay_rate: number,
  time_interval = 1000,
): E.Either<StepwiseError, number> => {
  const fn = "schedule_lr_decay";
  return pipe(
    checkNonNegative(fn, "learning_rate0", learning_rate0),
    E.flatMap(() => checkNonNegative(fn, "epoch_num", epoch_num)),
    E.flatMap(() => checkNonNegative(fn, "decay_rate", decay_rate)),
    E.flatMap(() => checkPositive(fn, "time_interval", time_interval)),
    E.map(() => inverseTime(learning_rate0, Math.floor(epoch_num / time_interval), decay_rate)),
  );
};

/**
 * How an optimizer's `step` (1, 2, … one per update) maps to the course's `epoch_num` (0, 1, …).
 * The course decays per epoch, and an epoch is one update in full-batch gradient descent but
 * `⌈m / mini_batch_size⌉` updates with mini-batches.
 */
export interface EpochOptions {
  /** Updates per epoch (mini-batches per pass over the data); default 1, full-batch. */
  readonly stepsPerEpoch?: number;
  /**
   * The course's `model()` computes `decay(learning_rate0, i, …)` at the end of epoch i and uses it from
   * epoch i + 1, so epochs 0 and 1 both run at `learning_rate0`. `true` reproduces that; the default
   * uses `epoch_num = i` during epoch i.
   */
  readonly lagByOneEpoch?: boolean;
}

/** The 0-based epoch an update falls in: `⌊(step − 1) / stepsPerEpoch⌋`, one less (not below 0) with the lag. */
export const epochOf = (
  step: number,
  { stepsPerEpoch = 1, lagByOneEpoch = false }: EpochOptions = {},
): number => {
  const epoch = Math.floor((step - 1) / stepsPerEpoch);
  return lagByOneEpoch ? Math.max(0, epoch - 1) : epoch;
};

const checkEpochOptions = (fn: string, options: EpochOptions): E.Either<StepwiseError, number> =>
  checkStep(fn, "stepsPerEpoch", options.stepsPerEpoch ?? 1);

/**
 * A schedule on checked numbers. Called with a step the Optimizer contract never produces (it counts from
 * 1), it throws: a bug in the caller, not bad configuration.
 */
const perEpoch =
  (fn: string, options: EpochOptions, rate: (epoch_num: number) => number): Schedule =>
  (step) =>
    rate(epochOf(orThrow(checkStep(fn, "step", step)), options));

/** `update_lr` as a Schedule: step → `learning_rate0 / (1 + decay_rate·epoch_num)`. Checked when made. */
export const inverseTimeDecay = (
  learning_rate0: number,
  decay_rate: number,
  options: EpochOptions = {},
): E.Either<StepwiseError, Schedule> => {
  const fn = "inverseTimeDecay";
  return pipe(
    checkLearningRate(fn, learning_rate0, "learning_rate0"),
    E.flatMap(() => checkNonNegative(fn, "decay_rate", decay_rate)),
    E.flatMap(() => checkEpochOptions(fn, options)),
    E.map(() => perEpoch(fn, options, (epoch_num) => inverseTime(learning_rate0, epoch_num, decay_rate))),
  );
};

/** `schedule_lr_decay` as a Schedule: the inverse-time decay, stepped every `time_interval` epochs. */
export const stepInverseTimeDecay = (
  learning_rate0: number,
  decay_rate: number,
  time_interval = 1000,
  options: EpochOptions = {},
): E.Either<StepwiseError, Schedule> => {
  const fn = "stepInverseTimeDecay";
  return pipe(
    checkLearningRate(fn, learning_rate0, "learning_rate0"),
    E.flatMap(() => checkNonNegative(fn, "decay_rate", decay_rate)),
    E.flatMap(() => checkPositive(fn, "time_interval", time_interval)),
    E.flatMap(() => checkEpochOptions(fn, options)),
    E.map(() =>
      perEpoch(fn, options, (epoch_num) =>
        inverseTime(learning_rate0, Math.floor(epoch_num / time_interval), decay_rate),
      ),
    ),
  );
};

/** A number becomes a constant schedule (checked now); a function is taken as is (checked at each step). */
export const toSchedule = (
  fn: string,
  learning_rate: number | Schedule,
): E.Either<StepwiseError, Schedule> =>
  typeof learning_rate === "function"
    ? E.right(learning_rate)
    : E.map(constantSchedule)(checkLearningRate(fn, learning_rate));

/** `schedule(step)`, refusing a NaN, infinite or negative rate with a message that blames the schedule. */
export const rateAt = (fn: string, schedule: Schedule, step: number): number => {
  const learning_rate = schedule(step);
  return typeof learning_rate === "number" && Number.isFinite(learning_rate) && learning_rate >= 0
    ? learning_rate
    : raise(
        invalidArgument(
          `${fn}: the learning-rate schedule returned ${String(learning_rate)} at step ${step}; a schedule must return a finite number ≥ 0 for every step ≥ 1`,
        ),
      );
};
