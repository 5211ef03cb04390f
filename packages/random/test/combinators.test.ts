import { pipe } from "fp-ts/lib/function.js";
import * as S from "fp-ts/lib/State.js";
import { describe, expect, it } from "vitest";
import { chain, map, of, sequenceArray, toState } from "../src/combinators.js";
import { rand, randn } from "../src/distributions.js";
import { permutation } from "../src/permutation.js";
import { seedOrThrow } from "../src/state.js";

describe("combinators", () => {
  it("sequenceArray threads the state like the calls one after another", () => {
    const state = seedOrThrow(1);
    const [w1, s1] = randn(3, 2)(state);
    const [w2, s2] = randn(1, 3)(s1);
    const [both, end] = sequenceArray([randn(3, 2), randn(1, 3)])(state);
    expect(both).toStrictEqual([w1, w2]);
    expect(end).toStrictEqual(s2);
  });

  it("of draws nothing; map and chain keep the order of draws", () => {
    const state = seedOrThrow(2);
    expect(of(7)(state)).toStrictEqual([7, state]);
    const [sum] = pipe(
      rand(1, 2),
      map((m) => (m.data[0] ?? 0) + (m.data[1] ?? 0)),
    )(state);
    const [[u]] = [rand(1, 2)(state)];
    expect(sum).toBe((u.data[0] ?? 0) + (u.data[1] ?? 0));
    const [pair, end] = pipe(
      randn(1, 1),
      chain((z) =>
        pipe(
          permutation(4),
          map((p) => [z, p] as const),
        ),
      ),
    )(state);
    const [z, afterZ] = randn(1, 1)(state);
    const [p, afterP] = permutation(4)(afterZ);
    expect(pair).toStrictEqual([z, p]);
    expect(end).toStrictEqual(afterP);
  });

  it("toState plugs a draw into fp-ts/State", () => {
    const state = seedOrThrow(3);
    const program = pipe(
      toState(randn(2, 2)),
      S.chain((a) =>
        pipe(
          toState(rand(1, 1)),
          S.map((b) => [a, b] as const),
        ),
      ),
    );
    const [a, next] = randn(2, 2)(state);
    const [b] = rand(1, 1)(next);
    expect(S.evaluate(state)(program)).toStrictEqual([a, b]);
  });
});
