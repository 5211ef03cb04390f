import { invalidArgument, raise } from "@stepwise/tensor";
import { fma } from "./fma.js";

/**
 * numpy 1.24's float64 `np.sin` / `np.cos` as they run on an AVX-512 CPU. numpy 1.22–1.24 computed these
 * two with Intel's SVML (`__svml_sin8` / `__svml_cos8`, the "la" variants, < 4 ulp) whenever the CPU has
 * AVX512_SKX, and with the C library elsewhere; the Course 2 data sets (scikit-learn's make_moons and
 * make_circles, `../../fixtures/course2-datasets.json`) were made that way, so about half of their points
 * differ in the last bit or two from `Math.sin`/`Math.cos` or from numpy ≥ 1.25. These are SVML's main
 * paths step by step — the same constants, the same fused multiply-adds (emulated exactly in ./fma.ts) —
 * for |x| up to 2^24 (sin) or about 2.6e7 (cos); beyond that SVML switches to a long reduction that is
 * not ported, so larger arguments are refused.
 */

const view = new DataView(new ArrayBuffer(8));

/** A double from its IEEE-754 bits: SVML's constants are stored as bit patterns. */
const fromBits = (high: number, low: number): number => {
  view.setUint32(0, high);
  view.setUint32(4, low);
  return view.getFloat64(0);
};

// The constants are quoted as SVML's tables store them: each double as its two 32-bit halves (high, low),
// the `.long` pairs of the .s file in the other order, with the table's byte offset.
// __svml_dsin_data_internal (svml_z0_sin_d_la.s):
const SIN = {
  invPi: fromBits(1070882608, 1841940611), // 128: 1/π
  rightShifter: fromBits(1127743488, 0), // 192: 2^52 + 2^51, rounds x/π to an integer
  pi1: fromBits(1074340347, 1413754136), // 640: π = pi1 + pi2 + pi3
  pi2: fromBits(1017226790, 856972294), // 704
  pi3: fromBits(962338001, 688016905), // 768
  // 832 … 1216: sin(R) ≈ R + R³·(c1 + c2·R² + … + c7·R¹²)
  c: [
    fromBits(3217380693, 1431655592),
    fromBits(1065423121, 286303603),
    fromBits(3207201184, 430332381),
    fromBits(1053236707, 2154487066),
    fromBits(3193628213, 1521109587),
    fromBits(1038487147, 3993098302),
    fromBits(3177836881, 2124375536),
  ],
  longReduction: fromBits(1097859072, 0), // 64: 2^24; above it the long reduction runs
} as const;

// __svml_dcos_data_internal (svml_z0_cos_d_la.s):
const COS = {
  invPi: fromBits(1070882608, 1841940611), // 1472: 1/π
  shifter: fromBits(1127219200, 0), // 1536: 2^52; rounding toward zero gives 2^52 + ⌊|x|/π⌋
  shifterMinusHalf: fromBits(1127219199, 4294967295), // 1600: 2^52 - 0.5, so dN = N + 0.5
  longReduction: fromBits(1127219200, 8388606), // 1664: 2^52 + 2^23 - 2
  tiny: fromBits(1044381696, 0), // 1728: 2^-27; below it cos x is 1
  pi1: fromBits(1074340347, 1413754136), // 640
  pi2: fromBits(1017226790, 856972294), // 704
  pi3: fromBits(962338001, 688016905), // 768
  // 832, 960, 1024 … 1280: c1, c2 … c7 (the table's 896 is another c2, unused on this path)
  c: [
    fromBits(3217380693, 1431655591),
    fromBits(1065423121, 286303400),
    fromBits(3207201184, 430291067),
    fromBits(1053236707, 2150694560),
    fromBits(3193628213, 1174413873),
    fromBits(1038487144, 1470296608),
    fromBits(3177836758, 135375560),
  ],
} as const;

const coefficient = (c: ReadonlyArray<number>, i: number): number => c[i] as number;

/** sin(R) for the reduced argument: R + R³·P(R²), Horner in fused multiply-adds as SVML orders them. */
const polynomial = (c: ReadonlyArray<number>, r2: number): number => {
  let p = fma(r2, coefficient(c, 6), coefficient(c, 5));
  for (let i = 4; i >= 0; i--) p = fma(r2, p, coefficient(c, i));
  return p;
};

const refuse = (fn: string, x: number, limit: string): never =>
  raise(
    invalidArgument(
      `${fn}: |x| must be finite and ${limit} (SVML's short argument reduction, which is all that is ported), got ${x}`,
    ),
  );

/** Flips the sign of `value` when the low bit of `shifted` (N's parity) is set. */
const signByParity = (value: number, shifted: number): number => {
  view.setFloat64(0, shifted);
  return (view.getUint32(4) & 1) === 1 ? -value : value;
};

/** numpy 1.24 `np.sin(x)` on AVX-512 (`__svml_sin8`): x = Nπ + R, sin x = (-1)^N sin R. */
export const numpySin = (x: number): number => {
  if (!(Math.abs(x) <= SIN.longReduction)) return refuse("numpySin", x, "at most 2^24 = 16777216");
  const shifted = fma(x, SIN.invPi, SIN.rightShifter);
  const dN = shifted - SIN.rightShifter;
  const r1 = fma(-dN, SIN.pi1, x);
  const r = fma(-dN, SIN.pi2, r1);
  const r2 = r * r;
  const rFinal = fma(-SIN.pi3, dN, r);
  const p = polynomial(SIN.c, r2);
  const r3 = r2 * rFinal;
  const result = fma(r3, p, rFinal);
  if (x === 0) return x; // SVML keeps the sign of a zero: sin(±0) = ±0
  return signByParity(result, shifted);
};

const COS_LIMIT = "with ⌊|x|/π⌋ at most 2^23 - 2 (|x| up to about 2.6e7)";

/** numpy 1.24 `np.cos(x)` on AVX-512 (`__svml_cos8`): cos x = (-1)^N sin((N + ½)π - |x|). */
export const numpyCos = (x: number): number => {
  const ax = Math.abs(x);
  if (!Number.isFinite(x)) return refuse("numpyCos", x, COS_LIMIT);
  const shifted = fma(ax, COS.invPi, COS.shifter, "towardZero");
  if (!(shifted <= COS.longReduction)) return refuse("numpyCos", x, COS_LIMIT);
  const dN = shifted - COS.shifterMinusHalf;
  const r1 = fma(dN, COS.pi1, -ax);
  const r = fma(COS.pi2, dN, r1);
  const r2 = r * r;
  const rFinal = fma(COS.pi3, dN, r);
  const p = polynomial(COS.c, r2);
  const signed = signByParity(rFinal, shifted);
  const r3 = signed * r2;
  const result = fma(r3, p, signed);
  return ax < COS.tiny ? 1 : result;
};
