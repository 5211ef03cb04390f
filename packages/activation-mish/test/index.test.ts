import { fromFunction, map } from "@stepwise/tensor";
import { expectMatrixClose, runActivationContract } from "@stepwise/testkit";
import { describe, it } from "vitest";
import { mish } from "../src/index.js";

runActivationContract(mish);

// Reference values from the formula, written out independently of the plugin.

describe("mish against its formula", () => {
  const g = (z: number) => z * Math.tanh(Math.log(1 + Math.exp(z)));
  const gPrime = (z: number) => {
    const sp = Math.log(1 + Math.exp(z));
    const sech = 1 / Math.cosh(sp);
    return Math.tanh(sp) + (z * sech * sech * Math.exp(z)) / (1 + Math.exp(z));
  };
  const Z = fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37);
  const dA = fromFunction(3, 9, (i, j) => Math.cos(i + 2 * j));
  it("forward is g(z)", () => {
    expectMatrixClose(mish.forward(Z)[0], map(Z, g), { rtol: 1e-12, atol: 1e-300 });
  });
  it("backward is dA · g'(z)", () => {
    const [, cache] = mish.forward(Z);
    const expected = map(Z, (z, i, j) => gPrime(z) * Math.cos(i + 2 * j));
    expectMatrixClose(mish.backward(dA, cache), expected, { rtol: 1e-12, atol: 1e-300 });
  });
});
