import { matrix, runCostContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { categorical_cross_entropy } from "../src/index.js";

runCostContract(categorical_cross_entropy, { outputs: "columnDistribution" });

describe("categorical cross-entropy", () => {
  it("−Σ y log a per column, averaged over columns", () => {
    const AL = matrix([
      [0.3, 0.5],
      [0.2, 0.25],
      [0.5, 0.25],
    ]);
    const Y = matrix([
      [0, 1],
      [1, 0],
      [0, 0],
    ]);
    expect(categorical_cross_entropy.compute_cost(AL, Y)).toBe((-Math.log(0.2) - Math.log(0.5)) / 2);
  });
  it("a zero probability where y = 0 costs nothing (no 0·log 0 = NaN)", () => {
    expect(categorical_cross_entropy.compute_cost(matrix([[1], [0]]), matrix([[1], [0]]))).toBe(0);
    expect(
      Array.from(categorical_cross_entropy.cost_backward(matrix([[0.5], [0]]), matrix([[1], [0]])).data),
    ).toEqual([-2, 0]);
  });
});
