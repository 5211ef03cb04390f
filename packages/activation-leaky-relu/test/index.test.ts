import { getActivation, makeRegistry } from "@stepwise/core";
import { fromFunction } from "@stepwise/tensor";
import { describeActivationFormula, matrix, runActivationContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { leaky_relu, leakyRelu, plugins } from "../src/index.js";

runActivationContract(leaky_relu, { kinks: [0] });

// Reference values from the formula, written out independently of the plugin.
describeActivationFormula("leaky_relu", leaky_relu, {
  fn: (z: number) => (z > 0 ? z : 0.01 * z),
  derivative: (z: number) => (z > 0 ? 1 : 0.01),
  Z: fromFunction(3, 7, (i, j) => (j - 3) * 1.7 + i * 0.31),
  forward: { rtol: 1e-15, atol: 0 },
  backward: { rtol: 1e-14, atol: 1e-300 },
});

describe("leaky_relu by name", () => {
  const made = makeRegistry({ plugins });
  if (made._tag === "Left") throw new Error(made.left.message);
  const registry = made.right;
  it.each([
    ["leaky_relu", "leaky_relu(alpha=0.01)", -0.02],
    ["leaky_relu(alpha=0.2)", "leaky_relu(alpha=0.2)", -0.4],
    ["leaky_relu(alpha=0)", "leaky_relu(alpha=0)", 0],
  ])("%s builds %s", (name, canonical, atMinus2) => {
    const found = getActivation(registry, name);
    if (found._tag === "Left") throw new Error(found.left.message);
    expect(found.right.meta.name).toBe(canonical);
    expect(found.right.forward(matrix([[-2]]))[0].data[0]).toBeCloseTo(atMinus2, 15);
  });
  it("refuses a negative slope, naming the range", () => {
    const found = getActivation(registry, "leaky_relu(alpha=-0.1)");
    expect(found._tag === "Left" && found.left.message).toBe(
      "leaky_relu(alpha=-0.1): alpha must be a number ≥ 0, got -0.1 (default 0.01)",
    );
  });
});

runActivationContract(leakyRelu({ alpha: 0.2 }), { kinks: [0] });
