import * as E from "fp-ts/lib/Either.js";
import { type CheckedSchedule, checkSettings, countAt, type ScheduleParameters } from "./define.js";

export const inverseTimeDecayParameters = {
  decay_steps: { default: 1, greaterThan: 0, description: "updates per unit of decay" },
  decay_rate: { default: 1, min: 0, description: "how fast the rate falls" },
  staircase: { default: 0, min: 0, max: 1, integer: true, description: "1: decay in whole steps" },
} as const satisfies ScheduleParameters<string>;

export interface InverseTimeDecaySettings {
  readonly decay_steps: number;
  readonly decay_rate: number;
  readonly staircase?: boolean | number;
}

/**
 * jax.example_libraries.optimizers.inverse_time_decay (optax has none; this is JAX's):
 *
 *     rate = init_value / (1 + decay_rate · count / decay_steps)          (decay_rate·count first, as JAX)
 *     rate = init_value / (1 + decay_rate · ⌊count / decay_steps⌋)        with staircase
 *
 * count = step − 1. The course's `update_lr` is decay_steps = 1 per epoch and `schedule_lr_decay` is the
 * staircase with decay_steps = time_interval, counted in epochs rather than updates.
 */
export const inverseTimeDecaySchedule = (
  init_value: number,
  settings: InverseTimeDecaySettings,
): CheckedSchedule => {
  const fn = "inverseTimeDecaySchedule";
  return E.map(
    (s: Readonly<Record<keyof typeof inverseTimeDecayParameters, number>>) =>
      (step: number): number => {
        const count = countAt(fn, step);
        return s.staircase === 1
          ? init_value / (1 + s.decay_rate * Math.floor(count / s.decay_steps))
          : init_value / (1 + (s.decay_rate * count) / s.decay_steps);
      },
  )(checkSettings(fn, init_value, inverseTimeDecayParameters, settings));
};
