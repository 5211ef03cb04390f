import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normal, rand, randint, randn, randomSample, standardNormal, uniform } from "../src/distributions.js";
import { type RandomState, seedOrThrow } from "../src/state.js";
import { repositoryFixture } from "./repository-fixture.js";

const load = <T>(relative: string): T =>
  JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as T;

interface RngCase {
  readonly seed: number;
  readonly fresh_rand5: number[];
  readonly fresh_randn_3x4_times_sqrt_half: number[][];
}
const shared = repositoryFixture<{ readonly cases: ReadonlyArray<RngCase> }>("numpy-rng.json");

// fixtures/numpy-misc.json: the python command is in test/state.test.ts.
interface Misc {
  readonly uniform: number[][];
  readonly uniformReversed: number[][];
  readonly randomSample: number[];
  readonly standardNormal: number[];
  readonly standardNormalNext: number[];
  readonly rand1000Tail: number[];
}
const misc = load<Misc>("./fixtures/numpy-misc.json");

/*
 * fixtures/numpy-randint.json, written with numpy 2.4.6 by
 * python3 -c "import json, numpy as np; cases=[(0,0,10,20),(1,-5,5,12),(2,0,2**32,6),(3,0,2**32+1,6),(4,-2**40,2**40,5),(5,7,8,3),(6,0,1000,8),(7,-3,-1,10)]; out=[]; [(np.random.seed(s), out.append(dict(seed=s, low=l, high=h, count=n, values=np.random.randint(l, h, size=n).tolist(), thenRand=np.random.rand(2).tolist()))) for s, l, h, n in cases]; print(json.dumps(dict(numpy=np.__version__, cases=out), indent=1))" > numpy-randint.json
 */
interface RandintCase {
  readonly seed: number;
  readonly low: number;
  readonly high: number;
  readonly count: number;
  readonly values: number[];
  readonly thenRand: number[];
}
const randints = load<{ readonly cases: ReadonlyArray<RandintCase> }>("./fixtures/numpy-randint.json");

/*
 * fixtures/numpy-course-randn.json: numpy's np.random.seed(1); randn(20, 12288) (the course's W1 draw), as
 * a SHA-256 of its float64 bytes, plus the entries where a polar Box–Muller with a correctly rounded log
 * (mpmath) differs from numpy's, which calls glibc's log. Written with numpy 2.4.6 / glibc 2.36 by
 * python3 -c "
 * import hashlib, json, math, mpmath, numpy as np
 * mpmath.mp.prec = 200
 * n = 20 * 12288; ref = np.random.RandomState(1).randn(20, 12288).ravel(); u = np.random.RandomState(1).rand(3 * n); out = []; i = 0
 * while len(out) < n:
 *     x1 = 2.0 * u[i] - 1.0; x2 = 2.0 * u[i + 1] - 1.0; i += 2; r2 = x1 * x1 + x2 * x2
 *     if 0.0 < r2 < 1.0: f = math.sqrt(-2.0 * float(mpmath.log(mpmath.mpf(r2))) / r2); out += [f * x2, f * x1]
 * cr = np.array(out[:n])
 * print(json.dumps(dict(numpy=np.__version__, seed=1, rows=20, cols=12288, sha256=hashlib.sha256(ref.astype('<f8').tobytes()).hexdigest(), differences=[dict(index=int(k), numpy=float(ref[k]), correctlyRounded=float(cr[k])) for k in np.flatnonzero(ref != cr)]), indent=1))
 * " > numpy-course-randn.json
 */
interface CourseRandn {
  readonly seed: number;
  readonly rows: number;
  readonly cols: number;
  readonly sha256: string;
  readonly differences: ReadonlyArray<{
    readonly index: number;
    readonly numpy: number;
    readonly correctlyRounded: number;
  }>;
}
const course = load<CourseRandn>("./fixtures/numpy-course-randn.json");

// fixtures/numpy-normal.json: written by fixtures/make_numpy_normal.py (numpy 2.4.6).
interface NormalCase {
  readonly seed: number;
  readonly loc: number;
  readonly scale: number;
  readonly rows: number;
  readonly cols: number;
  readonly fresh: number[][];
  readonly afterRandn3: {
    readonly randn3: number[];
    readonly normal: number[][];
    readonly thenRand2: number[];
  };
}
const normals = load<{ readonly cases: ReadonlyArray<NormalCase> }>("./fixtures/numpy-normal.json");

const snapshot = (state: RandomState) => ({ key: state.key.slice(), pos: state.pos, gauss: state.gauss });

describe("rand and randn", () => {
  it.each(shared.cases.map((c) => [c.seed, c] as const))("match numpy's fresh draws for seed %s", (_, c) => {
    const [u] = rand(1, 5)(seedOrThrow(c.seed));
    expect(Array.from(u.data)).toStrictEqual(c.fresh_rand5);
    const [z] = randn(3, 4)(seedOrThrow(c.seed));
    expect(z.rows).toBe(3);
    expect(z.cols).toBe(4);
    expect(Array.from(z.data, (v) => v * Math.sqrt(2 / 4))).toStrictEqual(
      c.fresh_randn_3x4_times_sqrt_half.flat(),
    );
  });

  it("match numpy across several key regenerations (rand(1000) uses 2000 words)", () => {
    const [u] = rand(1, 1000)(seedOrThrow(1));
    expect(Array.from(u.data.subarray(997))).toStrictEqual(misc.rand1000Tail);
  });

  it("match numpy's course draw randn(20, 12288) bit for bit except where glibc's log misrounds", () => {
    const [w] = randn(course.rows, course.cols)(seedOrThrow(course.seed));
    const patched = w.data.slice();
    for (const d of course.differences) {
      expect(w.data[d.index]).toBe(d.correctlyRounded);
      expect(Math.abs(d.correctlyRounded - d.numpy)).toBeLessThanOrEqual(2 * 2 ** -52 * Math.abs(d.numpy));
      patched[d.index] = d.numpy;
    }
    // With numpy's values put back at those entries, every one of the 245,760 doubles is numpy's.
    const digest = createHash("sha256").update(new Uint8Array(patched.buffer)).digest("hex");
    expect(digest).toBe(course.sha256);
    expect(course.differences.length).toBe(106);
  });

  it("do not touch the input state and give the same numbers for the same state", () => {
    const state = seedOrThrow(5);
    const before = snapshot(state);
    const [a, nextA] = randn(4, 7)(state);
    const [b, nextB] = randn(4, 7)(state);
    expect(snapshot(state)).toStrictEqual(before);
    expect(a).toStrictEqual(b);
    expect(snapshot(nextA)).toStrictEqual(snapshot(nextB));
    expect(rand(3, 3)(state)[0]).toStrictEqual(rand(3, 3)(state)[0]);
    expect(snapshot(state)).toStrictEqual(before);
  });

  it("draw nothing for an empty shape", () => {
    const state = seedOrThrow(5);
    const [m, next] = rand(0, 4)(state);
    expect(m.data.length).toBe(0);
    expect(next.pos).toBe(state.pos);
  });

  it("throw on bad shapes, naming the function and the values", () => {
    expect(() => rand(-1, 2)).toThrow("rand: rows and cols must be integers ≥ 0, got (-1, 2)");
    expect(() => randn(2, 1.5)).toThrow("randn: rows and cols must be integers ≥ 0, got (2, 1.5)");
    expect(() => randomSample(Number.NaN)).toThrow("randomSample: n must be an integer ≥ 0, got NaN");
    expect(() => standardNormal(-3)).toThrow("standardNormal: n must be an integer ≥ 0, got -3");
  });

  it("rand stays in [0, 1) for any seed and shape", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.nat(20), fc.nat(20), (s, r, c) => {
        const [m] = rand(r, c)(seedOrThrow(s));
        expect(m.data.length).toBe(r * c);
        expect(m.data.every((v) => v >= 0 && v < 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("randomSample and standardNormal", () => {
  it("continue numpy's stream, with the cached gaussian carried into the next call", () => {
    let state = seedOrThrow(1);
    [, state] = uniform(-1, 2, 2, 3)(state);
    [, state] = uniform(3, -1, 1, 4)(state);
    const [s, afterSample] = randomSample(5)(state);
    expect(s).toStrictEqual(misc.randomSample);
    const [g, afterFive] = standardNormal(5)(afterSample);
    expect(g).toStrictEqual(misc.standardNormal);
    expect(afterFive.gauss).toBe(misc.standardNormalNext[0]);
    const [next, afterSix] = standardNormal(1)(afterFive);
    expect(next).toStrictEqual(misc.standardNormalNext);
    // Serving the cached value draws no words.
    expect(afterSix.pos).toBe(afterFive.pos);
    expect(afterSix.gauss).toBeNull();
  });

  it("are the same streams as rand and randn", () => {
    const state = seedOrThrow(8);
    expect(randomSample(6)(state)[0]).toStrictEqual(Array.from(rand(2, 3)(state)[0].data));
    expect(standardNormal(6)(state)[0]).toStrictEqual(Array.from(randn(3, 2)(state)[0].data));
  });
});

describe("uniform", () => {
  it("matches numpy, including low > high", () => {
    const [u, next] = uniform(-1, 2, 2, 3)(seedOrThrow(1));
    expect(Array.from(u.data)).toStrictEqual(misc.uniform.flat());
    const [d] = uniform(3, -1, 1, 4)(next);
    expect(Array.from(d.data)).toStrictEqual(misc.uniformReversed.flat());
  });

  it("stays within [low, high] (rounding may reach high, as in numpy) and rejects a non-finite range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (s, low) => {
          const high = low + 10;
          const [m] = uniform(low, high, 4, 4)(seedOrThrow(s));
          expect(m.data.every((v) => v >= low && v <= high)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
    expect(() => uniform(0, Number.POSITIVE_INFINITY, 1, 1)).toThrow("uniform: high - low must be finite");
    expect(() => uniform(Number.NaN, 1, 1, 1)).toThrow("uniform: high - low must be finite");
    expect(() => uniform(0, 1, -1, 1)).toThrow("uniform: rows and cols must be integers ≥ 0, got (-1, 1)");
  });
});

describe("randint", () => {
  it.each(randints.cases.map((c) => [c.seed, c.low, c.high, c] as const))(
    "matches numpy for seed %s, randint(%s, %s), and leaves the stream where numpy does",
    (_, low, high, c) => {
      const [values, next] = randint(low, high, c.count)(seedOrThrow(c.seed));
      expect(values).toStrictEqual(c.values);
      expect(randomSample(2)(next)[0]).toStrictEqual(c.thenRand);
    },
  );

  it("stays in [low, high) and is pure", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (s, low, span) => {
          const state = seedOrThrow(s);
          const [values] = randint(low, low + span, 10)(state);
          expect(values.every((v) => Number.isSafeInteger(v) && v >= low && v < low + span)).toBe(true);
          expect(randint(low, low + span, 10)(state)[0]).toStrictEqual(values);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("throws on bad bounds or counts", () => {
    expect(() => randint(5, 5, 1)).toThrow(
      "randint: low must be < high (high is excluded), got low = 5, high = 5",
    );
    expect(() => randint(0, 1.5, 1)).toThrow("randint: low and high must be integers");
    expect(() => randint(-(2 ** 52), 2 ** 52, 1)).toThrow("randint: high - low must be at most 2**53 - 1");
    expect(() => randint(0, 10, -1)).toThrow("randint: count must be an integer ≥ 0, got -1");
  });
});

describe("normal", () => {
  it.each(normals.cases.map((c) => [c.seed, c.loc, c.scale, c] as const))(
    "matches np.random.seed(%s); np.random.normal(%s, %s, shape) bit for bit",
    (_, __, ___, c) => {
      const [fresh] = normal(c.loc, c.scale, c.rows, c.cols)(seedOrThrow(c.seed));
      expect([fresh.rows, fresh.cols]).toEqual([c.rows, c.cols]);
      expect(Array.from(fresh.data)).toStrictEqual(c.fresh.flat());
    },
  );

  it.each(normals.cases.map((c) => [c.seed, c] as const))(
    "serves the gaussian cached by an odd randn first, then continues numpy's stream (seed %s)",
    (_, c) => {
      const [first, s1] = standardNormal(3)(seedOrThrow(c.seed));
      expect(first).toStrictEqual(c.afterRandn3.randn3);
      const [cached, s2] = normal(c.loc, c.scale, c.rows, c.cols)(s1);
      expect(Array.from(cached.data)).toStrictEqual(c.afterRandn3.normal.flat());
      const [then] = randomSample(2)(s2);
      expect(then).toStrictEqual(c.afterRandn3.thenRand2);
    },
  );

  it("is loc + scale · randn, the same stream, computed as numpy does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (s, loc, scale) => {
          const [z] = randn(3, 3)(seedOrThrow(s));
          const [x] = normal(loc, scale, 3, 3)(seedOrThrow(s));
          expect(Array.from(x.data)).toStrictEqual(Array.from(z.data, (g) => loc + scale * g));
        },
      ),
      { numRuns: 50 },
    );
  });

  it("does not touch the input state", () => {
    const s0 = seedOrThrow(5);
    const before = snapshot(s0);
    const [a] = normal(1, 2, 4, 4)(s0);
    const [b] = normal(1, 2, 4, 4)(s0);
    expect(snapshot(s0)).toStrictEqual(before);
    expect(Array.from(a.data)).toStrictEqual(Array.from(b.data));
  });

  it("refuses a negative (or -0, as numpy does) or non-finite scale and a non-finite loc", () => {
    expect(() => normal(0, -1, 1, 1)).toThrow("normal: loc must be finite and scale a finite number ≥ 0");
    expect(() => normal(0, -0, 1, 1)).toThrow("scale = -0");
    expect(() => normal(0, Number.NaN, 1, 1)).toThrow("scale = NaN");
    expect(() => normal(Number.POSITIVE_INFINITY, 1, 1, 1)).toThrow("loc = Infinity");
    expect(() => normal(0, 1, -1, 2)).toThrow("normal: rows and cols must be integers ≥ 0, got (-1, 2)");
  });
});
