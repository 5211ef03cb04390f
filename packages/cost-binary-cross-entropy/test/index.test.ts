import { matrix, runCostContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { binary_cross_entropy } from "../src/index.js";

runCostContract(binary_cross_entropy, { outputs: "probabilities" });

describe("binary cross-entropy", () => {
  it("the course's compute_cost_test_case: Y = [[1, 1, 0]], AL = [[0.8, 0.9, 0.4]] → 0.2797765635793422", () => {
    // Expected Output of the Step by Step notebook, all digits as numpy prints them.
    expect(binary_cross_entropy.compute_cost(matrix([[0.8, 0.9, 0.4]]), matrix([[1, 1, 0]]))).toBe(
      0.2797765635793422,
    );
  });
  it("dAL = −(Y/AL − (1 − Y)/(1 − AL))", () => {
    const dAL = binary_cross_entropy.cost_backward(matrix([[0.8, 0.4]]), matrix([[1, 0]]));
    expect(Array.from(dAL.data)).toEqual([-(1 / 0.8), 1 / 0.6]);
  });
  it("declares the labels it takes, which the entry points check: [0, 1]", () => {
    expect(binary_cross_entropy.meta.labels).toMatchObject({ min: 0, max: 1 });
  });
});
