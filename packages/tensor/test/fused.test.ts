import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  axpby,
  divide,
  isAllFinite,
  jsBackend,
  type Matrix,
  matmul,
  matmulDivide,
  matmulTransposeA,
  matmulTransposeB,
  matmulTransposeBoth,
  multiply,
  subtract,
  unsafeMatrix,
} from "../src/index.js";

/** Any double: NaN, ±Infinity, −0, subnormals and huge values included. */
const anyDouble = fc.double();

const matrixArb = (rows: number, cols: number, value = anyDouble): fc.Arbitrary<Matrix> =>
  fc
    .array(value, { minLength: rows * cols, maxLength: rows * cols })
    .map((xs) => unsafeMatrix(rows, cols, Float64Array.from(xs)));

/** Same shape and every element the same value (Object.is: −0 is not 0, NaN is NaN). */
const sameValues = (a: Matrix, b: Matrix): boolean =>
  a.rows === b.rows && a.cols === b.cols && a.data.every((x, i) => Object.is(x, b.data[i]));

const dim = fc.integer({ min: 0, max: 9 });

/** A kernel called directly, into storage filled with NaN first: it must write every element. */
const direct = (rows: number, cols: number, kernel: (out: Float64Array) => void): Matrix => {
  const out = new Float64Array(rows * cols).fill(Number.NaN);
  kernel(out);
  return unsafeMatrix(rows, cols, out);
};

describe("matmulDivide: the product and its division in one pass", () => {
  const variants = [
    [false, false, matmul],
    [true, false, matmulTransposeA],
    [false, true, matmulTransposeB],
    [true, true, matmulTransposeBoth],
  ] as const;

  it("equals divide(product, divisor) bit for bit, for every variant, shape and value", () => {
    const operands = fc
      .tuple(dim, dim, dim)
      .chain(([m, k, n]) => fc.tuple(matrixArb(m, k), matrixArb(k, n), anyDouble));
    for (const [transposeA, transposeB, product] of variants)
      fc.assert(
        fc.property(operands, ([a0, b0, divisor]) => {
          // Stored transposed when the variant reads them transposed, so the shapes fit.
          const a = transposeA ? unsafeMatrix(a0.cols, a0.rows, a0.data) : a0;
          const b = transposeB ? unsafeMatrix(b0.cols, b0.rows, b0.data) : b0;
          const expected = divide(product(a, b), divisor);
          return (
            sameValues(matmulDivide(a, b, divisor, { transposeA, transposeB }), expected) &&
            sameValues(
              direct(expected.rows, expected.cols, (out) =>
                jsBackend.matmulDivide(a, b, transposeA, transposeB, divisor, out),
              ),
              expected,
            )
          );
        }),
      );
  });

  it("is the course's dW = dZ·A_prevᵀ / m", () => {
    const dZ = unsafeMatrix(1, 3, Float64Array.of(1, 2, 3));
    const A_prev = unsafeMatrix(2, 3, Float64Array.of(1, 0, 1, 0, 1, 0));
    expect(Array.from(matmulDivide(dZ, A_prev, 3, { transposeB: true }).data)).toEqual([4 / 3, 2 / 3]);
  });

  it("names both shapes when the inner dimensions differ", () => {
    const a = unsafeMatrix(20, 209, new Float64Array(20 * 209));
    const b = unsafeMatrix(12288, 208, new Float64Array(12288 * 208));
    expect(() => matmulDivide(a, b, 209, { transposeB: true })).toThrow(
      "matmulDivide: (20, 209) · (12288, 208)ᵀ: inner dimensions differ (209 vs 208)",
    );
  });
});

describe("axpby: alpha·A + beta·B in one pass", () => {
  const pair = fc
    .tuple(dim, dim)
    .chain(([rows, cols]) => fc.tuple(matrixArb(rows, cols), matrixArb(rows, cols)));

  it("equals add(multiply(alpha, A), multiply(beta, B)) bit for bit", () => {
    fc.assert(
      fc.property(pair, anyDouble, anyDouble, ([a, b], alpha, beta) => {
        const expected = add(multiply(alpha, a), multiply(beta, b));
        return (
          sameValues(axpby(alpha, a, beta, b), expected) &&
          sameValues(
            direct(a.rows, a.cols, (out) => jsBackend.axpby(alpha, a, beta, b, out)),
            expected,
          )
        );
      }),
    );
  });

  it("axpby(1, W, −lr, dW) equals the course's subtract(W, multiply(lr, dW)) bit for bit", () => {
    fc.assert(
      fc.property(pair, anyDouble, ([W, dW], lr) =>
        sameValues(axpby(1, W, -lr, dW), subtract(W, multiply(lr, dW))),
      ),
    );
  });

  it("needs two matrices of one shape", () => {
    const a = unsafeMatrix(2, 3, new Float64Array(6));
    const b = unsafeMatrix(3, 2, new Float64Array(6));
    expect(() => axpby(1, a, -0.1, b)).toThrow("axpby: (2, 3) and (3, 2) differ; axpby needs equal shapes");
  });
});

describe("isAllFinite", () => {
  it("is true exactly when every element is finite, whatever the length", () => {
    const values = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), anyDouble);
    fc.assert(
      fc.property(
        fc.array(values, { maxLength: 13 }),
        (xs) => isAllFinite(unsafeMatrix(1, xs.length, Float64Array.from(xs))) === xs.every(Number.isFinite),
      ),
    );
  });
});
