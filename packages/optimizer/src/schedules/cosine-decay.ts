import * as E from "fp-ts/lib/Either.js";
import { type CheckedSchedule, checkSettings, countAt, type ScheduleParameters } from "./define.js";

export const cosineDecayParameters = {
  decay_steps: {
    default: 1,
    greaterThan: 0,
    integer: true,
    description: "updates from init_value to alpha·init_value",
  },
  alpha: { default: 0, min: 0, max: 1, description: "the final rate, as a fraction of init_value" },
  exponent: { default: 1, greaterThan: 0, description: "the power of the cosine factor" },
} as const satisfies ScheduleParameters<string>;

export interface CosineDecaySettings {
  readonly decay_steps: number;
  readonly alpha?: number;
  readonly exponent?: number;
}

/**
 * optax.cosine_decay_schedule:
 *
 *     c = min(count, decay_steps)
 *     rate = init_value · ((1 − alpha) · (½·(1 + cos(π·c / decay_steps)))^exponent + alpha)
 *
 * count = step − 1; after decay_steps updates the rate stays at alpha·init_value.
 */
export const cosineDecaySchedule = (init_value: number, settings: CosineDecaySettings): CheckedSchedule => {
  const fn = "cosineDecaySchedule";
  return E.map(
    (s: Readonly<Record<keyof typeof cosineDecayParameters, number>>) =>
      (step: number): number => {
        const count = Math.min(countAt(fn, step), s.decay_steps);
        const cosine = 0.5 * (1 + Math.cos((Math.PI * count) / s.decay_steps));
        return init_value * ((1 - s.alpha) * cosine ** s.exponent + s.alpha);
      },
  )(checkSettings(fn, init_value, cosineDecayParameters, settings));
};
