import type * as S from "fp-ts/lib/State.js";
import type { Random, RandomState } from "./state.js";

/**
 * `Random<A>` returns a readonly tuple, which fp-ts's `State` (a mutable tuple) does not accept, so the few
 * combinators the other packages need live here; `toState` opens the rest of fp-ts/State.
 */

/** A value that draws nothing. */
export const of =
  <A>(value: A): Random<A> =>
  (state) => [value, state];

export const map =
  <A, B>(f: (a: A) => B) =>
  (ra: Random<A>): Random<B> =>
  (state) => {
    const [a, next] = ra(state);
    return [f(a), next];
  };

export const chain =
  <A, B>(f: (a: A) => Random<B>) =>
  (ra: Random<A>): Random<B> =>
  (state) => {
    const [a, next] = ra(state);
    return f(a)(next);
  };

/** Runs the draws in order, threading the state: `[W1, W2, …]` from one seed. */
export const sequenceArray =
  <A>(draws: ReadonlyArray<Random<A>>): Random<ReadonlyArray<A>> =>
  (state) => {
    const values: A[] = [];
    let current: RandomState = state;
    for (const ra of draws) {
      const [a, next] = ra(current);
      values.push(a);
      current = next;
    }
    return [values, current];
  };

/** The same draw as an fp-ts `State`, for `S.chain`, `S.evaluate`, `S.sequenceArray`, … */
export const toState =
  <A>(ra: Random<A>): S.State<RandomState, A> =>
  (state) => {
    const [a, next] = ra(state);
    return [a, next];
  };
