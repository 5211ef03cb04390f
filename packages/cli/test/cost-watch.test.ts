import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { costWatch } from "../src/cost-watch.js";

const warningsFor = (costs: ReadonlyArray<number>): ReadonlyArray<string> => {
  const warnings: string[] = [];
  const watch = costWatch((why) => warnings.push(why));
  for (const [i, c] of costs.entries()) watch(i, c);
  return warnings;
};

const fixture = (name: string): ReadonlyArray<number> =>
  (
    JSON.parse(readFileSync(join(import.meta.dirname, "../../../fixtures", name), "utf8")) as {
      costs: number[];
    }
  ).costs;

describe("costWatch", () => {
  it("stays quiet on the course's runs, wobbles included", () => {
    expect(warningsFor(fixture("coursera-L-layer.json"))).toEqual([]);
    expect(warningsFor(fixture("coursera-two-layer.json"))).toEqual([]);
  });

  it("warns once when the cost oscillates far above its start (--learning-rate 100)", () => {
    const costs = [0.77, 14.03, 6.42, 19.21, 7.34, 8.62, 18.05, 6.18, 10.81, 16.9, 5.03, 13.01, 15.74, 3.88];
    expect(warningsFor(costs)).toEqual([
      "the cost has stayed above its starting value for 10 iterations (0.77 at iteration 0, 5.03 at iteration 10)",
    ]);
  });

  it("warns when the cost climbs n iterations in a row", () => {
    const costs = [1, 0.5, ...Array.from({ length: 12 }, (_, k) => 0.5 + 0.01 * (k + 1))];
    expect(warningsFor(costs)).toEqual([
      "the cost has risen 10 iterations in a row (from 0.5 to 0.6 at iteration 11)",
    ]);
  });

  it("ignores a short climb and a climb too small to matter", () => {
    expect(warningsFor([1, 0.5, 0.51, 0.52, 0.53, 0.4])).toEqual([]);
    expect(warningsFor([1, ...Array.from({ length: 30 }, (_, k) => 0.5 + 1e-4 * k)])).toEqual([]);
  });
});
