import type { BatchMean } from "@stepwise/backward";
import { canonicalPluginName, type Schedule } from "@stepwise/core";
import type { Decay, TrainOptions } from "@stepwise/model";
import { schedule_lr_decay, scheduleFromName, update_lr } from "@stepwise/optimizer";
import * as E from "fp-ts/lib/Either.js";
import { type CliFailure, usageFailure } from "./cli-error.js";
import { DECAYS, type DecayName } from "./flags.js";
import { pluginName } from "./registry.js";

/** schedule_lr_decay's time_interval when `--time-interval` is not given: the notebook's. */
export const DEFAULT_TIME_INTERVAL = 1000;

/** The flags of Course 2's conventions: the notebooks' reseeding, decay, and how they average. */
export interface CourseTwoFlags {
  readonly shuffleSeed?: number;
  readonly dropoutSeed?: number;
  /** The notebook's two (per epoch), or an optax schedule's name (per update). */
  readonly decay?: string;
  readonly decayRate?: number;
  readonly timeInterval?: number;
  /** Default false. */
  readonly keepGoingOnNonfinite?: boolean;
  /** Default "divide". */
  readonly batchMean?: BatchMean;
  readonly miniBatchSize?: number;
  readonly keepProb: number;
  readonly learningRate: number;
}

const isCourseDecay = (name: string): name is DecayName => (DECAYS as ReadonlyArray<string>).includes(name);

/** `--decay` naming one of optax's schedules: the schedule from the run's learning rate, or a usage error. */
const scheduleOf = (flags: CourseTwoFlags): E.Either<CliFailure, Schedule | undefined> => {
  const { decay } = flags;
  if (decay === undefined || isCourseDecay(decay)) return E.right(undefined);
  return E.mapLeft((e: { readonly message: string }) =>
    usageFailure(
      `--decay ${decay}: ${e.message}. --decay takes ${DECAYS.join(" or ")}, or a schedule (see \`stepwise plugins\`)`,
    ),
  )(scheduleFromName(pluginName(decay), flags.learningRate));
};

const decayOf = (name: DecayName, timeInterval: number): Decay =>
  name === "update-lr"
    ? update_lr
    : (learning_rate0, epoch_num, decay_rate) =>
        schedule_lr_decay(learning_rate0, epoch_num, decay_rate, timeInterval);

/** Each flag only where it does something: a flag that would be ignored is a usage error that says why. */
const check = (flags: CourseTwoFlags): E.Either<CliFailure, void> => {
  if (flags.shuffleSeed !== undefined && flags.miniBatchSize === undefined)
    return E.left(
      usageFailure(
        "--shuffle-seed reseeds the mini-batch shuffles, but there are no mini-batches; add --mini-batch-size (the Optimization notebook uses 64)",
      ),
    );
  if (flags.dropoutSeed !== undefined && flags.keepProb === 1)
    return E.left(
      usageFailure(
        "--dropout-seed reseeds the dropout masks, but --keep-prob is 1 (no dropout); add --keep-prob (the Regularization notebook uses 0.86)",
      ),
    );
  if (flags.decay === undefined && (flags.decayRate !== undefined || flags.timeInterval !== undefined))
    return E.left(
      usageFailure(
        `${flags.decayRate === undefined ? "--time-interval" : "--decay-rate"} needs --decay ${DECAYS.join(" or ")}`,
      ),
    );
  if (
    flags.decay !== undefined &&
    !isCourseDecay(flags.decay) &&
    (flags.decayRate !== undefined || flags.timeInterval !== undefined)
  )
    return E.left(
      usageFailure(
        `${flags.decayRate === undefined ? "--time-interval" : "--decay-rate"} goes with --decay ${DECAYS.join(" or ")}; a schedule such as ${flags.decay} takes its settings in its name`,
      ),
    );
  if (flags.decay === "update-lr" && flags.timeInterval !== undefined)
    return E.left(
      usageFailure(
        "--time-interval is schedule-lr-decay's; update-lr decays every epoch. Use --decay schedule-lr-decay, or drop --time-interval",
      ),
    );
  return E.right(undefined);
};

/** The model options the flags ask for (nothing for flags not given). */
export const courseTwoOptions = (flags: CourseTwoFlags): E.Either<CliFailure, TrainOptions> =>
  E.flatMap(
    (schedule: Schedule | undefined): E.Either<CliFailure, TrainOptions> =>
      E.right({
        ...(flags.shuffleSeed === undefined ? {} : { shuffle_seed: flags.shuffleSeed }),
        ...(flags.dropoutSeed === undefined ? {} : { dropout_seed: flags.dropoutSeed }),
        ...(schedule === undefined ? {} : { learning_rate_schedule: schedule }),
        ...(flags.decay === undefined || !isCourseDecay(flags.decay)
          ? {}
          : {
              decay: decayOf(flags.decay, flags.timeInterval ?? DEFAULT_TIME_INTERVAL),
              decay_rate: flags.decayRate ?? 1,
            }),
        ...(flags.keepGoingOnNonfinite === true ? { keepGoingOnNonFinite: true } : {}),
        ...(flags.batchMean === undefined || flags.batchMean === "divide"
          ? {}
          : { batchMean: flags.batchMean }),
      }),
  )(E.flatMap(() => scheduleOf(flags))(check(flags)));

/** A schedule's name as the run records it: snake_case, parameters as written canonically. */
const canonicalDecay = (decay: string): string =>
  E.getOrElse(() => decay)(canonicalPluginName(pluginName(decay)));

/** What metrics.json, model.json and the report record of these flags: the ones given. */
export const courseTwoConfig = (
  flags: CourseTwoFlags,
): Readonly<Record<string, string | number | boolean>> => ({
  ...(flags.shuffleSeed === undefined ? {} : { shuffle_seed: flags.shuffleSeed }),
  ...(flags.dropoutSeed === undefined ? {} : { dropout_seed: flags.dropoutSeed }),
  ...(flags.decay === undefined
    ? {}
    : !isCourseDecay(flags.decay)
      ? { decay: canonicalDecay(flags.decay) }
      : {
          decay: flags.decay,
          decay_rate: flags.decayRate ?? 1,
          ...(flags.decay === "schedule-lr-decay"
            ? { time_interval: flags.timeInterval ?? DEFAULT_TIME_INTERVAL }
            : {}),
        }),
  ...(flags.keepGoingOnNonfinite === true ? { keep_going_on_nonfinite: true } : {}),
  ...(flags.batchMean === undefined || flags.batchMean === "divide" ? {} : { batch_mean: flags.batchMean }),
});
