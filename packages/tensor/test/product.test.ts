import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allClose,
  fromFunction,
  type Matrix,
  matmul,
  matmulTransposeA,
  matmulTransposeB,
  matmulTransposeBoth,
  toArray,
  transpose,
} from "../src/index.js";
import { m } from "./helpers.js";

/** The textbook triple loop, as the oracle for the unrolled kernels. */
const naiveProduct = (a: Matrix, b: Matrix): Matrix =>
  fromFunction(a.rows, b.cols, (i, j) => {
    let s = 0;
    for (let p = 0; p < a.cols; p++)
      s += (a.data[i * a.cols + p] as number) * (b.data[p * b.cols + j] as number);
    return s;
  });

const matrixArb = (rows: number, cols: number): fc.Arbitrary<Matrix> =>
  fc
    .array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: rows * cols, maxLength: rows * cols })
    .map((values) => fromFunction(rows, cols, (i, j) => values[i * cols + j] as number));

const dims = fc.integer({ min: 1, max: 9 });

describe("matmul", () => {
  it("multiplies a hand-computed case", () => {
    const a = m([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const b = m([
      [7, 8, 9],
      [10, 11, 12],
    ]);
    expect(toArray(matmul(a, b))).toEqual([
      [27, 30, 33],
      [61, 68, 75],
      [95, 106, 117],
    ]);
  });

  it("names both shapes when inner dimensions differ", () => {
    expect(() =>
      matmul(
        fromFunction(20, 12288, () => 0),
        fromFunction(12287, 209, () => 0),
      ),
    ).toThrow("matmul: (20, 12288) · (12287, 209): inner dimensions differ (12288 vs 12287)");
    expect(() =>
      matmulTransposeB(
        fromFunction(20, 209, () => 0),
        fromFunction(12288, 208, () => 0),
      ),
    ).toThrow("matmulTransposeB: (20, 209) · (12288, 208)ᵀ: inner dimensions differ (209 vs 208)");
  });

  it("agrees with the triple loop for every shape up to 9, including unroll remainders", () => {
    fc.assert(
      fc.property(dims, dims, dims, fc.nat(), (r, k, c, salt) => {
        const a = fromFunction(r, k, (i, j) => Math.sin(i * 7 + j * 3 + salt));
        const b = fromFunction(k, c, (i, j) => Math.cos(i * 5 - j + salt));
        return allClose(matmul(a, b), naiveProduct(a, b), { rtol: 1e-13, atol: 1e-13 });
      }),
    );
  });

  it("transposed variants equal the product of explicit transposes", () => {
    fc.assert(
      fc.property(dims, dims, dims, fc.nat(), (r, k, c, salt) => {
        const a = fromFunction(r, k, (i, j) => Math.sin(i + 2 * j + salt));
        const b = fromFunction(k, c, (i, j) => Math.cos(3 * i + j - salt));
        const expected = naiveProduct(a, b);
        const tol = { rtol: 1e-13, atol: 1e-13 };
        return (
          allClose(matmulTransposeA(transpose(a), b), expected, tol) &&
          allClose(matmulTransposeB(a, transpose(b)), expected, tol) &&
          allClose(matmulTransposeBoth(transpose(a), transpose(b)), expected, tol)
        );
      }),
    );
  });

  it("(AB)ᵀ = BᵀAᵀ", () => {
    fc.assert(
      fc.property(
        dims.chain((r) => dims.chain((k) => dims.chain((c) => fc.tuple(matrixArb(r, k), matrixArb(k, c))))),
        ([a, b]) =>
          allClose(transpose(matmul(a, b)), matmul(transpose(b), transpose(a)), { rtol: 1e-12, atol: 1e-12 }),
      ),
    );
  });

  it("is deterministic and leaves its inputs alone", () => {
    const a = fromFunction(13, 17, (i, j) => Math.sin(i * j));
    const b = fromFunction(17, 11, (i, j) => Math.cos(i + j));
    const before = [a.data.slice(), b.data.slice()];
    const first = matmul(a, b);
    expect(matmul(a, b).data).toStrictEqual(first.data);
    expect([a.data, b.data]).toStrictEqual(before);
  });
});
