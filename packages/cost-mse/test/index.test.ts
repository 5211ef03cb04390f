import { matrix, runCostContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { mse } from "../src/index.js";

runCostContract(mse);

describe("mse", () => {
  it("the notes' one-example loss: ½(0.7 − 1)² = 0.04500000000000008", () => {
    expect(mse.compute_cost(matrix([[0.6999999999999997]]), matrix([[1]]))).toBe(0.04500000000000008);
  });
  it("sums over output rows and averages over example columns", () => {
    // Columns: (1, 2) vs (0, 0) → ½·5 = 2.5; (0, 0) vs (0, 1) → ½·1 = 0.5; mean 1.5.
    expect(
      mse.compute_cost(
        matrix([
          [1, 0],
          [2, 0],
        ]),
        matrix([
          [0, 0],
          [0, 1],
        ]),
      ),
    ).toBe(1.5);
    expect(Array.from(mse.cost_backward(matrix([[1, 0]]), matrix([[0, 1]])).data)).toEqual([1, -1]);
  });
});
