import type { Blocking } from "./partition.js";

/**
 * A parallel job's descriptor in shared memory, read by `block(descriptor, b)` in assembly/index.ts:
 * i32 words [op, args…] with n at word 6, m at word 9, the block count at 10 and alongRows at 11; a
 * product's divisor is the f64 at byte 48, its scratch's address at word 8 and bytes per block at word 14.
 */
export const GEMM = 1;
export const PACK = 2;
export const PACK_A = 3;
export const GEMM_SPARSE = 4;
export const DESCRIPTOR_BYTES = 64;
export const MAX_THREADS = 64;

export interface GemmJob {
  readonly a: number;
  /** Element strides of op(A): (i, p) is at a + 8·(i·rs + p·cs). */
  readonly rs: number;
  readonly cs: number;
  readonly packedB: number;
  readonly c: number;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** Each element of C is divided by it once it is summed (1: a plain product). */
  readonly divisor: number;
  /** `gemmScratchBytes` of memory no other job uses meanwhile, where each block packs its rows of op(A). */
  readonly scratch: number;
  /** Where a PACK_A job left op(A) packed for every block (then `scratch` is unused), or 0. */
  readonly packedA: number;
  /** Skip op(A)'s zeros (assembly/sparse.ts; B must be finite); `scratch` is then `sparseScratchBytes`. */
  readonly sparse: boolean;
}

/** op(A) (m × k through strides rs, cs) packed once, k-block by k-block, for a product's every block. */
export interface PackAJob {
  readonly a: number;
  readonly rs: number;
  readonly cs: number;
  readonly m: number;
  readonly k: number;
  readonly dst: number;
}

export interface PackJob {
  readonly src: number;
  readonly k: number;
  readonly n: number;
  readonly transposed: boolean;
  readonly dst: number;
}

const DIVISOR_BYTE = 48;
const SCRATCH_STRIDE_WORD = 14;
const PACKED_A_WORD = 15;

/** assembly/gemm.ts's MC and KC: a block packs at most MC rows × KC steps of op(A) at a time. */
export const MC = 64;
export const KC = 128;

/** One block's scratch: its rows of op(A) over one k-block, in whole cache lines. */
const blockScratchBytes = (m: number, k: number): number =>
  Math.ceil((Math.min(MC, m) * Math.min(KC, k) * 8) / 64) * 64;

/** Scratch for a product's packed A: a separate area per block, as threads run blocks concurrently. */
export const gemmScratchBytes = (m: number, k: number, blocks: Blocking): number =>
  blocks.count * blockScratchBytes(m, k);

/**
 * One block's scratch in assembly/sparse.ts, for up to MC rows of op(A) over all k steps: per group of
 * four rows, its packed steps (k × 32 bytes), a list of KC offsets per k-block and the lists' counts.
 */
const sparseBlockBytes = (m: number, k: number): number => {
  const blocksOfK = Math.ceil(k / KC);
  return Math.ceil(Math.min(MC, m) / 4) * (k * 32 + blocksOfK * KC * 4 + blocksOfK * 4);
};

/** Scratch for a sparse product's packed rows and lists, one area per block. */
export const sparseScratchBytes = (m: number, k: number, blocks: Blocking): number =>
  blocks.count * sparseBlockBytes(m, k);

/** `words` is an Int32Array over the descriptor's bytes. */
export const writeGemm = (words: Int32Array, job: GemmJob, blocks: Blocking): void => {
  new Float64Array(words.buffer, words.byteOffset + DIVISOR_BYTE, 1)[0] = job.divisor;
  words.set([
    job.sparse ? GEMM_SPARSE : GEMM,
    job.a,
    job.rs,
    job.cs,
    job.packedB,
    job.c,
    job.n,
    job.k,
    job.scratch,
    job.m,
    blocks.count,
    blocks.alongRows ? 1 : 0,
  ]);
  words[SCRATCH_STRIDE_WORD] = job.sparse ? sparseBlockBytes(job.m, job.k) : blockScratchBytes(job.m, job.k);
  words[PACKED_A_WORD] = job.packedA;
};

/** Bytes of op(A)'s whole groups of four rows, packed by a PACK_A job. */
export const packedABytes = (m: number, k: number): number => (m >> 2) * 4 * k * 8;

/** The blocks of a PACK_A job: runs of k-blocks (m and the count sit where a product's do). */
export const writePackA = (words: Int32Array, job: PackAJob, count: number): void =>
  words.set([PACK_A, job.a, job.rs, job.cs, 0, 0, 0, job.k, job.dst, job.m, count, 0]);

export const writePack = (words: Int32Array, job: PackJob, blocks: Blocking): void =>
  // n sits where a product's n does (word 6): the block bounds read it the same way for both.
  words.set([PACK, job.src, job.k, job.transposed ? 1 : 0, job.dst, 0, job.n, 0, 0, 0, blocks.count, 0]);
