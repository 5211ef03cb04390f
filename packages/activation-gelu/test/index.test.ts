import { fromFunction, map } from "@stepwise/tensor";
import { expectMatrixClose, runActivationContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { erf, erfc, gelu, gelu_tanh } from "../src/index.js";

runActivationContract(gelu);
runActivationContract(gelu_tanh);

// x → erf(x), erfc(x): mpmath 1.3 at 50 significant digits, rounded to the nearest float64 (they agree
// with Abramowitz & Stegun, Table 7.1, to all of its digits).
const REFERENCE: ReadonlyArray<readonly [number, number, number]> = [
  [0, 0, 1],
  [1e-10, 1.1283791670955126e-10, 0.999999999887162],
  [0.1, 0.1124629160182849, 0.8875370839817152],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [1, 0.8427007929497149, 0.15729920705028513],
  [1.5, 0.9661051464753108, 0.033894853524689274],
  [2, 0.9953222650189527, 0.004677734981047266],
  [2.5, 0.999593047982555, 0.0004069520174449589],
  [3, 0.9999779095030014, 2.209049699858544e-5],
  [4, 0.9999999845827421, 1.541725790028002e-8],
  [5, 0.9999999999984626, 1.537459794428035e-12],
  [6, 1, 2.1519736712498913e-17],
  [10, 1, 2.088487583762545e-45],
  [26, 1, 5.663192408856143e-296],
];

const relative = (actual: number, expected: number): number =>
  expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);

describe("erf and erfc", () => {
  it.each(REFERENCE)("x = %d: erf within 1e-15, erfc within 4e-15 (relative)", (x, erfX, erfcX) => {
    expect(relative(erf(x), erfX)).toBeLessThanOrEqual(1e-15);
    expect(relative(erf(-x), -erfX)).toBeLessThanOrEqual(1e-15);
    expect(relative(erfc(x), erfcX)).toBeLessThanOrEqual(4e-15);
    // erfc(−x) = 2 − erfc(x) = 1 + erf(x)
    expect(relative(erfc(-x), 1 + erfX)).toBeLessThanOrEqual(4e-15);
  });
  it("limits and NaN", () => {
    expect([erf(Infinity), erf(-Infinity), erfc(Infinity), erfc(-Infinity), erfc(27.5)]).toEqual([
      1, -1, 0, 2, 0,
    ]);
    expect(Number.isNaN(erf(Number.NaN)) && Number.isNaN(erfc(Number.NaN))).toBe(true);
  });
  it("is odd, and erf + erfc = 1, on a grid", () => {
    for (let x = -8; x <= 8; x += 0.013) {
      expect(erf(-x)).toBe(-erf(x));
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThanOrEqual(1.5e-15); // the two stated accuracies, plus the rounding of the sum
    }
  });
});

describe("gelu against its formula", () => {
  // z = √2·x at the reference points: gelu(z) = ½·z·(1 + erf(x)), from the table, not from our erf.
  it.each(REFERENCE.filter(([x]) => x <= 6))("gelu(±√2·%d) from the erf table", (x, erfX, erfcX) => {
    const z = Math.SQRT2 * x;
    const [A] = gelu.forward(fromFunction(1, 2, (_, j) => (j === 0 ? z : -z)));
    expect(relative(A.data[0] as number, 0.5 * z * (1 + erfX))).toBeLessThanOrEqual(1e-14);
    // gelu(−z) = −z·½·(1 − erf(x)) = −z·½·erfc(x), from the erfc column (1 − erfX would cancel)
    expect(relative(A.data[1] as number, 0.5 * -z * erfcX)).toBeLessThanOrEqual(1e-13);
  });
  it("dZ = dA · (Φ(z) + z·φ(z)), with Φ from the same table", () => {
    const Z = fromFunction(1, REFERENCE.length, (_, j) => Math.SQRT2 * (REFERENCE[j]?.[0] ?? 0));
    const [, cache] = gelu.forward(Z);
    const expected = map(Z, (z, _, j) => {
      const erfX = REFERENCE[j]?.[1] ?? Number.NaN;
      return 0.5 * (1 + erfX) + (z * Math.exp((-z * z) / 2)) / Math.sqrt(2 * Math.PI);
    });
    expectMatrixClose(
      gelu.backward(
        map(Z, () => 1),
        cache,
      ),
      expected,
      { rtol: 1e-14, atol: 0 },
    );
  });
  it("keeps relative accuracy in the left tail, where 1 + erf(z/√2) would cancel", () => {
    // gelu(−√2·10) = −√2·10 · ½·erfc(10)
    const z = -Math.SQRT2 * 10;
    const [A] = gelu.forward(fromFunction(1, 1, () => z));
    expect(relative(A.data[0] as number, 0.5 * z * 2.088487583762545e-45)).toBeLessThanOrEqual(1e-13);
  });
});

describe("gelu_tanh against its formula", () => {
  // The textbook form, written out; on [-4, 4] its own cancellation costs at most ~1e-11.
  const k = Math.sqrt(2 / Math.PI);
  const g = (z: number) => 0.5 * z * (1 + Math.tanh(k * (z + 0.044715 * z ** 3)));
  const gPrime = (z: number) => {
    const t = Math.tanh(k * (z + 0.044715 * z ** 3));
    return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * k * (1 + 3 * 0.044715 * z * z);
  };
  const Z = fromFunction(3, 9, (i, j) => j - 4 + i * 0.37);
  const dA = fromFunction(3, 9, (i, j) => Math.cos(i + 2 * j));
  it("forward", () => {
    expectMatrixClose(gelu_tanh.forward(Z)[0], map(Z, g), { rtol: 1e-10, atol: 1e-300 });
  });
  it("backward", () => {
    const [, cache] = gelu_tanh.forward(Z);
    const expected = map(Z, (z, i, j) => gPrime(z) * Math.cos(i + 2 * j));
    expectMatrixClose(gelu_tanh.backward(dA, cache), expected, { rtol: 1e-10, atol: 1e-14 });
  });
  it("approximates the exact gelu to within 5e-4 everywhere", () => {
    const W = fromFunction(1, 2001, (_, j) => -10 + j / 100);
    const exact = gelu.forward(W)[0].data;
    const approx = gelu_tanh.forward(W)[0].data;
    const worst = Math.max(...Array.from(exact, (e, j) => Math.abs(e - (approx[j] as number))));
    expect(worst).toBeGreaterThan(1e-5);
    expect(worst).toBeLessThan(5e-4);
  });
});
