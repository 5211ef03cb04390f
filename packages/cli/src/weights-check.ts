import type { Parameters } from "@stepwise/core";
import type { Matrix } from "@stepwise/tensor";

/*
 * Weights worth saving are finite, and small enough that the network's arithmetic does not overflow: a
 * float64 holds up to ~1.8e308, so an entry above ~1.3e154 has an infinite square (the L2 norm, the
 * next layer's sums). The training loop stops on a NaN cost, but one step can still leave weights like
 * 4e306 that give NaN on the next forward pass; these checks keep such weights out of a model file.
 */

const format = (x: number): string => (Number.isFinite(x) ? x.toPrecision(3) : String(x));

/** `W1[3, 17] is NaN` or `W1 has entries as large as 4.10e+306 (…)`, for each unusable matrix. */
export const weightProblems = (parameters: Parameters): ReadonlyArray<string> =>
  Object.entries(parameters).flatMap(([key, m]) => {
    if (m === undefined) return [];
    const bad = m.data.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0)
      return [`${key}[${Math.floor(bad / m.cols)}, ${bad % m.cols}] is ${m.data[bad]}, not a finite number`];
    let largest = 0;
    let squares = 0;
    for (const x of m.data) {
      largest = Math.max(largest, Math.abs(x));
      squares += x * x;
    }
    return Number.isFinite(squares)
      ? []
      : [`${key} has entries as large as ${format(largest)}, whose squares overflow a float64`];
  });

/** How many outputs are not finite, and the first, as `the output for example 3 is NaN`. */
export const outputProblem = (AL: Matrix): string | undefined => {
  const bad = AL.data.findIndex((x) => !Number.isFinite(x));
  if (bad < 0) return undefined;
  const count = AL.data.reduce((n, x) => (Number.isFinite(x) ? n : n + 1), 0);
  return `the network's output is ${AL.data[bad]} for example ${bad % AL.cols}${count > 1 ? ` (and ${count - 1} more outputs are not finite)` : ""}`;
};

/** The largest |entry| over all weights, for saying why an output overflowed. */
export const largestWeight = (parameters: Parameters): readonly [key: string, value: number] => {
  let best: readonly [string, number] = ["", 0];
  for (const [key, m] of Object.entries(parameters))
    for (const x of m?.data ?? []) if (Math.abs(x) > best[1]) best = [key, Math.abs(x)];
  return best;
};

export { format as formatNumber };
