import { isStepwiseException } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import { initGenrand, nextGeneration, STATE_WORDS, temper } from "../src/mt19937.js";
import { seedOrThrow } from "../src/state.js";
import { bitMask, draw, nextBounded, nextDouble, nextUint32, requireSize } from "../src/stream.js";

const words = (count: number) => draw((s) => Array.from({ length: count }, () => nextUint32(s)));

describe("draw", () => {
  it("leaves the input state as it was and shares the key until the words run out", () => {
    const state = seedOrThrow(11);
    const keyBefore = state.key.slice();
    const [first, afterFirst] = words(624)(state);
    expect(state.key).toStrictEqual(keyBefore);
    expect(state.pos).toBe(624);
    expect(afterFirst.pos).toBe(624);
    const [, afterMore] = words(10)(afterFirst);
    // No regeneration between these two states, so no key copy: the key array is shared, never written.
    const [, afterFew] = words(3)(afterMore);
    expect(afterFew.key).toBe(afterMore.key);
    expect(afterFirst.key).not.toBe(state.key);
    expect(words(624)(state)[0]).toStrictEqual(first);
  });

  it("produces the tempered words of each generation in turn", () => {
    const [out] = words(1248)(seedOrThrow(5489));
    const g1 = nextGeneration(initGenrand(5489));
    const g2 = nextGeneration(g1);
    expect(out[0]).toBe(temper(g1[0] as number));
    expect(out[623]).toBe(temper(g1[623] as number));
    expect(out[624]).toBe(temper(g2[0] as number));
    expect(out[1247]).toBe(temper(g2[623] as number));
    expect(out.length).toBe(2 * STATE_WORDS);
  });

  it("builds a double from 27 + 26 bits of two words", () => {
    const state = seedOrThrow(0);
    const [[a, b]] = draw((s) => [nextUint32(s), nextUint32(s)] as const)(state);
    const [u] = draw(nextDouble)(state);
    expect(u).toBe(((a >>> 5) * 67108864 + (b >>> 6)) / 2 ** 53);
  });
});

describe("bitMask and nextBounded", () => {
  it("masks with the smallest covering run of ones", () => {
    expect([0, 1, 2, 3, 12, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1].map(bitMask)).toStrictEqual([
      0,
      1,
      3,
      3,
      15,
      2 ** 32 - 1,
      2 ** 33 - 1,
      2 ** 53 - 1,
    ]);
  });

  it("draws nothing for a range of one value", () => {
    const state = seedOrThrow(2);
    const [value, next] = draw((s) => nextBounded(s, 0))(state);
    expect(value).toBe(0);
    expect(next.pos).toBe(state.pos);
  });

  it("rejects masked 32-bit words above max and keeps the first one at or below it", () => {
    const state = seedOrThrow(3);
    const [raw] = words(40)(state);
    const expected = raw.map((w) => w & 7).find((v) => v <= 4);
    const [value] = draw((s) => nextBounded(s, 4))(state);
    expect(value).toBe(expected);
  });
});

describe("requireSize", () => {
  it("passes integers ≥ 0 and throws a StepwiseException naming the function and values otherwise", () => {
    expect(() => requireSize("rand", "rows and cols", 0, 3)).not.toThrow();
    expect(() => requireSize("randn", "rows and cols", 1.5, 2)).toThrow(
      "randn: rows and cols must be integers ≥ 0, got (1.5, 2)",
    );
    expect(() => requireSize("permutation", "n", -1)).toThrow(
      "permutation: n must be an integer ≥ 0, got -1",
    );
    try {
      requireSize("randomSample", "n", Number.NaN);
      expect.unreachable();
    } catch (e) {
      expect(isStepwiseException(e) && e.error._tag === "InvalidArgument").toBe(true);
    }
  });
});
