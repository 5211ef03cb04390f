import { fromFunction } from "@stepwise/tensor";
import { describeActivationFormula, runActivationContract } from "@stepwise/testkit";
import { sigmoid } from "../src/index.js";

runActivationContract(sigmoid);

// Reference values from the formula, written out independently of the plugin.
describeActivationFormula("sigmoid", sigmoid, {
  fn: (z: number) => 1 / (1 + Math.exp(-z)),
  derivative: (z: number) => {
    const s = 1 / (1 + Math.exp(-z));
    return s * (1 - s);
  },
  Z: fromFunction(3, 7, (i, j) => (j - 3) * 1.7 + i * 0.31),
  forward: { rtol: 1e-15, atol: 0 },
  backward: { rtol: 1e-14, atol: 1e-300 },
});
