import type { Share } from "./partition.js";

/**
 * A parallel job's descriptor in shared memory, read by `run(tid, descriptor)` in assembly/index.ts:
 * i32 words [op, args…] from byte 0, and each thread's share (i0, i1, jp0, jp1) at byte 64 + 16·tid.
 */
export const GEMM = 1;
export const PACK = 2;
export const MAX_THREADS = 64;
export const DESCRIPTOR_BYTES = 64 + 16 * MAX_THREADS;

export interface GemmJob {
  readonly a: number;
  /** Element strides of op(A): (i, p) is at a + 8·(i·rs + p·cs). */
  readonly rs: number;
  readonly cs: number;
  readonly packedB: number;
  readonly c: number;
  readonly n: number;
  readonly k: number;
  readonly quadOrder: boolean;
}

export interface PackJob {
  readonly src: number;
  readonly k: number;
  readonly n: number;
  readonly transposed: boolean;
  readonly dst: number;
}

const writeShares = (words: Int32Array, shares: ReadonlyArray<Share>): void =>
  shares.forEach((s, t) => words.set([s.i0, s.i1, s.jp0, s.jp1], 16 + 4 * t));

/** `words` is an Int32Array over the descriptor's bytes. */
export const writeGemm = (words: Int32Array, job: GemmJob, shares: ReadonlyArray<Share>): void => {
  words.set([GEMM, job.a, job.rs, job.cs, job.packedB, job.c, job.n, job.k, job.quadOrder ? 1 : 0]);
  writeShares(words, shares);
};

export const writePack = (words: Int32Array, job: PackJob, shares: ReadonlyArray<Share>): void => {
  words.set([PACK, job.src, job.k, job.n, job.transposed ? 1 : 0, job.dst]);
  writeShares(words, shares);
};
