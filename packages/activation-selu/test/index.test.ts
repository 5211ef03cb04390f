import { fromFunction } from "@stepwise/tensor";
import { describeActivationFormula, runActivationContract } from "@stepwise/testkit";
import { selu } from "../src/index.js";

runActivationContract(selu, { kinks: [0] });

// Reference values from the formula, written out independently of the plugin.

describeActivationFormula("selu", selu, {
  fn: (z: number) => 1.0507009873554805 * (z > 0 ? z : 1.6732632423543772 * (Math.exp(z) - 1)),
  derivative: (z: number) => 1.0507009873554805 * (z > 0 ? 1 : 1.6732632423543772 * Math.exp(z)),
  Z: fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37),
  forward: { rtol: 1e-12, atol: 1e-300 },
  backward: { rtol: 1e-12, atol: 1e-300 },
});
