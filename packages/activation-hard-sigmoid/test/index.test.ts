import { fromFunction } from "@stepwise/tensor";
import { describeActivationFormula, runActivationContract } from "@stepwise/testkit";
import { hard_sigmoid, hard_sigmoid_keras2 } from "../src/index.js";

runActivationContract(hard_sigmoid, { kinks: [-3, 3] });
runActivationContract(hard_sigmoid_keras2, { kinks: [-2.5, 2.5] });

// Reference values from the formula, written out independently of the plugin.

describeActivationFormula("hard_sigmoid", hard_sigmoid, {
  fn: (z: number) => (z <= -3 ? 0 : z >= 3 ? 1 : z / 6 + 0.5),
  derivative: (z: number) => (Math.abs(z) < 3 ? 1 / 6 : 0),
  Z: fromFunction(3, 9, (i, j) => (j - 4) * 1.1 + i * 0.37),
  forward: { rtol: 1e-12, atol: 1e-300 },
  backward: { rtol: 1e-12, atol: 1e-300 },
});

describeActivationFormula("hard_sigmoid_keras2", hard_sigmoid_keras2, {
  fn: (z: number) => (z <= -2.5 ? 0 : z >= 2.5 ? 1 : 0.2 * z + 0.5),
  derivative: (z: number) => (Math.abs(z) < 2.5 ? 0.2 : 0),
  Z: fromFunction(3, 9, (i, j) => (j - 4) * 0.9 + i * 0.37),
  forward: { rtol: 1e-12, atol: 1e-300 },
  backward: { rtol: 1e-12, atol: 1e-300 },
});
