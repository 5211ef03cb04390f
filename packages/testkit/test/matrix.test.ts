import { describe, expect, it } from "vitest";
import { matrix } from "../src/index.js";

describe("matrix", () => {
  it("builds a Matrix from nested rows, non-finite values included", () => {
    const m = matrix([
      [1, Number.NaN],
      [3, 4],
    ]);
    expect([m.rows, m.cols]).toEqual([2, 2]);
    expect(Number.isNaN(m.data[1])).toBe(true);
  });
  it("throws on ragged rows", () => {
    expect(() => matrix([[1, 2], [3]])).toThrow("ragged rows");
  });
});
