import { fromFunction, zipWith } from "@stepwise/tensor";
import { assertClose, expectMatrixClose, runCostContract } from "@stepwise/testkit";
import { describe, it } from "vitest";
import { mae } from "../src/index.js";

runCostContract(mae, { nearKink: (a, y) => Math.abs(a - y) < 1e-3 });

// Reference values from the formula, written out independently of the plugin.

describe("mae against its formula", () => {
  const loss = (a: number, y: number) => (a > y ? a - y : y - a);
  const dLoss = (a: number, y: number) => (a > y ? 1 : a < y ? -1 : 0);
  const AL = fromFunction(3, 7, (i, j) => (j - 3) * 1.3 + i * 0.45);
  const Y = fromFunction(3, 7, (i, j) => Math.sin(3 * i + j));
  it("J = (1/m) Σ_columns Σ_rows loss(a, y)", () => {
    let total = 0;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 7; j++) total += loss(AL.data[i * 7 + j] as number, Y.data[i * 7 + j] as number);
    assertClose(mae.compute_cost(AL, Y), total / 7, { rtol: 1e-14, atol: 0 });
  });
  it("dAL = ∂loss/∂a", () => {
    expectMatrixClose(mae.cost_backward(AL, Y), zipWith(AL, Y, dLoss), { rtol: 1e-14, atol: 1e-300 });
  });
});
