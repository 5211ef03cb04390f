import { fromFunction } from "@stepwise/tensor";
import { describeActivationFormula, runActivationContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { softplus } from "../src/index.js";

runActivationContract(softplus);

// Reference values from the formula, written out independently of the plugin.

describeActivationFormula("softplus", softplus, {
  fn: (z: number) => Math.log(1 + Math.exp(z)),
  derivative: (z: number) => 1 / (1 + Math.exp(-z)),
  Z: fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37),
  forward: { rtol: 1e-13, atol: 1e-300 },
  backward: { rtol: 1e-13, atol: 1e-300 },
});

describe("softplus is numerically stable", () => {
  it("is z itself for large z and e^z for very negative z, where log(1 + e^z) overflows or rounds to 0", () => {
    const [A] = softplus.forward(fromFunction(1, 4, (_, j) => [1000, 710, -40, -745][j] ?? 0));
    expect(Array.from(A.data)).toEqual([1000, 710, Math.exp(-40), Math.exp(-745)]);
    expect(Math.log(1 + Math.exp(710))).toBe(Number.POSITIVE_INFINITY); // what the naive form gives
    expect(Math.log(1 + Math.exp(-40))).toBe(0); // and here it loses everything
  });
});
