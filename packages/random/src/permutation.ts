import type { Random } from "./state.js";
import { bitMask, draw, nextBounded, nextUint32, requireSize, type Stream } from "./stream.js";

/**
 * numpy's legacy `shuffle`, in place on an array this module just made: Fisher–Yates from the top down,
 * j = random_interval(i). random_interval's mask only shrinks as i does, so it is kept, not recomputed;
 * i past 32 bits (never, for an array) goes through nextBounded.
 */
const shuffleInPlace = <A>(out: A[], s: Stream): A[] => {
  let mask = bitMask(out.length - 1);
  for (let i = out.length - 1; i > 0; i--) {
    let j: number;
    if (i > 0xffffffff) j = nextBounded(s, i);
    else {
      while (mask >>> 1 >= i) mask >>>= 1;
      do j = (nextUint32(s) & mask) >>> 0;
      while (j > i);
    }
    const tmp = out[i] as A;
    out[i] = out[j] as A;
    out[j] = tmp;
  }
  return out;
};

/** `np.random.permutation(n)`: a shuffled `0..n-1`. */
export const permutation = (n: number): Random<ReadonlyArray<number>> => {
  requireSize("permutation", "n", n);
  return draw((s) => {
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return shuffleInPlace(out, s);
  });
};

/** `np.random.shuffle(x)` applied to a copy of `items` (the input is untouched); same draws as `permutation`. */
export const shuffle = <A>(items: ReadonlyArray<A>): Random<ReadonlyArray<A>> =>
  draw((s) => shuffleInPlace(items.slice(), s));
