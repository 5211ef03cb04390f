import { fromFunction, map } from "@stepwise/tensor";
import { expectMatrixClose, runActivationContract } from "@stepwise/testkit";
import { describe, it } from "vitest";
import { selu } from "../src/index.js";

runActivationContract(selu, { kinks: [0] });

// Reference values from the formula, written out independently of the plugin.

describe("selu against its formula", () => {
  const g = (z: number) => 1.0507009873554805 * (z > 0 ? z : 1.6732632423543772 * (Math.exp(z) - 1));
  const gPrime = (z: number) => 1.0507009873554805 * (z > 0 ? 1 : 1.6732632423543772 * Math.exp(z));
  const Z = fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37);
  const dA = fromFunction(3, 9, (i, j) => Math.cos(i + 2 * j));
  it("forward is g(z)", () => {
    expectMatrixClose(selu.forward(Z)[0], map(Z, g), { rtol: 1e-12, atol: 1e-300 });
  });
  it("backward is dA · g'(z)", () => {
    const [, cache] = selu.forward(Z);
    const expected = map(Z, (z, i, j) => gPrime(z) * Math.cos(i + 2 * j));
    expectMatrixClose(selu.backward(dA, cache), expected, { rtol: 1e-12, atol: 1e-300 });
  });
});
