import { describe, expect, it } from "vitest";
import {
  concatColumns,
  concatRows,
  equals,
  reshape,
  sliceColumns,
  sliceRows,
  takeColumns,
  toArray,
  transpose,
} from "../src/index.js";
import { m } from "./helpers.js";

const A = m([
  [1, 2, 3],
  [4, 5, 6],
]);

describe("layout", () => {
  it("transpose", () => {
    expect(toArray(transpose(A))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(equals(transpose(transpose(A)), A)).toBe(true);
  });
  it("reshape keeps row-major order and checks the element count", () => {
    expect(toArray(reshape(A, 3, 2))).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(() => reshape(A, 4, 2)).toThrow("reshape: cannot reshape (2, 3) (6 elements) into (4, 2)");
  });
  it("slices columns (a mini-batch) and rows", () => {
    expect(toArray(sliceColumns(A, 1, 3))).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(toArray(sliceColumns(A, 2, 2))).toEqual([[], []]);
    expect(toArray(sliceRows(A, 1, 2))).toEqual([[4, 5, 6]]);
    expect(() => sliceColumns(A, 2, 4)).toThrow("sliceColumns: column range [2, 4) is outside 0..3");
  });
  it("takes columns in a given order (a shuffled batch)", () => {
    expect(toArray(takeColumns(A, [2, 0, 2]))).toEqual([
      [3, 1, 3],
      [6, 4, 6],
    ]);
    expect(() => takeColumns(A, [3])).toThrow("takeColumns: column index 3 is outside 0..2 of (2, 3)");
  });
  it("concatenates, and splitting then joining gives the original back", () => {
    expect(equals(concatColumns([sliceColumns(A, 0, 1), sliceColumns(A, 1, 3)]), A)).toBe(true);
    expect(equals(concatRows([sliceRows(A, 0, 1), sliceRows(A, 1, 2)]), A)).toBe(true);
    expect(() => concatColumns([A, m([[1]])])).toThrow(
      "concatColumns: (2, 3) and (1, 1) have different row counts",
    );
    expect(() => concatRows([A, m([[1]])])).toThrow(
      "concatRows: (2, 3) and (1, 1) have different column counts",
    );
    expect(() => concatRows([])).toThrow("concatRows: needs at least one matrix");
  });
});
