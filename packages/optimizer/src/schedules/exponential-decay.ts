import type { Schedule } from "@stepwise/core";
import { invalidArgument } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { type CheckedSchedule, checkSettings, countAt, type ScheduleParameters } from "./define.js";

export const exponentialDecayParameters = {
  transition_steps: {
    default: 1,
    greaterThan: 0,
    integer: true,
    description: "updates per factor decay_rate",
  },
  decay_rate: { default: 0.5, greaterThan: 0, description: "the factor per transition_steps updates" },
  staircase: { default: 0, min: 0, max: 1, integer: true, description: "1: decay in whole steps" },
  transition_begin: { default: 0, min: 0, integer: true, description: "updates at init_value first" },
} as const satisfies ScheduleParameters<string>;

export interface ExponentialDecaySettings {
  readonly transition_steps: number;
  readonly decay_rate: number;
  readonly staircase?: boolean | number;
  readonly transition_begin?: number;
  /** The bound the rate never passes: a floor when decay_rate < 1, a ceiling when > 1 (optax's end_value). */
  readonly end_value?: number;
}

/**
 * optax.exponential_decay:
 *
 *     c = count − transition_begin
 *     rate = init_value                                          c ≤ 0
 *     rate = init_value · decay_rate^(c / transition_steps)      otherwise (⌊c / transition_steps⌋ with staircase)
 *
 * then clipped at end_value (a floor when decay_rate < 1, a ceiling when it is > 1). count = step − 1.
 * optax turns transition_steps ≤ 0 or decay_rate 0 into a constant with a warning; here they are errors.
 */
export const exponentialDecaySchedule = (
  init_value: number,
  settings: ExponentialDecaySettings,
): CheckedSchedule => {
  const fn = "exponentialDecaySchedule";
  const { end_value, ...rest } = settings;
  return E.flatMap((s: Readonly<Record<keyof typeof exponentialDecayParameters, number>>) => {
    if (end_value !== undefined && !(Number.isFinite(end_value) && end_value >= 0))
      return E.left(
        invalidArgument(`${fn}: end_value is ${end_value}; pass a finite number ≥ 0, or leave it out`),
      );
    const clip =
      end_value === undefined
        ? (rate: number) => rate
        : s.decay_rate < 1
          ? (rate: number) => Math.max(rate, end_value)
          : (rate: number) => Math.min(rate, end_value);
    const schedule: Schedule = (step) => {
      const decreased = countAt(fn, step) - s.transition_begin;
      const p = decreased / s.transition_steps;
      return clip(
        decreased <= 0 ? init_value : init_value * s.decay_rate ** (s.staircase === 1 ? Math.floor(p) : p),
      );
    };
    return E.right(schedule);
  })(checkSettings(fn, init_value, exponentialDecayParameters, rest));
};
