/**
 * The control block: a few Int32 words in shared memory through which the threads fork and join. Its
 * layout is shared by pool.ts (the main thread) and worker-source.ts (the workers).
 */

/** Bumped by the main thread to start a job; workers sleep on it with Atomics.wait. */
export const GENERATION = 0;
/** Workers still running the current job; the last one to finish wakes the main thread. */
export const PENDING = 1;
/** Set by a worker whose share of a job threw. */
export const FAILED = 2;
/** Address of the job's descriptor (see descriptor.ts). */
export const DESCRIPTOR = 3;
/** Set (with a generation bump) to make the workers leave their loop. */
export const QUIT = 4;

export const CONTROL_WORDS = 16;
export const CONTROL_BYTES = CONTROL_WORDS * 4;
