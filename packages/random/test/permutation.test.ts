import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomSample } from "../src/distributions.js";
import { permutation, shuffle } from "../src/permutation.js";
import { type RandomState, seedOrThrow } from "../src/state.js";

/*
 * fixtures/numpy-shuffle.json, written with numpy 2.4.6 by
 * python3 -c "import json, numpy as np; out=[]; [(np.random.seed(s), x:=[chr(97 + i % 26) + str(i) for i in range(n)], np.random.shuffle(x), out.append(dict(seed=s, n=n, shuffled=x, thenRand=np.random.rand(1).tolist()))) for s, n in [(0, 0), (0, 1), (0, 2), (1, 10), (2, 26), (42, 100)]]; np.random.seed(5); p=np.random.permutation(1000).tolist(); print(json.dumps(dict(numpy=np.__version__, shuffle=out, permutation1000=dict(seed=5, values=p, thenRand=np.random.rand(1).tolist())), indent=1))" > numpy-shuffle.json
 */
interface ShuffleCase {
  readonly seed: number;
  readonly n: number;
  readonly shuffled: string[];
  readonly thenRand: number[];
}
interface ShuffleFixture {
  readonly shuffle: ReadonlyArray<ShuffleCase>;
  readonly permutation1000: { readonly seed: number; readonly values: number[]; readonly thenRand: number[] };
}
const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/numpy-shuffle.json", import.meta.url), "utf8"),
) as ShuffleFixture;

const items = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${String.fromCharCode(97 + (i % 26))}${i}`);

const sorted = <A>(xs: ReadonlyArray<A>): A[] => [...xs].sort();

const snapshot = (state: RandomState) => ({ key: state.key.slice(), pos: state.pos, gauss: state.gauss });

describe("shuffle", () => {
  it.each(fixture.shuffle.map((c) => [c.n, c.seed, c] as const))(
    "matches numpy's shuffle of %s items for seed %s and leaves the stream where numpy does",
    (n, seed, c) => {
      const input = Object.freeze(items(n));
      const [out, next] = shuffle(input)(seedOrThrow(seed));
      expect(out).toStrictEqual(c.shuffled);
      expect(input).toStrictEqual(items(n));
      expect(randomSample(1)(next)[0]).toStrictEqual(c.thenRand);
    },
  );

  it("preserves the multiset, leaves its input alone and is pure", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.integer({ min: -5, max: 5 })),
        (s, xs) => {
          const state = seedOrThrow(s);
          const before = snapshot(state);
          const copy = [...xs];
          const [out] = shuffle(xs)(state);
          expect(xs).toStrictEqual(copy);
          expect(sorted(out)).toStrictEqual(sorted(xs));
          expect(shuffle(xs)(state)[0]).toStrictEqual(out);
          expect(snapshot(state)).toStrictEqual(before);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("permutation", () => {
  it("matches numpy's permutation(1000), which spans several key regenerations", () => {
    const { seed, values, thenRand } = fixture.permutation1000;
    const [p, next] = permutation(1000)(seedOrThrow(seed));
    expect(p).toStrictEqual(values);
    expect(randomSample(1)(next)[0]).toStrictEqual(thenRand);
  });

  it("uses the same draws as shuffling 0..n-1", () => {
    const state = seedOrThrow(21);
    const [p, afterP] = permutation(50)(state);
    const [s, afterS] = shuffle(Array.from({ length: 50 }, (_, i) => i))(state);
    expect(p).toStrictEqual(s);
    expect(snapshot(afterP)).toStrictEqual(snapshot(afterS));
  });

  it("is a permutation of 0..n-1 for any seed and n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.nat(300), (s, n) => {
        const [p] = permutation(n)(seedOrThrow(s));
        expect([...p].sort((a, b) => a - b)).toStrictEqual(Array.from({ length: n }, (_, i) => i));
      }),
      { numRuns: 200 },
    );
  });

  it("draws nothing for n ≤ 1 and throws on a bad n", () => {
    const state = seedOrThrow(4);
    expect(permutation(0)(state)[0]).toStrictEqual([]);
    const [one, next] = permutation(1)(state);
    expect(one).toStrictEqual([0]);
    expect(next.pos).toBe(state.pos);
    expect(() => permutation(-1)).toThrow("permutation: n must be an integer ≥ 0, got -1");
    expect(() => permutation(2.5)).toThrow("permutation: n must be an integer ≥ 0, got 2.5");
  });
});
