/**
 * An exact fused multiply-add, `round(a·b + c)` with one rounding, for reproducing code that runs on FMA
 * hardware (numpy's AVX-512 SVML kernels). JavaScript has no `Math.fma`, so the exact sum is formed in
 * BigInt and rounded once, to nearest-even or toward zero. Finite inputs only (a caller bug otherwise).
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

/** `a·b + c` rounded once: to nearest, ties to even (the default), or toward zero (AVX-512 `{rz-sae}`). */
export const fma = (a: number, b: number, c: number, mode: RoundingMode = "nearest"): number => {
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
