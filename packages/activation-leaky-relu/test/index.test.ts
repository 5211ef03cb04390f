import { fromFunction, map } from "@stepwise/tensor";
import { expectMatrixClose, runActivationContract } from "@stepwise/testkit";
import { describe, it } from "vitest";
import { leaky_relu } from "../src/index.js";

runActivationContract(leaky_relu, { kinks: [0] });

// Reference values from the formula, written out independently of the plugin.
const g = (z: number) => (z > 0 ? z : 0.01 * z);
const gPrime = (z: number) => (z > 0 ? 1 : 0.01);

describe("leaky_relu against its formula", () => {
  const Z = fromFunction(3, 7, (i, j) => (j - 3) * 1.7 + i * 0.31);
  const dA = fromFunction(3, 7, (i, j) => Math.cos(i + 2 * j));
  it("forward is g(z)", () => {
    expectMatrixClose(leaky_relu.forward(Z)[0], map(Z, g), { rtol: 1e-15, atol: 0 });
  });
  it("backward is dA · g'(z)", () => {
    const [, cache] = leaky_relu.forward(Z);
    const expected = map(Z, (z, i, j) => gPrime(z) * Math.cos(i + 2 * j));
    expectMatrixClose(leaky_relu.backward(dA, cache), expected, { rtol: 1e-14, atol: 1e-300 });
  });
});
