import type { Random } from "./state.js";
import { draw, nextBounded, requireSize, type Stream } from "./stream.js";

/** numpy's legacy `shuffle` on a fresh copy: Fisher–Yates from the top down, j = random_interval(i). */
const shuffleCopy = <A>(items: ReadonlyArray<A>, s: Stream): A[] => {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = nextBounded(s, i);
    const tmp = out[i] as A;
    out[i] = out[j] as A;
    out[j] = tmp;
  }
  return out;
};

/** `np.random.permutation(n)`: a shuffled `0..n-1`. */
export const permutation = (n: number): Random<ReadonlyArray<number>> => {
  requireSize("permutation", "n", n);
  return draw((s) =>
    shuffleCopy(
      Array.from({ length: n }, (_, i) => i),
      s,
    ),
  );
};

/** `np.random.shuffle(x)` applied to a copy of `items` (the input is untouched); same draws as `permutation`. */
export const shuffle = <A>(items: ReadonlyArray<A>): Random<ReadonlyArray<A>> =>
  draw((s) => shuffleCopy(items, s));
