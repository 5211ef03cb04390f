/**
 * A correctly rounded natural logarithm, for `legacy_gauss`.
 *
 * numpy computes `log(r2)` with the C library; V8's `Math.log` (fdlibm) is off by one ulp for about 7%
 * of inputs in (0, 1), which would change about one gaussian pair in fourteen. glibc's `log` is correctly
 * rounded for all but ~0.08% of inputs, so a correctly rounded log reproduces numpy on Linux for all but
 * those rare cases. The value is computed in double-double (hi + lo, ~2^-85 relative error) and then
 * rounded once.
 */

import { LN2_DD as LN2, LOG_TABLE_DD as LOG_TABLE } from "./log-table.js";

type DD = readonly [hi: number, lo: number];

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's splitting constant

const twoSum = (a: number, b: number): DD => {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
};

const quickTwoSum = (a: number, b: number): DD => {
  const s = a + b;
  return [s, b - (s - a)];
};

const split = (a: number): DD => {
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
};

/** a·b exactly as hi + lo (Dekker), since JS has no fused multiply-add. */
const twoProd = (a: number, b: number): DD => {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
};

const ddAdd = (a: DD, b: DD): DD => {
  const [s1, s2] = twoSum(a[0], b[0]);
  const [t1, t2] = twoSum(a[1], b[1]);
  const [u1, u2] = quickTwoSum(s1, s2 + t1);
  return quickTwoSum(u1, u2 + t2);
};

const ddMul = (a: DD, b: DD): DD => {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
};

const ddDiv = (a: DD, b: DD): DD => {
  const q1 = a[0] / b[0];
  const r = ddAdd(a, ddMul([-q1, 0], b));
  const q2 = r[0] / b[0];
  const r2 = ddAdd(r, ddMul([-q2, 0], b));
  const q3 = r2[0] / b[0];
  const [h, l] = quickTwoSum(q1, q2);
  return ddAdd([h, l], [q3, 0]);
};

/** atanh(s) = s + s³/3 + s⁵/5 + … in full double-double; only used for the constants (logExact). */
const atanhSeries = (s: DD): DD => {
  const s2 = ddMul(s, s);
  let power = s;
  let sum = s;
  for (let n = 3; Math.abs(power[0]) > 2 ** -120; n += 2) {
    power = ddMul(power, s2);
    sum = ddAdd(sum, ddDiv(power, [n, 0]));
  }
  return sum;
};

/** log(c) = 2·atanh((c - 1) / (c + 1)), exact inputs: how ./log-table.ts was computed (its test redoes it). */
export const logExact = (c: number): DD => {
  const t = atanhSeries(ddDiv([c - 1, 0], [c + 1, 0]));
  return [2 * t[0], 2 * t[1]];
};

export const TABLE_STEPS = 64;
const THIRD = ddDiv([1, 0], [3, 0]);

/** log(m/c) for m, c in [1, 2] with |m - c| ≤ 1/128: 2·atanh(s), s = (m - c)/(m + c), |s| ≤ 2^-8. */
const logRatio = (m: number, c: number): DD => {
  const s = ddDiv([m - c, 0], twoSum(m, c));
  const s2 = ddMul(s, s);
  const x = s2[0];
  // s²/5 + s⁴/7 + … is below 2^-16 relative to 1/3, so plain doubles are accurate enough here.
  const tail = x * (1 / 5 + x * (1 / 7 + x * (1 / 9 + x * (1 / 11 + x / 13))));
  const t = ddAdd(s, ddMul(s, ddMul(s2, ddAdd(THIRD, [tail, 0]))));
  return [2 * t[0], 2 * t[1]];
};

/** ln(x) rounded to nearest; NaN, ±0, negatives and +Infinity behave as `Math.log`. */
export const log = (x: number): number => {
  if (!(x > 0 && x < Number.POSITIVE_INFINITY)) return Math.log(x);
  if (x === 1) return 0;
  // x = m·2^k with m in [1, 2); scaling by a power of two is exact (subnormals are lifted first).
  const lifted = x < 2 ** -1022 ? x * 2 ** 54 : x;
  // Math.log2 is only a guess at the exponent (it can round up to 1024); the steps below make it exact.
  let k = Math.min(1023, Math.max(-1022, Math.floor(Math.log2(lifted))));
  let m = lifted / 2 ** k;
  if (m >= 2) {
    m /= 2;
    k += 1;
  } else if (m < 1) {
    m *= 2;
    k -= 1;
  }
  if (lifted !== x) k -= 54;
  const j = Math.round((m - 1) * TABLE_STEPS);
  const c = 1 + j / TABLE_STEPS;
  const logC = LOG_TABLE[j] as DD;
  const kLn2 = ddAdd(twoProd(k, LN2[0]), [k * LN2[1], 0]);
  const sum = ddAdd(ddAdd(kLn2, logC), logRatio(m, c));
  return sum[0] + sum[1];
};
