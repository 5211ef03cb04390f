import { fromFunction, map } from "@stepwise/tensor";
import { assertClose, describeCostFormula, runCostContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { binary_cross_entropy_from_logits } from "../src/index.js";

runCostContract(binary_cross_entropy_from_logits, { outputs: "real", targets: "binary" });
// Soft targets in [0, 1] work too (label smoothing).
runCostContract(binary_cross_entropy_from_logits, {
  outputs: "real",
  targets: "real",
  domain: { low: 0, high: 1, inclusive: true },
});

// Reference values from the formula, written out independently of the plugin.

describeCostFormula("binary_cross_entropy_from_logits", binary_cross_entropy_from_logits, {
  loss: (z: number, y: number) => {
    const s = 1 / (1 + Math.exp(-z));
    return -(y * Math.log(s) + (1 - y) * Math.log(1 - s));
  },
  derivative: (z: number, y: number) => 1 / (1 + Math.exp(-z)) - y,
  AL: fromFunction(3, 7, (i, j) => (j - 3) * 1.3 + i * 0.45),
  Y: fromFunction(3, 7, (i, j) => ((i + 2 * j) % 3 === 0 ? 1 : 0)),
  cost: { rtol: 1e-12, atol: 0 },
  backward: {
    rtol: 1e-12,
    atol: 1e-300,
  },
});

describe("no log(0) at saturation", () => {
  it("is finite and exact where sigmoid then log would give Infinity or NaN", () => {
    const Z = fromFunction(1, 4, (_, j) => [-1000, -40, 40, 1000][j] ?? 0);
    const Y = fromFunction(1, 4, (_, j) => [1, 1, 0, 0][j] ?? 0);
    // Per example: −log σ(−1000) = 1000, −log σ(−40) = 40 + log1p(e^−40), −log(1 − σ(40)) likewise.
    assertClose(
      binary_cross_entropy_from_logits.compute_cost(Z, Y),
      (1000 + 2 * (40 + Math.log1p(Math.exp(-40))) + 1000) / 4,
      {
        rtol: 1e-15,
      },
    );
    expect(Array.from(binary_cross_entropy_from_logits.cost_backward(Z, Y).data)).toEqual([
      -1,
      -1 + 1 / (1 + Math.exp(40)),
      1 / (1 + Math.exp(-40)),
      1,
    ]);
    // What the naive formula gives at z = 1000, y = 0: σ(z) = 1 exactly, log(1 − 1) = −Infinity.
    expect(-Math.log(1 - 1 / (1 + Math.exp(-1000)))).toBe(Number.POSITIVE_INFINITY);
  });
  it("matches the course's binary cross-entropy on σ(z) where that one is accurate", () => {
    const Z = map(
      fromFunction(1, 5, (_, j) => j - 2),
      (z) => z,
    );
    const Y = fromFunction(1, 5, (_, j) => j % 2);
    const course = (z: number, y: number) => {
      const a = 1 / (1 + Math.exp(-z));
      return -(y * Math.log(a) + (1 - y) * Math.log(1 - a));
    };
    const expected =
      Array.from(Z.data, (z, j) => course(z, Y.data[j] as number)).reduce((s, x) => s + x, 0) / 5;
    assertClose(binary_cross_entropy_from_logits.compute_cost(Z, Y), expected, { rtol: 1e-14 });
  });
});
