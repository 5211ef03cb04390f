/**
 * Reuse of large result arrays across the steps of a loop: JAX's buffer donation, decided by
 * reachability instead of by annotation. A training loop makes the same few large results every
 * iteration (dW1, the new W1); a fresh multi-megabyte array costs a millisecond or more of page faults
 * and unmapping, more than the arithmetic around it on a fast backend.
 *
 * Immutability holds wherever anyone can look: an array goes back on a free list only after a step
 * whose survivors (the loop's state) no longer reach it, so nothing alive can read it again.
 *
 * No module state: the recycler is a value, and it reaches the kernels through the data. Its `backend`
 * is a view of the backend it recycles for; a loop moves its state there once, and every op on that
 * state, like every result, is on the view, whose results take storage from this recycler while one of
 * its steps runs.
 */
import type { Backend } from "./backend.js";
import { homeOf } from "./placement.js";
import { overlaps, reachableViews } from "./reachable.js";

export interface RecyclerStats {
  /** Arrays handed out and still reachable from the last step's survivors. */
  readonly live: number;
  /** Arrays waiting on the free lists. */
  readonly free: number;
  /** False once a step's survivors held something the recycler cannot see into (then nothing is recycled). */
  readonly enabled: boolean;
}

export interface Recycler {
  /**
   * The backend to compute on: the recycled backend's kernels, counted as that backend wherever operands
   * meet, with large results from this recycler's storage while a step runs (fresh ones otherwise).
   * Move a loop's state here once (`toBackend`).
   */
  readonly backend: Backend;
  /**
   * Runs `run` with this recycler providing large result arrays to every op on `backend`. Afterwards,
   * every array it ever handed out that `survivors(result)` no longer reaches (through plain objects,
   * arrays, Maps, Sets, matrices and typed arrays) goes back on its free list. If the survivors hold a
   * function or a class instance, which could hide an array, the recycler stops recycling for good:
   * safe, only slower.
   */
  readonly step: <A>(run: () => A, survivors: (result: A) => unknown) => A;
  /**
   * Whether `data` is storage this recycler handed out, whose numbers change once a later step reuses
   * it: copy out (`clone`) what should outlive the loop.
   */
  readonly owns: (data: Float64Array) => boolean;
  readonly stats: () => RecyclerStats;
}

/**
 * Arrays shorter than this are fresh by default: tiny ones are cheap to allocate. From 8 KB on, a
 * backend with storage of its own saves a copy in and out per call, which outweighs the bookkeeping
 * (the cat model's 20 × 209 activations are recycled, its 1 × 209 output is not).
 */
export const RECYCLE_MIN_LENGTH = 1024;

export interface RecyclerOptions {
  /** The shortest array the recycler provides (default RECYCLE_MIN_LENGTH); shorter ones are fresh. */
  readonly minLength?: number;
}

/** Free arrays kept per length; more would only hold memory a loop never asks for again. */
const MAX_FREE_PER_LENGTH = 64;

/** A recycler for results on `backend` (its storage from `backend.allocate` when it has one). */
export const createRecycler = (
  backend: Backend,
  { minLength = RECYCLE_MIN_LENGTH }: RecyclerOptions = {},
): Recycler => {
  const home = homeOf(backend);
  /** Arrays handed out and not yet found dead. */
  const owned = new Set<Float64Array>();
  /** Every array ever handed out, dead or alive (for `owns`). */
  const handedOut = new WeakSet<Float64Array>();
  /** Dead arrays by length, ready to hand out again. */
  const free = new Map<number, Float64Array[]>();
  let enabled = true;
  /** Steps of this recycler in progress (a step's `run` may start another). */
  let running = 0;

  const take = (length: number): Float64Array | undefined => {
    if (running === 0 || !enabled || length < minLength) return undefined;
    let array = free.get(length)?.pop();
    if (array === undefined) {
      // The backend's own storage when it has some (no copies in and out), else the JS heap.
      array = home.allocate?.(length) ?? new Float64Array(length);
      handedOut.add(array);
    }
    owned.add(array);
    return array;
  };

  const collect = (survivors: unknown): void => {
    const live = reachableViews(survivors);
    if (live === undefined) {
      enabled = false;
      owned.clear();
      free.clear();
      return;
    }
    for (const array of owned) {
      // By bytes, not identity: a subarray keeps its array alive, and backend storage is one memory.
      if (live.some((view) => overlaps(view, array))) continue;
      owned.delete(array);
      const list = free.get(array.length) ?? [];
      if (list.length < MAX_FREE_PER_LENGTH) list.push(array);
      free.set(array.length, list);
    }
  };

  return {
    backend: Object.freeze({ ...home, recycling: Object.freeze({ of: home, take }) }),
    step: (run, survivors) => {
      running++;
      let result: ReturnType<typeof run>;
      try {
        result = run();
      } finally {
        running--;
      }
      if (enabled) collect(survivors(result));
      return result;
    },
    owns: (data) => handedOut.has(data),
    stats: () => ({
      live: owned.size,
      free: [...free.values()].reduce((n, list) => n + list.length, 0),
      enabled,
    }),
  };
};
