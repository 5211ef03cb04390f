import { formatParameterValue } from "./plugin-name.js";

/**
 * Where a number must lie: a plugin's parameter, a cost's labels. Every bound is optional; `min`/`max`
 * are inclusive, `greaterThan`/`lessThan` exclusive; `integer` admits whole numbers only.
 */
export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
  readonly greaterThan?: number;
  readonly lessThan?: number;
  /** Only whole numbers. */
  readonly integer?: boolean;
}

/** "≥ 0", "> 0", "in [0, 1]", "in (0, 1]", "any number", plus "whole" for integers. */
export const describeRange = (spec: NumberRange): string => {
  const f = formatParameterValue;
  const low =
    spec.greaterThan !== undefined
      ? { value: spec.greaterThan, open: true }
      : spec.min !== undefined
        ? { value: spec.min, open: false }
        : undefined;
  const high =
    spec.lessThan !== undefined
      ? { value: spec.lessThan, open: true }
      : spec.max !== undefined
        ? { value: spec.max, open: false }
        : undefined;
  const noun = spec.integer === true ? "a whole number" : "a number";
  if (low !== undefined && high !== undefined)
    return `${noun} in ${low.open ? "(" : "["}${f(low.value)}, ${f(high.value)}${high.open ? ")" : "]"}`;
  if (low !== undefined) return `${noun} ${low.open ? ">" : "≥"} ${f(low.value)}`;
  if (high !== undefined) return `${noun} ${high.open ? "<" : "≤"} ${f(high.value)}`;
  return `any ${spec.integer === true ? "whole number" : "finite number"}`;
};

export const inRange = (spec: NumberRange, x: number): boolean =>
  Number.isFinite(x) &&
  (spec.min === undefined || x >= spec.min) &&
  (spec.max === undefined || x <= spec.max) &&
  (spec.greaterThan === undefined || x > spec.greaterThan) &&
  (spec.lessThan === undefined || x < spec.lessThan) &&
  (spec.integer !== true || Number.isInteger(x));
