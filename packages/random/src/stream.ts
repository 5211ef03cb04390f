import { invalidArgument, toException } from "@stepwise/tensor";
import { log } from "./log.js";
import { nextGeneration, STATE_WORDS, temper } from "./mt19937.js";
import { makeState, type Random, type RandomState } from "./state.js";

/**
 * A working cursor private to one call: it starts from a RandomState, advances locally (no per-draw
 * allocation), and is turned back into a fresh RandomState at the end. The input state is never
 * touched: the cursor only replaces its `key` with a new array when the words run out.
 */
export interface Stream {
  key: Uint32Array;
  pos: number;
  gauss: number | null;
}

/** Lifts a procedure over a Stream into a pure `Random<A>`. */
export const draw =
  <A>(procedure: (stream: Stream) => A): Random<A> =>
  (state: RandomState) => {
    const stream: Stream = { key: state.key, pos: state.pos, gauss: state.gauss };
    const value = procedure(stream);
    return [value, makeState(stream.key, stream.pos, stream.gauss)];
  };

/** `mt19937_next32`. */
export const nextUint32 = (s: Stream): number => {
  if (s.pos >= STATE_WORDS) {
    s.key = nextGeneration(s.key);
    s.pos = 0;
  }
  const word = s.key[s.pos] as number;
  s.pos += 1;
  return temper(word);
};

/** `mt19937_next_double`: 53 random bits from two words, in [0, 1). */
export const nextDouble = (s: Stream): number => {
  const a = nextUint32(s) >>> 5;
  const b = nextUint32(s) >>> 6;
  return (a * 67108864 + b) / 9007199254740992;
};

/**
 * `legacy_gauss`: the polar Box–Muller method. Each accepted pair yields two normals; the first is
 * returned and the second cached in the state for the next gaussian draw, as numpy does. `log` is the
 * correctly rounded one from ./log.ts, not `Math.log`, which disagrees with the C library's too often.
 */
export const nextGauss = (s: Stream): number => {
  if (s.gauss !== null) {
    const cached = s.gauss;
    s.gauss = null;
    return cached;
  }
  let x1: number;
  let x2: number;
  let r2: number;
  do {
    x1 = 2 * nextDouble(s) - 1;
    x2 = 2 * nextDouble(s) - 1;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1 || r2 === 0);
  const f = Math.sqrt((-2 * log(r2)) / r2);
  s.gauss = f * x1;
  return f * x2;
};

const TWO_32 = 4294967296;

/** The smallest all-ones bit mask covering `max` (numpy's `gen_mask`), for max a safe integer. */
export const bitMask = (max: number): number => {
  let mask = 1;
  while (mask < max) mask = mask * 2 + 1;
  return max === 0 ? 0 : mask;
};

/**
 * A uniform integer in 0..max by masked rejection: numpy's `random_interval`, which is also what legacy
 * `randint` runs (`random_bounded_uint64_fill` with use_masked). Ranges that fit in 32 bits draw one
 * word per try; wider ones draw a 64-bit value, high word first. `max` must be a safe integer ≥ 0.
 */
export const nextBounded = (s: Stream, max: number): number => {
  if (max === 0) return 0;
  const mask = bitMask(max);
  if (max <= 0xffffffff) {
    let value: number;
    do value = (nextUint32(s) & mask) >>> 0;
    while (value > max);
    return value;
  }
  // mask ≥ 2^32 - 1 here, so its low word is all ones and only the high word is masked.
  const maskHigh = Math.floor(mask / TWO_32);
  let value: number;
  do {
    const high = (nextUint32(s) & maskHigh) >>> 0;
    const low = nextUint32(s);
    value = high * TWO_32 + low;
  } while (value > max);
  return value;
};

/** Throws when a size is not an integer ≥ 0: a caller bug, named after the calling function. */
export const requireSize = (fn: string, what: string, ...sizes: ReadonlyArray<number>): void => {
  if (sizes.every((n) => Number.isInteger(n) && n >= 0)) return;
  const shown = sizes.length === 1 ? String(sizes[0]) : `(${sizes.join(", ")})`;
  throw toException(
    invalidArgument(
      `${fn}: ${what} must be ${sizes.length === 1 ? "an integer" : "integers"} ≥ 0, got ${shown}`,
    ),
  );
};
