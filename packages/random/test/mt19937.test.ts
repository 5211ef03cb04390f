import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { initGenrand, nextGeneration, STATE_WORDS, temper } from "../src/mt19937.js";

// numpy-misc.json: see test/state.test.ts for the python command that wrote it.
interface Misc {
  readonly seed0: { readonly keyHead: number[]; readonly keyLast: number; readonly pos: number };
}
const misc = JSON.parse(readFileSync(new URL("./fixtures/numpy-misc.json", import.meta.url), "utf8")) as Misc;

/** The first `count` tempered outputs of a freshly seeded generator. */
const outputs = (seed: number, count: number): number[] => {
  let key = initGenrand(seed);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i % STATE_WORDS === 0) key = nextGeneration(key);
    out.push(temper(key[i % STATE_WORDS] as number));
  }
  return out;
};

describe("initGenrand", () => {
  it("fills the 624 words numpy's RandomState.seed(0) reports", () => {
    const key = initGenrand(0);
    expect(key.length).toBe(STATE_WORDS);
    expect(Array.from(key.subarray(0, 4))).toStrictEqual(misc.seed0.keyHead);
    expect(key[STATE_WORDS - 1]).toBe(misc.seed0.keyLast);
  });

  it("treats every seed as an unsigned 32-bit value and is deterministic", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const key = initGenrand(seed);
        expect(key[0]).toBe(seed);
        expect(initGenrand(seed)).toStrictEqual(key);
      }),
    );
  });
});

describe("nextGeneration and temper", () => {
  it("reproduce the reference MT19937 stream (seed 5489, as C++ std::mt19937)", () => {
    const out = outputs(5489, 10_000);
    expect(out.slice(0, 5)).toStrictEqual([3499211612, 581869302, 3890346734, 3586334585, 545404204]);
    // The C++ standard pins the 10000th output of a default-constructed mt19937.
    expect(out[9999]).toBe(4123659995);
  });

  it("returns a new key and leaves the old one untouched", () => {
    const key = initGenrand(42);
    const before = key.slice();
    const next = nextGeneration(key);
    expect(next).not.toBe(key);
    expect(key).toStrictEqual(before);
    expect(next).not.toStrictEqual(before);
  });

  it("tempers into unsigned 32-bit integers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (word) => {
        const y = temper(word);
        expect(Number.isInteger(y) && y >= 0 && y <= 0xffffffff).toBe(true);
      }),
    );
    expect(temper(0)).toBe(0);
  });
});
