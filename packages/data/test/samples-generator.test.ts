import { readFileSync } from "node:fs";
import { rand, randn, seedOrThrow } from "@stepwise/random";
import { toArray } from "@stepwise/tensor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { courseLayout, make_circles, make_moons } from "../src/samples-generator.js";

// fixtures/sklearn-samples.json: scikit-learn 1.2.1's make_moons / make_circles on numpy 1.24.2's global
// RandomState (AVX-512), each followed by np.random.rand(3) and np.random.randn(3); written by
// fixtures/make_fixtures.py. Odd and tiny sizes, noise=None, factor 0 and 0.3. The course's own calls
// are checked against fixtures/course2-datasets.json in course2.test.ts.
interface Case {
  readonly fn: "make_moons" | "make_circles";
  readonly seed: number;
  readonly n_samples: number;
  readonly noise: number | null;
  readonly factor?: number;
  readonly X: number[][];
  readonly y: number[];
  readonly next_rand: number[];
  readonly next_randn: number[];
}
const { cases } = JSON.parse(
  readFileSync(new URL("./fixtures/sklearn-samples.json", import.meta.url), "utf8"),
) as {
  readonly cases: ReadonlyArray<Case>;
};

const generate = (c: Case) =>
  c.fn === "make_moons"
    ? make_moons(c.n_samples, c.noise, seedOrThrow(c.seed))
    : make_circles(c.n_samples, c.noise, c.factor ?? 0.8, seedOrThrow(c.seed));

describe("make_moons and make_circles", () => {
  it.each(cases.map((c) => [c.fn, c.n_samples, c.noise, c.factor ?? "-", c.seed, c] as const))(
    "%s(n_samples=%s, noise=%s, factor=%s) after seed(%s): scikit-learn's X and y bit for bit, and the state it leaves",
    (_, __, ___, ____, _____, c) => {
      const [[X, y], next] = generate(c);
      expect([X.rows, X.cols]).toEqual([c.n_samples, 2]);
      expect(c.n_samples === 0 ? [] : toArray(X)).toStrictEqual(c.X);
      expect(y).toStrictEqual(c.y);
      const [u, afterU] = rand(1, 3)(next);
      expect(Array.from(u.data)).toStrictEqual(c.next_rand);
      const [z] = randn(1, 3)(afterU);
      expect(Array.from(z.data)).toStrictEqual(c.next_randn);
    },
  );

  it("put n_samples // 2 points on the outer shape (label 0) and the rest on the inner one (label 1)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1000 }), (n, s) => {
        for (const [[X, y]] of [
          make_moons(n, 0.1, seedOrThrow(s)),
          make_circles(n, null, 0.5, seedOrThrow(s)),
        ]) {
          expect(X.rows).toBe(n);
          expect(y.filter((label) => label === 0).length).toBe(Math.floor(n / 2));
          expect(y.filter((label) => label === 1).length).toBe(n - Math.floor(n / 2));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("without noise, circles lie on radius 1 (label 0) and radius factor (label 1)", () => {
    const [[X, y]] = make_circles(40, null, 0.3, seedOrThrow(0));
    const radii = toArray(X).map(([a = 0, b = 0]) => Math.hypot(a, b));
    for (const [i, r] of radii.entries()) expect(r).toBeCloseTo(y[i] === 0 ? 1 : 0.3, 14);
  });

  it("are pure: the same state gives the same set, and the input state is untouched", () => {
    const s0 = seedOrThrow(4);
    const key = s0.key.slice();
    const [[Xa, ya], na] = make_moons(50, 0.2, s0);
    const [[Xb, yb], nb] = make_moons(50, 0.2, s0);
    expect(Array.from(Xa.data)).toStrictEqual(Array.from(Xb.data));
    expect(ya).toStrictEqual(yb);
    expect(na).toStrictEqual(nb);
    expect(s0.key).toStrictEqual(key);
    expect(s0.pos).toBe(624);
  });

  it("refuse bad sizes, noise and factors, naming the function and the value", () => {
    expect(() => make_moons(-1, 0.1, seedOrThrow(0))).toThrow(
      "make_moons: n_samples must be an integer ≥ 0, got -1",
    );
    expect(() => make_moons(2.5, 0.1, seedOrThrow(0))).toThrow("got 2.5");
    expect(() => make_moons(10, -0.1, seedOrThrow(0))).toThrow("make_moons: noise is the standard deviation");
    expect(() => make_circles(10, Number.NaN, 0.8, seedOrThrow(0))).toThrow("got NaN");
    expect(() => make_circles(10, 0.1, 1, seedOrThrow(0))).toThrow(
      "make_circles: factor (inner radius / outer radius) must be in [0, 1), got 1",
    );
    expect(() => make_circles(10, 0.1, -0.5, seedOrThrow(0))).toThrow("got -0.5");
  });
});

describe("courseLayout", () => {
  it("is the notebooks' X.T and y.reshape((1, m))", () => {
    const [[X, y]] = make_moons(5, 0.2, seedOrThrow(3));
    const [Xc, Yc] = courseLayout([X, y]);
    expect([Xc.rows, Xc.cols, Yc.rows, Yc.cols]).toEqual([2, 5, 1, 5]);
    expect(toArray(Xc)).toStrictEqual([toArray(X).map((r) => r[0]), toArray(X).map((r) => r[1])]);
    expect(Array.from(Yc.data)).toStrictEqual(y);
  });
});
