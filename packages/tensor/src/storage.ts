/**
 * Where the numbers of a result come from: `new Float64Array`, unless a recycler's step is running
 * (recycler.ts), in which case large arrays come from its free lists. Every kernel allocates its result
 * here, so a training loop reuses the same few large arrays instead of mapping fresh megabytes per call.
 */

/** What a running recycler step provides: an array of `length` doubles (any contents), or none. */
export interface ArraySource {
  readonly take: (length: number) => Float64Array | undefined;
}

let source: ArraySource | undefined;

/** Makes `next` the source of large arrays; returns the one it replaces (to restore afterwards). */
export const swapArraySource = (next: ArraySource | undefined): ArraySource | undefined => {
  const previous = source;
  source = next;
  return previous;
};

const take = (length: number): Float64Array | undefined => source?.take(length);

/** A zero-filled array of `length` doubles. */
export const allocate = (length: number): Float64Array => take(length)?.fill(0) ?? new Float64Array(length);

/** Like `allocate`, for a caller that writes every element before anyone reads one: no zero fill. */
export const allocateUninitialized = (length: number): Float64Array =>
  take(length) ?? new Float64Array(length);

/** Buffers some recycler hands out: their numbers change once the step that made them is over. */
const recycledBuffers = new WeakSet<ArrayBufferLike>();

export const markRecycled = (data: Float64Array): void => {
  recycledBuffers.add(data.buffer);
};

/**
 * Whether `data` lives in recycled storage. Such an array is never a constant input: a cache keyed by
 * array identity (as the wasm backend keeps for X) must not keep it, since the same array will hold
 * other numbers in a later step.
 */
export const isRecycled = (data: Float64Array): boolean => recycledBuffers.has(data.buffer);
