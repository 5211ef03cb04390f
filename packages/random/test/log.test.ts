import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { log, logExact, TABLE_STEPS } from "../src/log.js";
import { LN2_DD, LOG_TABLE_DD } from "../src/log-table.js";

/*
 * fixtures/log-cases.json: `log` is mpmath's log at 200 bits rounded to a double (the correctly rounded
 * value); `libm` is Python's math.log, i.e. the C library's log that numpy's legacy_gauss calls. Written by
 * python3 -c "import json, math, mpmath, numpy as np; mpmath.mp.prec = 200; cr = lambda x: float(mpmath.log(mpmath.mpf(x))); u = np.random.RandomState(7).rand(400000, 2) * 2 - 1; r2 = (u ** 2).sum(1); r2 = r2[(r2 < 1) & (r2 > 0)]; edge = [5e-324, 2.2250738585072014e-308, 2 ** -104, 1e-300, 1e-10, 0.1, 0.5, 1 - 2 ** -53, 1 + 2 ** -52, 1.5, 2.0, 10.0, 1e10, 1.7976931348623157e308]; diff = [float(x) for x in r2[:200000] if math.log(x) != cr(x)][:20]; xs = edge + [float(x) for x in r2[:300]] + diff; print(json.dumps(dict(mpmathPrecision=200, cases=[dict(x=x, log=cr(x), libm=math.log(x)) for x in xs]), indent=1))" > log-cases.json
 * (numpy 2.4.6, glibc 2.36, x86-64). The r2 values are drawn the way legacy_gauss draws them.
 */
interface LogCase {
  readonly x: number;
  readonly log: number;
  readonly libm: number;
}
const { cases } = JSON.parse(readFileSync(new URL("./fixtures/log-cases.json", import.meta.url), "utf8")) as {
  readonly cases: ReadonlyArray<LogCase>;
};

/** Distance in units in the last place between two positive-or-negative finite doubles of one sign. */
const ulps = (a: number, b: number): number => {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  const d = view.getBigInt64(0) - view.getBigInt64(8);
  return Number(d < 0n ? -d : d);
};

describe("log's constants (src/log-table.ts)", () => {
  const bits = (dd: readonly [number, number]): string =>
    dd.map((x) => (Object.is(x, -0) ? "-0" : String(x))).join(", ");

  it("are logExact's values, bit for bit: ln 2, and log(1 + j/64) with exact ends", () => {
    expect(bits(LN2_DD)).toBe(bits(logExact(2)));
    expect(LOG_TABLE_DD).toHaveLength(TABLE_STEPS + 1);
    expect(bits(LOG_TABLE_DD[0] as [number, number])).toBe("0, 0");
    expect(LOG_TABLE_DD[TABLE_STEPS]).toEqual(LN2_DD);
    for (let j = 1; j < TABLE_STEPS; j++)
      expect(bits(LOG_TABLE_DD[j] as [number, number]), `log(1 + ${j}/64)`).toBe(
        bits(logExact(1 + j / TABLE_STEPS)),
      );
  });
});

describe("log", () => {
  it("is correctly rounded on every fixture case, edge values included", () => {
    expect(cases.length).toBeGreaterThan(300);
    for (const c of cases) expect(log(c.x)).toBe(c.log);
  });

  it("differs from the C library only where the C library is not correctly rounded, by one ulp", () => {
    const libmMisses = cases.filter((c) => c.libm !== c.log);
    expect(libmMisses.length).toBe(20);
    for (const c of cases) {
      if (c.libm === c.log) expect(log(c.x)).toBe(c.libm);
      else expect(ulps(log(c.x), c.libm)).toBe(1);
    }
  });

  it("fixes the inputs where V8's Math.log is off by one ulp", () => {
    const v8Misses = cases.filter((c) => Math.log(c.x) !== c.log);
    expect(v8Misses.length).toBeGreaterThan(5);
    for (const c of v8Misses) expect(log(c.x)).toBe(c.log);
  });

  it("follows Math.log at the special values", () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log(Number.NaN)).toBeNaN();
  });

  it("is within one ulp of Math.log and monotone for any positive double", () => {
    const positive = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });
    fc.assert(
      fc.property(positive, positive, (a, b) => {
        expect(ulps(log(a), Math.log(a))).toBeLessThanOrEqual(1);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(log(lo)).toBeLessThanOrEqual(log(hi));
      }),
      { numRuns: 2000 },
    );
  });

  it("is exact at powers of two near 1 and stays finite at the extremes", () => {
    expect(log(2)).toBe(Math.LN2);
    expect(log(0.5)).toBe(-Math.LN2);
    expect(Number.isFinite(log(Number.MIN_VALUE))).toBe(true);
    expect(Number.isFinite(log(Number.MAX_VALUE))).toBe(true);
  });
});
