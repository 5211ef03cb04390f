import { sumAxis } from "@stepwise/tensor";
import { expectMatrixClose, matrix, runActivationContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { softmax } from "../src/index.js";

runActivationContract(softmax);

describe("softmax against its formula", () => {
  it("each column sums to 1, and matches exp(z)/Σexp(z)", () => {
    const Z = matrix([
      [1, 0, -2],
      [2, 0, 3],
      [3, 0, 1000],
    ]);
    const [A] = softmax.forward(Z);
    const total = Math.exp(1) + Math.exp(2) + Math.exp(3);
    expect(A.data[0]).toBeCloseTo(Math.exp(1) / total, 15);
    expect(A.data[1]).toBe(1 / 3);
    expectMatrixClose(sumAxis(A, 0), [[1, 1, 1]], { rtol: 1e-15, atol: 1e-15 });
    expect(A.data[8]).toBe(1); // a huge logit does not overflow
  });
  it("with dA = −Y/A (categorical cross-entropy) the backward is A − Y", () => {
    const Z = matrix([[0.5], [1.5], [-1]]);
    const [A, cache] = softmax.forward(Z);
    const Y = [0, 1, 0];
    const dA = matrix(Y.map((y, i) => [-y / (A.data[i] as number)]));
    expectMatrixClose(
      softmax.backward(dA, cache),
      Y.map((y, i) => [(A.data[i] as number) - y]),
      { rtol: 1e-14, atol: 1e-16 },
    );
  });
});
