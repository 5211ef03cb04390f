import { fromFunction, map } from "@stepwise/tensor";
import { expectMatrixClose, runActivationContract } from "@stepwise/testkit";
import { describe, it } from "vitest";
import { softsign } from "../src/index.js";

runActivationContract(softsign);

// Reference values from the formula, written out independently of the plugin.

describe("softsign against its formula", () => {
  const g = (z: number) => (z >= 0 ? z / (1 + z) : z / (1 - z));
  const gPrime = (z: number) => (z >= 0 ? 1 / (1 + z) ** 2 : 1 / (1 - z) ** 2);
  const Z = fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37);
  const dA = fromFunction(3, 9, (i, j) => Math.cos(i + 2 * j));
  it("forward is g(z)", () => {
    expectMatrixClose(softsign.forward(Z)[0], map(Z, g), { rtol: 1e-15, atol: 1e-300 });
  });
  it("backward is dA · g'(z)", () => {
    const [, cache] = softsign.forward(Z);
    const expected = map(Z, (z, i, j) => gPrime(z) * Math.cos(i + 2 * j));
    expectMatrixClose(softsign.backward(dA, cache), expected, { rtol: 1e-15, atol: 1e-300 });
  });
});
