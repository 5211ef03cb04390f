import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  checkFinite,
  columnVector,
  formatShape,
  fromArray,
  fromFlat,
  fromFunction,
  full,
  get,
  isAllFinite,
  rowVector,
  toArray,
  zeros,
} from "../src/index.js";

const leftMessage = <A>(result: E.Either<{ message: string }, A>): string =>
  E.isLeft(result) ? result.left.message : "expected a Left";

describe("fromArray", () => {
  it("reads nested rows in row-major order", () => {
    const result = fromArray([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(E.isRight(result)).toBe(true);
    if (E.isRight(result)) {
      expect(result.right.rows).toBe(2);
      expect(result.right.cols).toBe(3);
      expect(Array.from(result.right.data)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(toArray(result.right)).toEqual([
        [1, 2, 3],
        [4, 5, 6],
      ]);
    }
  });

  it("rejects ragged rows, naming both lengths", () => {
    expect(leftMessage(fromArray([[1, 2], [3]]))).toBe(
      "fromArray: ragged rows: row 0 has 2 values but row 1 has 1; every row must have the same length",
    );
  });

  it("rejects non-finite values unless allowed", () => {
    expect(leftMessage(fromArray([[1, Number.NaN]]))).toContain("element (0, 1) is NaN");
    expect(E.isRight(fromArray([[1, Number.POSITIVE_INFINITY]], { allowNonFinite: true }))).toBe(true);
  });

  it("accepts the empty matrix", () => {
    const result = fromArray([]);
    expect(E.isRight(result) && formatShape(result.right)).toBe("(0, 0)");
  });

  it("does not alias the caller's arrays", () => {
    const rows = [[1, 2]];
    const result = fromArray(rows);
    rows[0]?.splice(0, 1, 99);
    expect(E.isRight(result) && toArray(result.right)).toEqual([[1, 2]]);
  });
});

describe("fromFlat", () => {
  it("checks the length against rows·cols", () => {
    expect(leftMessage(fromFlat(2, 3, [1, 2, 3]))).toBe(
      "fromFlat: (2, 3) needs 6 values, got 3; pass rows·cols values in row-major order",
    );
  });
  it("rejects negative and fractional dimensions", () => {
    expect(leftMessage(fromFlat(-1, 2, []))).toContain("rows and cols must be integers ≥ 0, got (-1, 2)");
    expect(leftMessage(fromFlat(1.5, 2, [1, 2, 3]))).toContain("got (1.5, 2)");
  });
  it("copies its input", () => {
    const values = new Float64Array([1, 2]);
    const result = fromFlat(1, 2, values);
    values[0] = 7;
    expect(E.isRight(result) && result.right.data[0]).toBe(1);
  });
});

describe("fills and vectors", () => {
  it("zeros, full, fromFunction", () => {
    expect(toArray(zeros(2, 2))).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(toArray(full(1, 3, 2.5))).toEqual([[2.5, 2.5, 2.5]]);
    expect(toArray(fromFunction(2, 3, (i, j) => 10 * i + j))).toEqual([
      [0, 1, 2],
      [10, 11, 12],
    ]);
    expect(() => zeros(-1, 2)).toThrow(/zeros: rows and cols must be integers/);
  });
  it("columnVector and rowVector", () => {
    const b = columnVector([1, 2, 3]);
    expect(E.isRight(b) && formatShape(b.right)).toBe("(3, 1)");
    const y = rowVector([0, 1]);
    expect(E.isRight(y) && formatShape(y.right)).toBe("(1, 2)");
  });
});

describe("get and finiteness", () => {
  const a = full(2, 2, 1);
  it("get reads an element and refuses out-of-range indices", () => {
    expect(get(a, 1, 1)).toBe(1);
    expect(() => get(a, 2, 0)).toThrow("get: index (2, 0) is outside (2, 2)");
  });
  it("checkFinite names the first bad element", () => {
    const bad = fromFunction(2, 2, (i, j) => (i === 1 && j === 0 ? Number.NEGATIVE_INFINITY : 0));
    expect(isAllFinite(bad)).toBe(false);
    expect(leftMessage(checkFinite("L_model_forward", bad))).toContain(
      "L_model_forward: element (1, 0) is -Infinity",
    );
    expect(E.isRight(checkFinite("f", a))).toBe(true);
  });
});
