import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePandasFloat } from "../src/pandas-float.js";

// fixtures/pandas-floats.json: pd.read_csv (pandas 1.5.3, default C engine) on 902 decimal texts, with
// Python's correctly rounded float() beside; written by fixtures/make_fixtures.py.
const { cases } = JSON.parse(
  readFileSync(new URL("./fixtures/pandas-floats.json", import.meta.url), "utf8"),
) as {
  readonly cases: ReadonlyArray<{ readonly text: string; readonly pandas: number; readonly exact: number }>;
};

describe("parsePandasFloat", () => {
  it(`reads all ${cases.length} fixture texts exactly as pd.read_csv does`, () => {
    const wrong = cases.filter((c) => !Object.is(parsePandasFloat(c.text), c.pandas));
    expect(wrong).toEqual([]);
  });

  it("differs from correctly rounded parsing on many of them, which is why it exists", () => {
    expect(cases.filter((c) => c.pandas !== c.exact).length).toBeGreaterThan(100);
    expect(cases.every((c) => Number(c.text) === c.exact)).toBe(true);
  });

  it("is exact for decimals of up to 15 significant digits with small exponents", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }),
        fc.integer({ min: 0, max: 22 }),
        (n, k) => {
          const text = `${n}e-${k}`;
          expect(parsePandasFloat(text)).toBe(Number(text));
        },
      ),
    );
  });

  it("overflows to infinity past 1e308 and gives NaN without digits", () => {
    expect(parsePandasFloat("1e309")).toBe(Number.POSITIVE_INFINITY);
    expect(parsePandasFloat("-2e400")).toBe(Number.NEGATIVE_INFINITY);
    expect(parsePandasFloat(".")).toBeNaN();
  });
});
