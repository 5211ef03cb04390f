import { fromFunction } from "@stepwise/tensor";
import { describeActivationFormula, runActivationContract } from "@stepwise/testkit";
import { mish } from "../src/index.js";

runActivationContract(mish);

// Reference values from the formula, written out independently of the plugin.

describeActivationFormula("mish", mish, {
  fn: (z: number) => z * Math.tanh(Math.log(1 + Math.exp(z))),
  derivative: (z: number) => {
    const sp = Math.log(1 + Math.exp(z));
    const sech = 1 / Math.cosh(sp);
    return Math.tanh(sp) + (z * sech * sech * Math.exp(z)) / (1 + Math.exp(z));
  },
  Z: fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37),
  forward: { rtol: 1e-12, atol: 1e-300 },
  backward: { rtol: 1e-12, atol: 1e-300 },
});
