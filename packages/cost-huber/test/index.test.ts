import { getCost, makeRegistry } from "@stepwise/core";
import { fromFunction, zipWith } from "@stepwise/tensor";
import { assertClose, expectMatrixClose, runCostContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { huber, huberWith, plugins } from "../src/index.js";

runCostContract(huber);
runCostContract(huberWith({ delta: 0.5 }));
runCostContract(huberWith({ delta: 3 }));

// Reference values from the formula, written out independently of the plugin.

describe("huber(delta=1) against its formula", () => {
  const loss = (a: number, y: number) =>
    Math.abs(a - y) <= 1 ? ((a - y) * (a - y)) / 2 : Math.abs(a - y) - 0.5;
  const dLoss = (a: number, y: number) => Math.max(-1, Math.min(1, a - y));
  const AL = fromFunction(3, 7, (i, j) => (j - 3) * 1.3 + i * 0.45);
  const Y = fromFunction(3, 7, (i, j) => Math.sin(3 * i + j));
  it("J = (1/m) Σ_columns Σ_rows loss(a, y)", () => {
    let total = 0;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 7; j++) total += loss(AL.data[i * 7 + j] as number, Y.data[i * 7 + j] as number);
    assertClose(huber.compute_cost(AL, Y), total / 7, { rtol: 1e-14, atol: 0 });
  });
  it("dAL = ∂loss/∂a", () => {
    expectMatrixClose(huber.cost_backward(AL, Y), zipWith(AL, Y, dLoss), { rtol: 1e-14, atol: 1e-300 });
  });
});

describe("huber(delta=0.5) against its formula", () => {
  const loss = (a: number, y: number) =>
    Math.abs(a - y) <= 0.5 ? ((a - y) * (a - y)) / 2 : 0.5 * Math.abs(a - y) - 0.125;
  const dLoss = (a: number, y: number) => Math.max(-0.5, Math.min(0.5, a - y));
  const AL = fromFunction(3, 7, (i, j) => (j - 3) * 1.3 + i * 0.45);
  const Y = fromFunction(3, 7, (i, j) => Math.sin(3 * i + j));
  it("J = (1/m) Σ_columns Σ_rows loss(a, y)", () => {
    let total = 0;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 7; j++) total += loss(AL.data[i * 7 + j] as number, Y.data[i * 7 + j] as number);
    assertClose(huberWith({ delta: 0.5 }).compute_cost(AL, Y), total / 7, { rtol: 1e-14, atol: 0 });
  });
  it("dAL = ∂loss/∂a", () => {
    expectMatrixClose(huberWith({ delta: 0.5 }).cost_backward(AL, Y), zipWith(AL, Y, dLoss), {
      rtol: 1e-14,
      atol: 1e-300,
    });
  });
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
