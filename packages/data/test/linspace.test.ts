import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { linspace } from "../src/linspace.js";

// fixtures/numpy-linspace.json: written by fixtures/make_fixtures.py (numpy 1.24.2; 2.x computes the same).
interface Case {
  readonly start: number;
  readonly stop: number;
  readonly num: number;
  readonly endpoint: boolean;
  readonly values: ReadonlyArray<number>;
}
const { cases } = JSON.parse(
  readFileSync(new URL("./fixtures/numpy-linspace.json", import.meta.url), "utf8"),
) as {
  readonly cases: ReadonlyArray<Case>;
};

describe("linspace", () => {
  it.each(cases.map((c) => [c.start, c.stop, c.num, c.endpoint, c] as const))(
    "np.linspace(%s, %s, %s, endpoint=%s) bit for bit",
    (start, stop, num, endpoint, c) => {
      expect(linspace(start, stop, num, endpoint)).toStrictEqual(c.values);
    },
  );

  it("is i·step + start, not start + i·(stop - start)/div: the two differ in the last bit", () => {
    const values = linspace(0, Math.PI, 150);
    const naive = Array.from({ length: 150 }, (_, i) => (i * Math.PI) / 149);
    expect(values.filter((v, i) => v !== naive[i]).length).toBeGreaterThan(0);
  });

  it("refuses a bad num or a non-finite end", () => {
    expect(() => linspace(0, 1, -1)).toThrow("linspace: num must be an integer ≥ 0, got -1");
    expect(() => linspace(0, 1, 2.5)).toThrow("got 2.5");
    expect(() => linspace(0, Number.POSITIVE_INFINITY, 3)).toThrow("linspace: start and stop must be finite");
  });
});
