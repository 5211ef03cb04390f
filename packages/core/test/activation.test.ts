import { add, divide, exp, multiply, subtract } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import { defineActivation, defineMatrixActivation } from "../src/index.js";
import { expectClose, matrix } from "./helpers.js";

// A plugin made the short way and one made the matrix way. (@stepwise/testkit runs the full contract on
// plugins built with these factories; see its tests.)
const softplus = defineActivation({
  name: "softplus_test",
  fn: (z) => Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0),
  derivative: (z) => 1 / (1 + Math.exp(-z)),
});
const logistic = defineMatrixActivation({
  name: "logistic_test",
  forward: (Z) => divide(1, add(1, exp(multiply(Z, -1)))),
  backward: (dA, { A }) => multiply(dA, multiply(A, subtract(1, A))),
});

describe("defineActivation", () => {
  it("caches Z and A, and multiplies dA by g'(z)", () => {
    const Z = matrix([[0, 2]]);
    const [A, cache] = softplus.forward(Z);
    expect(cache.Z).toBe(Z);
    expect(cache.A).toBe(A);
    expectClose(softplus.backward(matrix([[2, 3]]), cache), [[1, 3 / (1 + Math.exp(-2))]], 1e-15);
  });
  it("defineMatrixActivation takes the matrix forward and backward as given", () => {
    const [A, cache] = logistic.forward(matrix([[0]]));
    expect(A.data[0]).toBe(0.5);
    expectClose(logistic.backward(matrix([[4]]), cache), [[1]], 0);
  });
  it("freezes the plugin and its meta", () => {
    expect(Object.isFrozen(softplus)).toBe(true);
    expect(Object.isFrozen(softplus.meta)).toBe(true);
    expect(softplus.meta).toEqual({ kind: "activation", name: "softplus_test" });
  });
});
