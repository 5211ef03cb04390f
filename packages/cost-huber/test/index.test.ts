import { getCost, makeRegistry } from "@stepwise/core";
import { fromFunction } from "@stepwise/tensor";
import { describeCostFormula, runCostContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { huber, huberWith, plugins } from "../src/index.js";

runCostContract(huber);
runCostContract(huberWith({ delta: 0.5 }));
runCostContract(huberWith({ delta: 3 }));

// Reference values from the formula, written out independently of the plugin.

describeCostFormula("huber(delta=1)", huber, {
  loss: (a: number, y: number) => (Math.abs(a - y) <= 1 ? ((a - y) * (a - y)) / 2 : Math.abs(a - y) - 0.5),
  derivative: (a: number, y: number) => Math.max(-1, Math.min(1, a - y)),
  AL: fromFunction(3, 7, (i, j) => (j - 3) * 1.3 + i * 0.45),
  Y: fromFunction(3, 7, (i, j) => Math.sin(3 * i + j)),
  cost: { rtol: 1e-14, atol: 0 },
  backward: { rtol: 1e-14, atol: 1e-300 },
});

describeCostFormula("huber(delta=0.5)", huberWith({ delta: 0.5 }), {
  loss: (a: number, y: number) =>
    Math.abs(a - y) <= 0.5 ? ((a - y) * (a - y)) / 2 : 0.5 * Math.abs(a - y) - 0.125,
  derivative: (a: number, y: number) => Math.max(-0.5, Math.min(0.5, a - y)),
  AL: fromFunction(3, 7, (i, j) => (j - 3) * 1.3 + i * 0.45),
  Y: fromFunction(3, 7, (i, j) => Math.sin(3 * i + j)),
  cost: { rtol: 1e-14, atol: 0 },
  backward: {
    rtol: 1e-14,
    atol: 1e-300,
  },
});

describe("huber by name", () => {
  const made = makeRegistry({ plugins });
  if (made._tag === "Left") throw new Error(made.left.message);
  it.each([
    ["huber", "huber(delta=1)"],
    ["huber(delta=0.5)", "huber(delta=0.5)"],
    ["huber(delta=0)", "huber(delta=0): delta must be a number > 0, got 0 (default 1)"],
    [
      "huber(epsilon=1)",
      'huber(epsilon=1): huber has no parameter "epsilon"; its parameters: delta (a number > 0, default 1)',
    ],
  ])("%s → %s", (name, expected) => {
    const found = getCost(made.right, name);
    expect(found._tag === "Right" ? found.right.meta.name : found.left.message).toBe(expected);
  });
  it("is mse's half square inside delta and linear outside", () => {
    const AL = fromFunction(1, 2, (_, j) => [0.5, 4][j] ?? 0);
    const Y = fromFunction(1, 2, () => 0);
    expect(huber.compute_cost(AL, Y)).toBe((0.125 + 3.5) / 2);
  });
});
