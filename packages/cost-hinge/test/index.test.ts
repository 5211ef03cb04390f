import { fromFunction, map } from "@stepwise/tensor";
import { describeCostFormula, runCostContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { hinge } from "../src/index.js";

runCostContract(hinge, { targets: "signed", nearKink: (a, y) => Math.abs(1 - a * y) < 1e-3 });
// The course's {0, 1} labels: 0 is the negative class.
runCostContract(hinge, { targets: "binary", nearKink: (a, y) => Math.abs(1 - a * (y > 0 ? 1 : -1)) < 1e-3 });

// Reference values from the formula, written out independently of the plugin.

describeCostFormula("hinge with {-1, 1} labels", hinge, {
  loss: (a: number, y: number) => Math.max(0, 1 - y * a),
  derivative: (a: number, y: number) => (y * a < 1 ? -y : 0),
  AL: fromFunction(3, 7, (i, j) => (j - 3) * 1.3 + i * 0.45),
  Y: fromFunction(3, 7, (i, j) => ((i + 2 * j) % 3 === 0 ? 1 : -1)),
  cost: { rtol: 1e-15, atol: 0 },
  backward: { rtol: 1e-15, atol: 1e-300 },
});

describeCostFormula("hinge with {0, 1} labels", hinge, {
  loss: (a: number, y: number) => Math.max(0, 1 - (2 * y - 1) * a),
  derivative: (a: number, y: number) => ((2 * y - 1) * a < 1 ? -(2 * y - 1) : 0),
  AL: fromFunction(3, 7, (i, j) => (j - 3) * 1.3 + i * 0.45),
  Y: fromFunction(3, 7, (i, j) => ((i + 2 * j) % 3 === 0 ? 1 : 0)),
  cost: { rtol: 1e-15, atol: 0 },
  backward: { rtol: 1e-15, atol: 1e-300 },
});

describe("hinge labels", () => {
  it("reads 0 and −1 alike as the negative class", () => {
    const AL = fromFunction(1, 4, (_, j) => [-2, 0.5, 0.3, 2][j] ?? 0);
    const zeroOne = fromFunction(1, 4, (_, j) => [0, 0, 1, 1][j] ?? 0);
    const signed = map(zeroOne, (y) => 2 * y - 1);
    expect(hinge.compute_cost(AL, zeroOne)).toBe(hinge.compute_cost(AL, signed));
    // max(0, 1 − 2), max(0, 1 + 0.5), max(0, 1 − 0.3), max(0, 1 − 2), averaged
    expect(hinge.compute_cost(AL, signed)).toBeCloseTo((0 + 1.5 + 0.7 + 0) / 4, 15);
  });
});
