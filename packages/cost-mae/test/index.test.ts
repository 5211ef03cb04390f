import { fromFunction } from "@stepwise/tensor";
import { describeCostFormula, runCostContract } from "@stepwise/testkit";
import { mae } from "../src/index.js";

runCostContract(mae, { nearKink: (a, y) => Math.abs(a - y) < 1e-3 });

// Reference values from the formula, written out independently of the plugin.

describeCostFormula("mae", mae, {
  loss: (a: number, y: number) => (a > y ? a - y : y - a),
  derivative: (a: number, y: number) => (a > y ? 1 : a < y ? -1 : 0),
  AL: fromFunction(3, 7, (i, j) => (j - 3) * 1.3 + i * 0.45),
  Y: fromFunction(3, 7, (i, j) => Math.sin(3 * i + j)),
  cost: { rtol: 1e-14, atol: 0 },
  backward: { rtol: 1e-14, atol: 1e-300 },
});
