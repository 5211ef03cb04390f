import { describe, expect, it } from "vitest";
import { allClose, equals, maxAbsDifference } from "../src/index.js";
import { m } from "./helpers.js";

describe("approximate equality", () => {
  it("follows numpy's allclose: |a - b| ≤ atol + rtol·|b|", () => {
    expect(allClose(m([[1]]), m([[1 + 1e-6]]))).toBe(true);
    expect(allClose(m([[1]]), m([[1.001]]))).toBe(false);
    expect(allClose(m([[1]]), m([[1.001]]), { rtol: 1e-2 })).toBe(true);
    expect(allClose(m([[0]]), m([[1e-9]]))).toBe(true);
    expect(allClose(m([[0]]), m([[1e-9]]), { atol: 0 })).toBe(false);
  });
  it("is false for different shapes and for NaN, true for equal infinities", () => {
    expect(allClose(m([[1, 2]]), m([[1], [2]]))).toBe(false);
    expect(allClose(m([[Number.NaN]]), m([[Number.NaN]]))).toBe(false);
    expect(allClose(m([[1]]), m([[1]]))).toBe(true);
  });
  it("equals is exact; maxAbsDifference measures the gap", () => {
    expect(equals(m([[0.1 + 0.2]]), m([[0.3]]))).toBe(false);
    expect(maxAbsDifference(m([[1, 5]]), m([[1.5, 4]]))).toBe(1);
    expect(maxAbsDifference(m([[1]]), m([[1, 2]]))).toBe(Number.POSITIVE_INFINITY);
  });
});
