import { describe, expect, it } from "vitest";
import { assertClose, expectMatrixClose, maxRelativeDifference } from "../src/index.js";
import { m } from "./plugins.js";

const messageOf = (f: () => void): string => {
  try {
    f();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error("did not throw");
};

describe("assertClose", () => {
  it("passes within numpy's isclose rule and fails outside it", () => {
    expect(() => assertClose(m([[1, 2]]), m([[1 + 1e-6, 2]]))).not.toThrow();
    expect(() => assertClose(m([[1, 2]]), m([[1.001, 2]]))).toThrow();
    expect(() => assertClose(m([[1, 2]]), m([[1.001, 2]]), { rtol: 1e-2 })).not.toThrow();
    expect(() => assertClose(0, 1e-9)).not.toThrow();
    expect(() => assertClose(0, 1e-9, { atol: 0 })).toThrow();
  });

  it("accepts nested rows and a number for every element", () => {
    expect(() => assertClose(m([[0.1 + 0.2, 3]]), [[0.3, 3]], { rtol: 1e-15, atol: 0 })).not.toThrow();
    expect(() =>
      assertClose(
        m([
          [2, 2],
          [2, 2],
        ]),
        2,
      ),
    ).not.toThrow();
    expect(() =>
      assertClose(
        m([
          [2, 2],
          [2, 3],
        ]),
        2,
      ),
    ).toThrow(/element \(1, 1\)/);
  });

  it("names the worst element, both values, the difference and the tolerance", () => {
    const message = messageOf(() =>
      assertClose(
        m([
          [1, 2],
          [3, 4],
        ]),
        [
          [1, 2.1],
          [3, 5],
        ],
        { rtol: 0, atol: 0.01 },
        "dW1",
      ),
    );
    expect(message).toBe(
      "dW1: element (1, 1): actual 4, expected 5, |difference| 1 > tolerance 0.01 (atol 0.01 + rtol 0·|expected|); 2 of 4 elements differ, the worst is shown",
    );
  });

  it("compares a number with a number without an element position", () => {
    expect(messageOf(() => assertClose(0.5, 0.6, { atol: 0, rtol: 0.01 }, "J"))).toMatch(
      /^J: actual 0\.5, expected 0\.6, \|difference\| 0\.1 > tolerance 0\.006 \(atol 0 \+ rtol 0\.01·\|expected\|\)$/,
    );
  });

  it("reports shapes that differ and expected values that are not a matrix", () => {
    expect(messageOf(() => assertClose(m([[1, 2]]), [[1], [2]]))).toBe(
      "assertClose: actual is (1, 2) but expected is (2, 1)",
    );
    expect(messageOf(() => assertClose(m([[1, 2]]), [[1, 2], [3]]))).toMatch(
      /not a matrix: fromArray: ragged rows/,
    );
  });

  it("never calls NaN close, and calls equal infinities close", () => {
    expect(() => assertClose(m([[Number.NaN]]), [[Number.NaN]])).toThrow(/actual NaN, expected NaN/);
    expect(() => assertClose(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).not.toThrow();
    expect(() => assertClose(Number.POSITIVE_INFINITY, 1e308)).toThrow();
  });

  it("throws an AssertionError", () => {
    expect(() => assertClose(1, 2)).toThrow(expect.objectContaining({ name: "AssertionError" }));
  });
});

describe("expectMatrixClose", () => {
  it("passes and fails like assertClose", () => {
    expect(() => expectMatrixClose(m([[1, 2]]), [[1, 2 + 1e-9]])).not.toThrow();
    expect(() => expectMatrixClose(m([[1, 2]]), m([[1, 3]]))).toThrow(
      /element \(0, 1\): actual 2, expected 3/,
    );
  });

  it("attaches both matrices as nested rows so vitest prints a diff", () => {
    try {
      expectMatrixClose(m([[1, 2]]), [[1, 3]], {}, "A");
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        name: "AssertionError",
        actual: [[1, 2]],
        expected: [[1, 3]],
        showDiff: true,
      });
    }
  });
});

describe("maxRelativeDifference", () => {
  it("is the largest |a - b| / max(|a|, |b|)", () => {
    expect(maxRelativeDifference(m([[1, 100, 0]]), m([[1, 110, 0]]))).toBeCloseTo(10 / 110, 15);
    expect(maxRelativeDifference(m([[0, -1]]), m([[0, 1]]))).toBe(2);
  });

  it("is Infinity for different shapes or one infinite side, NaN for NaN", () => {
    expect(maxRelativeDifference(m([[1]]), m([[1, 2]]))).toBe(Number.POSITIVE_INFINITY);
    expect(maxRelativeDifference(m([[Number.POSITIVE_INFINITY]]), m([[1]]))).toBe(Number.POSITIVE_INFINITY);
    expect(maxRelativeDifference(m([[Number.POSITIVE_INFINITY]]), m([[Number.POSITIVE_INFINITY]]))).toBe(0);
    expect(maxRelativeDifference(m([[Number.NaN]]), m([[1]]))).toBeNaN();
  });
});

describe("normRelativeDifference", () => {
  it("measures the gap against the matrix's largest element, so near-zero elements do not dominate", async () => {
    const { normRelativeDifference, maxRelativeDifference, matrix } = await import("../src/index.js");
    const a = matrix([[1, 1e-12]]);
    const b = matrix([[1, 2e-12]]);
    expect(maxRelativeDifference(a, b)).toBe(0.5);
    expect(normRelativeDifference(a, b)).toBe(1e-12);
    expect(normRelativeDifference(matrix([[0]]), matrix([[0]]))).toBe(0);
    expect(normRelativeDifference(matrix([[1]]), matrix([[1, 2]]))).toBe(Number.POSITIVE_INFINITY);
  });
});
