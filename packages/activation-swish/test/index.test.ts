import { getActivation, makeRegistry } from "@stepwise/core";
import { fromFunction } from "@stepwise/tensor";
import { describeActivationFormula, runActivationContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { plugins, silu, swishWith } from "../src/index.js";

runActivationContract(silu);
runActivationContract(swishWith());
runActivationContract(swishWith({ beta: 2.5 }));
runActivationContract(swishWith({ beta: 0 }));

// Reference values from the formula, written out independently of the plugin.

describeActivationFormula("silu", silu, {
  fn: (z: number) => z / (1 + Math.exp(-z)),
  derivative: (z: number) => {
    const s = 1 / (1 + Math.exp(-z));
    return s + z * s * (1 - s);
  },
  Z: fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37),
  forward: { rtol: 1e-13, atol: 1e-300 },
  backward: { rtol: 1e-13, atol: 1e-300 },
});

describeActivationFormula("swish(beta=2.5)", swishWith({ beta: 2.5 }), {
  fn: (z: number) => z / (1 + Math.exp(-2.5 * z)),
  derivative: (z: number) => {
    const s = 1 / (1 + Math.exp(-2.5 * z));
    return s + 2.5 * z * s * (1 - s);
  },
  Z: fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37),
  forward: { rtol: 1e-13, atol: 1e-300 },
  backward: { rtol: 1e-13, atol: 1e-300 },
});

describe("silu and swish", () => {
  it("swish(beta=1) is silu: the same numbers, another name", () => {
    const Z = fromFunction(2, 50, (i, j) => (j - 25) * 0.9 + i * 0.1);
    const swish1 = swishWith({ beta: 1 });
    expect(swish1.meta.name).toBe("swish(beta=1)");
    expect(Array.from(swish1.forward(Z)[0].data)).toEqual(Array.from(silu.forward(Z)[0].data));
  });
  it("by name through the registry", () => {
    const made = makeRegistry({ plugins });
    if (made._tag === "Left") throw new Error(made.left.message);
    const names = ["silu", "swish", "swish(beta=1.5)"].map((n) => {
      const found = getActivation(made.right, n);
      return found._tag === "Right" ? found.right.meta.name : found.left.message;
    });
    expect(names).toEqual(["silu", "swish(beta=1)", "swish(beta=1.5)"]);
  });
});
