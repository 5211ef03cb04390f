import { invalidArgument, raise } from "@stepwise/tensor";

/**
 * `np.linspace(start, stop, num, endpoint)` for float64, computed as numpy computes it (1.x and 2.x):
 * `step = (stop - start) / div` with `div = num - 1` (or `num` without the endpoint), then
 * `i · step + start` for each i, and with the endpoint the last value replaced by `stop` exactly.
 * A step that underflows to 0 is numpy's denormal case: `(i / div) · delta + start`.
 * Not `start + i·(stop - start)/div` nor repeated addition: those round differently, and the course's
 * data sets are built on these exact values.
 */
export const linspace = (
  start: number,
  stop: number,
  num: number,
  endpoint = true,
): ReadonlyArray<number> => {
  if (!(Number.isInteger(num) && num >= 0))
    raise(invalidArgument(`linspace: num must be an integer ≥ 0, got ${String(num)}`));
  if (!(Number.isFinite(start) && Number.isFinite(stop)))
    raise(invalidArgument(`linspace: start and stop must be finite, got start = ${start}, stop = ${stop}`));
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = delta / div;
  const at = (i: number): number => {
    if (div <= 0) return i * delta + start; // 0 or 1 value: numpy multiplies by delta (i is 0)
    if (step === 0) return (i / div) * delta + start;
    return i * step + start;
  };
  const values = Array.from({ length: num }, (_, i) => at(i));
  if (endpoint && num > 1) values[num - 1] = stop;
  return values;
};
