import { fromFunction } from "@stepwise/tensor";
import { describeActivationFormula, runActivationContract } from "@stepwise/testkit";
import { softsign } from "../src/index.js";

runActivationContract(softsign);

// Reference values from the formula, written out independently of the plugin.

describeActivationFormula("softsign", softsign, {
  fn: (z: number) => (z >= 0 ? z / (1 + z) : z / (1 - z)),
  derivative: (z: number) => (z >= 0 ? 1 / (1 + z) ** 2 : 1 / (1 - z) ** 2),
  Z: fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37),
  forward: { rtol: 1e-15, atol: 1e-300 },
  backward: { rtol: 1e-15, atol: 1e-300 },
});
