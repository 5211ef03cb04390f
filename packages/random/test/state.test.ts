import { readFileSync } from "node:fs";
import { isStepwiseException } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { randn, randomSample, standardNormal, uniform } from "../src/distributions.js";
import { initGenrand, STATE_WORDS } from "../src/mt19937.js";
import { fromNumpyState, type RandomState, seed, seedOrThrow, toNumpyState } from "../src/state.js";

/*
 * fixtures/numpy-misc.json, written with numpy 2.4.6 by
 * python3 -c "import json, numpy as np; np.random.seed(1); u=np.random.uniform(-1, 2, size=(2, 3)).tolist(); d=np.random.uniform(3, -1, size=(1, 4)).tolist(); s=np.random.random_sample(5).tolist(); g=np.random.standard_normal(5).tolist(); st=np.random.get_state(); g1=np.random.standard_normal(1).tolist(); np.random.seed(0); k=np.random.get_state(); np.random.seed(1); t=np.random.rand(1000)[-3:].tolist(); print(json.dumps(dict(numpy=np.__version__, seed=1, uniform=u, uniformReversed=d, randomSample=s, standardNormal=g, stateAfter=dict(pos=int(st[2]), hasGauss=int(st[3]), cachedGaussian=float(st[4]), key=st[1].tolist()), standardNormalNext=g1, seed0=dict(keyHead=k[1][:4].tolist(), keyLast=int(k[1][-1]), pos=int(k[2])), rand1000Tail=t), indent=1))" > numpy-misc.json
 */
interface Misc {
  readonly stateAfter: {
    readonly pos: number;
    readonly hasGauss: 0 | 1;
    readonly cachedGaussian: number;
    readonly key: number[];
  };
  readonly seed0: { readonly pos: number };
}
const misc = JSON.parse(readFileSync(new URL("./fixtures/numpy-misc.json", import.meta.url), "utf8")) as Misc;

const leftMessage = (n: number): string => {
  const result = seed(n);
  if (E.isRight(result)) throw new Error(`seed(${n}) should have failed`);
  expect(result.left._tag).toBe("InvalidArgument");
  return result.left.message;
};

describe("seed", () => {
  it("is init_genrand with the key not yet used and no cached gaussian, as numpy after seed(n)", () => {
    const state = seedOrThrow(1);
    expect(state.key).toStrictEqual(initGenrand(1));
    expect(state.pos).toBe(misc.seed0.pos);
    expect(state.pos).toBe(STATE_WORDS);
    expect(state.gauss).toBeNull();
  });

  it("accepts the whole range 0..2**32-1", () => {
    expect(E.isRight(seed(0))).toBe(true);
    expect(E.isRight(seed(2 ** 32 - 1))).toBe(true);
  });

  it.each([
    [-1, "-1"],
    [2 ** 32, "4294967296"],
    [1.5, "1.5"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
  ])("rejects %s with a message naming the value and the range", (n, shown) => {
    const message = leftMessage(n);
    expect(message).toContain("seed");
    expect(message).toContain(`got ${shown}`);
    expect(message).toContain("0..4294967295");
  });

  it("seedOrThrow throws the same error as a StepwiseException", () => {
    expect(() => seedOrThrow(-1)).toThrow(leftMessage(-1));
    try {
      seedOrThrow(2 ** 32);
      expect.unreachable();
    } catch (e) {
      expect(isStepwiseException(e)).toBe(true);
    }
  });

  it("clears the cached gaussian: reseeding gives the stream from the start", () => {
    const [first, afterOdd] = randn(1, 3)(seedOrThrow(7));
    expect(afterOdd.gauss).not.toBeNull();
    const [again] = randn(1, 3)(seedOrThrow(7));
    expect(again).toStrictEqual(first);
  });

  it("returns frozen state values", () => {
    expect(Object.isFrozen(seedOrThrow(3))).toBe(true);
    const [, next] = randn(1, 1)(seedOrThrow(3));
    expect(Object.isFrozen(next)).toBe(true);
  });
});

describe("toNumpyState / fromNumpyState", () => {
  // The same draws as the python command above, up to the get_state() call.
  const advanced = (): RandomState => {
    let state = seedOrThrow(1);
    [, state] = uniform(-1, 2, 2, 3)(state);
    [, state] = uniform(3, -1, 1, 4)(state);
    [, state] = randomSample(5)(state);
    [, state] = standardNormal(5)(state);
    return state;
  };

  it("reports what numpy's get_state() reports, cached gaussian included", () => {
    const numpy = toNumpyState(advanced());
    expect(numpy.pos).toBe(misc.stateAfter.pos);
    expect(numpy.hasGauss).toBe(misc.stateAfter.hasGauss);
    expect(numpy.cachedGaussian).toBe(misc.stateAfter.cachedGaussian);
    expect(numpy.key).toStrictEqual(misc.stateAfter.key);
  });

  it("round-trips, and a state rebuilt from numpy's fields continues the same stream", () => {
    const state = advanced();
    const rebuilt = fromNumpyState(misc.stateAfter);
    if (E.isLeft(rebuilt)) throw new Error(rebuilt.left.message);
    expect(toNumpyState(rebuilt.right)).toStrictEqual(toNumpyState(state));
    expect(standardNormal(3)(rebuilt.right)[0]).toStrictEqual(standardNormal(3)(state)[0]);
    expect(toNumpyState(seedOrThrow(9))).toMatchObject({ pos: 624, hasGauss: 0, cachedGaussian: 0 });
  });

  it("rejects malformed numpy states", () => {
    const good = misc.stateAfter;
    const bad = [
      { ...good, key: good.key.slice(1) },
      { ...good, key: [-1, ...good.key.slice(1)] },
      { ...good, pos: 625 },
      { ...good, pos: 1.5 },
      { ...good, cachedGaussian: Number.NaN },
    ];
    for (const b of bad) {
      const result = fromNumpyState(b);
      expect(E.isLeft(result) && result.left._tag === "InvalidArgument").toBe(true);
    }
  });
});
