import { fromFunction, map } from "@stepwise/tensor";
import { expectMatrixClose, runActivationContract } from "@stepwise/testkit";
import { describe, it } from "vitest";
import { hard_sigmoid, hard_sigmoid_keras2 } from "../src/index.js";

runActivationContract(hard_sigmoid, { kinks: [-3, 3] });
runActivationContract(hard_sigmoid_keras2, { kinks: [-2.5, 2.5] });

// Reference values from the formula, written out independently of the plugin.

describe("hard_sigmoid against its formula", () => {
  const g = (z: number) => (z <= -3 ? 0 : z >= 3 ? 1 : z / 6 + 0.5);
  const gPrime = (z: number) => (Math.abs(z) < 3 ? 1 / 6 : 0);
  const Z = fromFunction(3, 9, (i, j) => (j - 4) * 1.1 + i * 0.37);
  const dA = fromFunction(3, 9, (i, j) => Math.cos(i + 2 * j));
  it("forward is g(z)", () => {
    expectMatrixClose(hard_sigmoid.forward(Z)[0], map(Z, g), { rtol: 1e-12, atol: 1e-300 });
  });
  it("backward is dA · g'(z)", () => {
    const [, cache] = hard_sigmoid.forward(Z);
    const expected = map(Z, (z, i, j) => gPrime(z) * Math.cos(i + 2 * j));
    expectMatrixClose(hard_sigmoid.backward(dA, cache), expected, { rtol: 1e-12, atol: 1e-300 });
  });
});

describe("hard_sigmoid_keras2 against its formula", () => {
  const g = (z: number) => (z <= -2.5 ? 0 : z >= 2.5 ? 1 : 0.2 * z + 0.5);
  const gPrime = (z: number) => (Math.abs(z) < 2.5 ? 0.2 : 0);
  const Z = fromFunction(3, 9, (i, j) => (j - 4) * 0.9 + i * 0.37);
  const dA = fromFunction(3, 9, (i, j) => Math.cos(i + 2 * j));
  it("forward is g(z)", () => {
    expectMatrixClose(hard_sigmoid_keras2.forward(Z)[0], map(Z, g), { rtol: 1e-12, atol: 1e-300 });
  });
  it("backward is dA · g'(z)", () => {
    const [, cache] = hard_sigmoid_keras2.forward(Z);
    const expected = map(Z, (z, i, j) => gPrime(z) * Math.cos(i + 2 * j));
    expectMatrixClose(hard_sigmoid_keras2.backward(dA, cache), expected, { rtol: 1e-12, atol: 1e-300 });
  });
});
