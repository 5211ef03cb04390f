import { getActivation, makeRegistry } from "@stepwise/core";
import { fromFunction } from "@stepwise/tensor";
import { describeActivationFormula, runActivationContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { elu, eluWith, plugins } from "../src/index.js";

runActivationContract(elu, { kinks: [0] });
runActivationContract(eluWith({ alpha: 0.5 }), { kinks: [0] });
runActivationContract(eluWith({ alpha: 0 }), { kinks: [0] });

// Reference values from the formula, written out independently of the plugin.

describeActivationFormula("elu(alpha=1)", elu, {
  fn: (z: number) => (z > 0 ? z : Math.exp(z) - 1),
  derivative: (z: number) => (z > 0 ? 1 : Math.exp(z)),
  Z: fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37),
  forward: { rtol: 1e-12, atol: 1e-300 },
  backward: { rtol: 1e-12, atol: 1e-300 },
});

describeActivationFormula("elu(alpha=0.5)", eluWith({ alpha: 0.5 }), {
  fn: (z: number) => (z > 0 ? z : 0.5 * (Math.exp(z) - 1)),
  derivative: (z: number) => (z > 0 ? 1 : 0.5 * Math.exp(z)),
  Z: fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37),
  forward: { rtol: 1e-12, atol: 1e-300 },
  backward: { rtol: 1e-12, atol: 1e-300 },
});

describe("elu by name", () => {
  const made = makeRegistry({ plugins });
  if (made._tag === "Left") throw new Error(made.left.message);
  it.each([
    ["elu", "elu(alpha=1)"],
    ["elu(alpha=0.5)", "elu(alpha=0.5)"],
    ["elu(alpha=1.0)", "elu(alpha=1)"],
    ["elu(alpha=-1)", "elu(alpha=-1): alpha must be a number ≥ 0, got -1 (default 1)"],
  ])("%s → %s", (name, expected) => {
    const found = getActivation(made.right, name);
    expect(found._tag === "Right" ? found.right.meta.name : found.left.message).toBe(expected);
  });
  it("the default plugin is named like the one the factory builds", () => {
    expect(elu.meta.name).toBe("elu(alpha=1)");
  });
});
