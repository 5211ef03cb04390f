import type { Matrix } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import { permutation, type RandomState, rand, randn, seedOrThrow } from "../src/index.js";
import { repositoryFixture } from "./repository-fixture.js";

// The repository's fixture, made with numpy 2.4 (see fixtures/README.md at the root).
type Call =
  | { readonly call: "randn" | "rand"; readonly shape: number[]; readonly values: number[] | number[][] }
  | { readonly call: "permutation"; readonly n: number; readonly values: number[] };
interface RngCase {
  readonly seed: number;
  readonly calls: ReadonlyArray<Call>;
}
const { cases } = repositoryFixture<{ readonly cases: ReadonlyArray<RngCase> }>("numpy-rng.json");

/** numpy's 1-d shape (n,) is a 1×n row here; the values are the same row-major sequence. */
const dims = (shape: ReadonlyArray<number>): readonly [number, number] =>
  shape.length === 1 ? [1, shape[0] ?? 0] : [shape[0] ?? 0, shape[1] ?? 0];

const run = (call: Call, state: RandomState): readonly [ReadonlyArray<number>, RandomState] => {
  if (call.call === "permutation") return permutation(call.n)(state);
  const [rows, cols] = dims(call.shape);
  const [m, next]: readonly [Matrix, RandomState] = (call.call === "randn" ? randn : rand)(rows, cols)(state);
  return [Array.from(m.data), next];
};

describe("numpy-rng.json streams", () => {
  it("holds cases, each with calls (every case below is checked, however many the file has)", () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(c.calls.length, `seed ${c.seed}`).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.seed, c] as const))(
    "seed %s: randn(7), rand(2,3), randn(2,2), permutation(13), rand(3) from one state, bit for bit",
    (_, c) => {
      let state = seedOrThrow(c.seed);
      for (const [i, call] of c.calls.entries()) {
        const [values, next] = run(call, state);
        expect(values, `call ${i}: ${call.call}`).toStrictEqual(call.values.flat());
        // randn(7) leaves the 8th gaussian cached; randn(2,2) then starts with it.
        if (i === 0) expect(next.gauss).not.toBeNull();
        state = next;
      }
    },
  );

  it("needs the cached gaussian: without it randn(2,2) would not match", () => {
    const c = cases[0];
    if (c === undefined) throw new Error("no fixture cases");
    const [, afterRandn] = randn(1, 7)(seedOrThrow(c.seed));
    const [, afterRand] = rand(2, 3)(afterRandn);
    const withoutCache: RandomState = { ...afterRand, gauss: null };
    const [m] = randn(2, 2)(withoutCache);
    expect(Array.from(m.data)).not.toStrictEqual(c.calls[2]?.values.flat());
  });
});
