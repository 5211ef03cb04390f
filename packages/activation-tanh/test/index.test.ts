import { fromFunction } from "@stepwise/tensor";
import { describeActivationFormula, runActivationContract } from "@stepwise/testkit";
import { tanh } from "../src/index.js";

runActivationContract(tanh);

// Reference values from the formula, written out independently of the plugin.
describeActivationFormula("tanh", tanh, {
  fn: (z: number) => Math.tanh(z),
  derivative: (z: number) => 1 - Math.tanh(z) ** 2,
  Z: fromFunction(3, 7, (i, j) => (j - 3) * 1.7 + i * 0.31),
  forward: { rtol: 1e-15, atol: 0 },
  backward: { rtol: 1e-14, atol: 1e-300 },
});
