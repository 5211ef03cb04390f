/**
 * The control block: a few Int32 words in shared memory through which the threads fork and join. Its
 * layout is shared by pool.ts (the calling thread) and worker-source.ts (the workers).
 *
 * A job is a list of blocks of the output, fixed by the shape (see partition.ts). Every thread claims
 * blocks from CLAIM until none are left, so a worker that wakes late (an idle core can take milliseconds
 * to wake in a VM) simply claims fewer. Which thread computes a block never changes how its elements are
 * summed, so the result is the same bits whatever the timing or thread count.
 */

/** Bumped by the calling thread to start a job; workers sleep on it with Atomics.wait. */
export const GENERATION = 0;
/** (generation & 0xffff) << 16 | next unclaimed block: a stale worker's claim fails on the generation. */
export const CLAIM = 1;
/** Blocks finished; the thread finishing the last one wakes the caller. */
export const DONE = 2;
/** Blocks in the current job. */
export const BLOCKS = 3;
/** Address of the job's descriptor (see descriptor.ts). */
export const DESCRIPTOR = 4;
/** Set by a thread whose block threw. */
export const FAILED = 5;
/** Set (with a generation bump) to make the workers leave their loop. */
export const QUIT = 6;

/**
 * How long a thread spins on a shared word before it sleeps on it (ms): long enough to span the gap
 * between two products of a training step, short enough to waste nothing worth measuring when idle.
 */
export const SPIN_MS = 2;

export const CONTROL_WORDS = 16;
export const CONTROL_BYTES = CONTROL_WORDS * 4;

/**
 * Claims the next block of job `generation`, or returns -1 when the job has none left or is no longer
 * current. The same logic runs in the workers (worker-source.ts inlines this function's source).
 */
export const claim = (c: Int32Array, generation: number, blocks: number): number => {
  for (;;) {
    const word = Atomics.load(c, CLAIM);
    const next = word & 0xffff;
    if (word >>> 16 !== (generation & 0xffff) || next >= blocks) return -1;
    if (Atomics.compareExchange(c, CLAIM, word, word + 1) === word) return next;
  }
};

/**
 * The stores that publish job `generation`, in the order they must happen. A worker that woke late for
 * the previous job still holds that job's generation and reads BLOCKS and DESCRIPTOR after it; if those
 * changed while CLAIM still carried the old generation with blocks left under the new count, it would
 * claim a block of the new job early (computed again by another thread, or counted in DONE before it is
 * written): wrong numbers. So CLAIM moves to the new generation first, and the stale worker's claim fails
 * whatever it read; GENERATION goes last, so a worker that sees it sees the whole job. One function per
 * store so the tests can run a stale worker between any two of them.
 */
export const publishSteps = (
  c: Int32Array,
  generation: number,
  descriptor: number,
  blocks: number,
): ReadonlyArray<() => void> => [
  () => Atomics.store(c, CLAIM, (generation & 0xffff) << 16),
  () => Atomics.store(c, DESCRIPTOR, descriptor),
  () => Atomics.store(c, BLOCKS, blocks),
  () => Atomics.store(c, DONE, 0),
  () => Atomics.store(c, GENERATION, generation),
];
