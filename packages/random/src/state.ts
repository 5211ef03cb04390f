import { invalidArgument, type StepwiseError, toException } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { initGenrand, STATE_WORDS } from "./mt19937.js";

/**
 * numpy's legacy RandomState as a plain value. Nothing ever writes into `key` after the state is made,
 * so a draw returns a new state and the old one stays valid: same state in, same numbers out.
 */
export interface RandomState {
  /** The 624 MT19937 words. Never mutated; a draw that needs new words allocates a new key. */
  readonly key: Uint32Array;
  /** Index of the next word in `key`; 624 means the next draw regenerates the key (as after seeding). */
  readonly pos: number;
  /** The second value of the last polar Box–Muller pair, served by the next gaussian draw; null if none. */
  readonly gauss: number | null;
}

/** A draw from the generator: fp-ts `State<RandomState, A>`, with a readonly result tuple. */
export type Random<A> = (state: RandomState) => readonly [A, RandomState];

export const makeState = (key: Uint32Array, pos: number, gauss: number | null): RandomState =>
  Object.freeze({ key, pos, gauss });

const MAX_SEED = 0xffffffff;

/** `np.random.seed(n)`: init_genrand(n), no cached gaussian. `n` must be an integer in 0..2**32-1. */
export const seed = (n: number): E.Either<StepwiseError, RandomState> =>
  typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= MAX_SEED
    ? E.right(makeState(initGenrand(n), STATE_WORDS, null))
    : E.left(
        invalidArgument(
          `seed: the seed must be an integer in 0..${MAX_SEED} (0..2**32-1, as numpy's RandomState.seed), got ${String(n)}`,
        ),
      );

/** `seed`, throwing the StepwiseError as an exception: for literals like `seedOrThrow(1)`. */
export const seedOrThrow = (n: number): RandomState => {
  const result = seed(n);
  if (E.isLeft(result)) throw toException(result.left);
  return result.right;
};

/** The fields of numpy's `np.random.get_state()` after its 'MT19937' tag, for comparing with Python. */
export interface NumpyState {
  readonly key: ReadonlyArray<number>;
  readonly pos: number;
  readonly hasGauss: 0 | 1;
  readonly cachedGaussian: number;
}

/** The state as numpy's `get_state()` reports it, so a Python session can `set_state` to the same point. */
export const toNumpyState = (state: RandomState): NumpyState => ({
  key: Array.from(state.key),
  pos: state.pos,
  hasGauss: state.gauss === null ? 0 : 1,
  cachedGaussian: state.gauss ?? 0,
});

const isWord = (w: number): boolean => Number.isInteger(w) && w >= 0 && w <= MAX_SEED;

/** The inverse of `toNumpyState`, checked: 624 uint32 words, 0 ≤ pos ≤ 624, a finite cached gaussian. */
export const fromNumpyState = (numpy: NumpyState): E.Either<StepwiseError, RandomState> => {
  if (numpy.key.length !== STATE_WORDS || !numpy.key.every(isWord))
    return E.left(
      invalidArgument(
        `fromNumpyState: key must hold ${STATE_WORDS} integers in 0..${MAX_SEED}, got ${numpy.key.length} values`,
      ),
    );
  if (!(Number.isInteger(numpy.pos) && numpy.pos >= 0 && numpy.pos <= STATE_WORDS))
    return E.left(
      invalidArgument(`fromNumpyState: pos must be an integer in 0..${STATE_WORDS}, got ${numpy.pos}`),
    );
  if (!Number.isFinite(numpy.cachedGaussian))
    return E.left(
      invalidArgument(`fromNumpyState: cachedGaussian must be finite, got ${numpy.cachedGaussian}`),
    );
  return E.right(
    makeState(Uint32Array.from(numpy.key), numpy.pos, numpy.hasGauss === 1 ? numpy.cachedGaussian : null),
  );
};
