/**
 * An exact fused multiply-add, `round(a·b + c)` with one rounding, for reproducing code that runs on FMA
 * hardware (numpy's AVX-512 SVML kernels). JavaScript has no `Math.fma`. Rounding to nearest takes a fast
 * path in doubles when it can prove its answer (below); otherwise, and toward zero, the exact sum is formed
 * in BigInt and rounded once. Finite inputs only (a caller bug otherwise).
 */

const view = new DataView(new ArrayBuffer(8));

/** x = mantissa · 2^exponent with an integer mantissa (sign included). */
const decompose = (x: number): readonly [mantissa: bigint, exponent: number] => {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = biased === 0 ? fraction : fraction | 0x10000000000000n;
  const exponent = biased === 0 ? -1074 : biased - 1075;
  return [negative ? -mantissa : mantissa, exponent];
};

/** 2^k as a double, built from its bits (k in -1074..1023), so no pow() rounding can creep in. */
const powerOfTwo = (k: number): number => {
  if (k >= -1022) view.setBigUint64(0, BigInt(k + 1023) << 52n);
  else view.setBigUint64(0, 1n << BigInt(k + 1074));
  return view.getFloat64(0);
};

const bitLength = (n: bigint): number => n.toString(2).length;

export type RoundingMode = "nearest" | "towardZero";

/** The BigInt path: `a·b + c` formed exactly and rounded once, in either mode. */
export const fmaBigInt = (a: number, b: number, c: number, mode: RoundingMode = "nearest"): number => {
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const mp = ma * mb;
  const ep = ea + eb;
  if (mp === 0n) return a * b + c; // the product is ±0: a plain add rounds exactly like the fma
  const e = Math.min(ep, ec);
  const sum = (mp << BigInt(ep - e)) + (mc << BigInt(ec - e));
  if (sum === 0n) return 0; // exact cancellation is +0 in both rounding modes used here
  const negative = sum < 0n;
  const magnitude = negative ? -sum : sum;
  // Keep 53 significant bits, but never put the last bit below 2^-1074 (subnormals).
  const shift = Math.max(bitLength(magnitude) - 53, -1074 - e);
  if (shift <= 0) return (negative ? -1 : 1) * Number(magnitude) * powerOfTwo(e); // exact already
  let kept = magnitude >> BigInt(shift);
  const rest = magnitude - (kept << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (mode === "nearest" && (rest > half || (rest === half && (kept & 1n) === 1n))) kept += 1n;
  const exponent = e + shift;
  const value = Number(kept) * powerOfTwo(exponent);
  return negative ? -value : value;
};

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's splitting constant

/**
 * Half the distance from r to its nearer neighbour (normal r, from its bits): half an ulp, or a quarter when r
 * is a power of two (the doubles below it are twice as close). NaN for zero, subnormals and the largest.
 */
const halfSpacing = (r: number): number => {
  view.setFloat64(0, r);
  const high = view.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  if (biased <= 2 || biased >= 0x7fe) return Number.NaN;
  const powerOf2 = (high & 0xfffff) === 0 && view.getUint32(4) === 0;
  return powerOfTwo(biased - (powerOf2 ? 1077 : 1076));
};

/**
 * `a·b + c` rounded to nearest in doubles, or undefined when it cannot be sure. Dekker's product and three
 * TwoSums write the exact value as r + e3 + e2, where r = round(s + u) and e3 is that rounding's error. r
 * is the answer when |e3| + |e2| is below half the distance to r's neighbour: the floating-point sum of the
 * two is monotone, so if it is below that power of two, so is the exact sum. Only a residual within a
 * hair of a midpoint (or a tie) goes to BigInt. Inputs and products of moderate size only, where the splits
 * are exact. Several times faster than BigInt, which matters for make_moons (600 sines and cosines, 11
 * fused multiply-adds each, at start-up).
 */
const fmaNearestFast = (a: number, b: number, c: number): number | undefined => {
  const p = a * b;
  const ap = Math.abs(p);
  const ac = Math.abs(c);
  if (!(ap > 2 ** -900 && ap < 2 ** 900 && ac < 2 ** 900 && (ac > 2 ** -900 || c === 0))) return undefined;
  if (!(Math.abs(a) < 2 ** 900 && Math.abs(b) < 2 ** 900)) return undefined;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const q = ah * bh - p + ah * bl + al * bh + al * bl; // p + q = a·b exactly
  const s = p + c;
  let v = s - p;
  const e1 = p - (s - v) + (c - v); // s + e1 = p + c exactly
  const u = q + e1;
  v = u - q;
  const e2 = q - (u - v) + (e1 - v); // u + e2 = q + e1 exactly
  const r = s + u;
  v = r - s;
  const e3 = s - (r - v) + (u - v); // r + e3 = s + u exactly
  if (e2 === 0) return r; // r + e3 is s + u exactly, and r is its rounding
  return Math.abs(e3) + Math.abs(e2) < halfSpacing(r) ? r : undefined;
};

/** `a·b + c` rounded once: to nearest, ties to even (the default), or toward zero (AVX-512 `{rz-sae}`). */
export const fma = (a: number, b: number, c: number, mode: RoundingMode = "nearest"): number =>
  (mode === "nearest" ? fmaNearestFast(a, b, c) : undefined) ?? fmaBigInt(a, b, c, mode);
