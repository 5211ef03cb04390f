import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  argmaxPerColumn,
  fromFunction,
  maxAll,
  maxAxis,
  meanAll,
  meanAxis,
  minAll,
  minAxis,
  sumAll,
  sumAxis,
  sumOfSquares,
  toArray,
  transpose,
  zeros,
} from "../src/index.js";
import { m } from "./helpers.js";

const A = m([
  [1, 2, 3],
  [4, 5, 6],
]);

describe("sums", () => {
  it("over everything and per axis, keeping dims like numpy's keepdims=True", () => {
    expect(sumAll(A)).toBe(21);
    expect(toArray(sumAxis(A, 1))).toEqual([[6], [15]]);
    expect(toArray(sumAxis(A, 0))).toEqual([[5, 7, 9]]);
  });
  it("the batch-bias sum of the notes: dB = Σ over examples of dY", () => {
    // seed-examples.json → affine_batch_bias: rows are examples there, so the sum runs over axis 0.
    expect(
      toArray(
        sumAxis(
          m([
            [1, 2, 3],
            [4, 5, 6],
          ]),
          0,
        ),
      ),
    ).toEqual([[5, 7, 9]]);
  });
  it("means", () => {
    expect(meanAll(A)).toBe(3.5);
    expect(toArray(meanAxis(A, 1))).toEqual([[2], [5]]);
    expect(toArray(meanAxis(A, 0))).toEqual([[2.5, 3.5, 4.5]]);
    expect(() => meanAll(zeros(0, 3))).toThrow("meanAll: (0, 3) is empty");
  });
  it("sumOfSquares is the squared Frobenius norm", () => {
    expect(sumOfSquares(A)).toBe(91);
  });
  it("axis sums of the transpose swap axes (law), and both axes total the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), (r, c) => {
        const a = fromFunction(r, c, (i, j) => i * 3 - j * 2 + 0.5);
        const total = sumAll(a);
        return (
          toArray(transpose(sumAxis(a, 0))).join() === toArray(sumAxis(transpose(a), 1)).join() &&
          Math.abs(sumAll(sumAxis(a, 0)) - total) < 1e-9 &&
          Math.abs(sumAll(sumAxis(a, 1)) - total) < 1e-9
        );
      }),
    );
  });
});

describe("max, min, argmax", () => {
  it("per axis", () => {
    expect(maxAll(A)).toBe(6);
    expect(minAll(A)).toBe(1);
    expect(toArray(maxAxis(A, 0))).toEqual([[4, 5, 6]]);
    expect(toArray(minAxis(A, 1))).toEqual([[1], [4]]);
    expect(() => maxAll(zeros(0, 0))).toThrow("maxAll: (0, 0) is empty");
  });
  it("argmaxPerColumn picks the first maximum on ties, like numpy", () => {
    expect(
      argmaxPerColumn(
        m([
          [0.1, 0.5, 0.3],
          [0.7, 0.5, 0.2],
          [0.2, 0.0, 0.5],
        ]),
      ),
    ).toEqual([1, 0, 2]);
  });
});
