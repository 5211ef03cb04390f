import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { numpyCos, numpySin } from "../src/numpy-trig.js";

// fixtures/numpy-trig.json: np.sin / np.cos from numpy 1.24.2 on an AVX-512 CPU (Intel SVML), written by
// fixtures/make_fixtures.py: the course's angle grids, 2,000 random angles, wide arguments, edge values.
const trig = JSON.parse(readFileSync(new URL("./fixtures/numpy-trig.json", import.meta.url), "utf8")) as {
  readonly x: ReadonlyArray<number>;
  readonly sin: ReadonlyArray<number>;
  readonly cos: ReadonlyArray<number>;
};

const mismatches = (f: (x: number) => number, expected: ReadonlyArray<number>) =>
  trig.x.flatMap((x, i) => (Object.is(f(x), expected[i]) ? [] : [{ x, got: f(x), numpy: expected[i] }]));

describe("numpySin and numpyCos", () => {
  it(`equal numpy 1.24's AVX-512 np.sin on all ${trig.x.length} fixture arguments, bit for bit (sign of zero too)`, () => {
    expect(mismatches(numpySin, trig.sin)).toEqual([]);
  });

  it(`equal numpy 1.24's AVX-512 np.cos on all ${trig.x.length} fixture arguments, bit for bit`, () => {
    expect(mismatches(numpyCos, trig.cos)).toEqual([]);
  });

  it("differ from Math.sin / Math.cos, which is why they exist", () => {
    expect(mismatches(Math.sin, trig.sin).length).toBeGreaterThan(trig.x.length / 4);
    expect(mismatches(Math.cos, trig.cos).length).toBeGreaterThan(trig.x.length / 4);
  });

  it("refuse arguments that need SVML's long reduction, and non-finite ones", () => {
    expect(() => numpySin(2 ** 24 + 2)).toThrow("numpySin: |x| must be finite and at most 2^24 = 16777216");
    expect(() => numpySin(Number.NaN)).toThrow("got NaN");
    expect(numpyCos(2 ** 24)).toBeCloseTo(Math.cos(2 ** 24), 12); // within the short reduction for cos
    expect(() => numpyCos(3e7)).toThrow("numpyCos: |x| must be finite and with ⌊|x|/π⌋ at most 2^23 - 2");
    expect(() => numpyCos(Number.NEGATIVE_INFINITY)).toThrow("got -Infinity");
  });
});
