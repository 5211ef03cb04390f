/**
 * How a job's output is cut into blocks that threads claim (see control.ts). The cut is a function of
 * the shape and thread count only, and no cut changes any result: the kernels sum every output element
 * the same way whichever block (and thread) computes it. assembly/index.ts `bounds` computes the same
 * blocks; `blockBounds` here is its mirror, for tests.
 */
export interface Blocking {
  /** Cut along blocks of 4 rows (else along 4-column panels). */
  readonly alongRows: boolean;
  readonly count: number;
}

export interface Bounds {
  readonly i0: number;
  readonly i1: number;
  readonly jp0: number;
  readonly jp1: number;
}

/** Panels of four columns covering n columns. */
export const panelsOf = (n: number): number => Math.ceil(n / 4);

/** Blocks per thread: enough that a late worker costs little, few enough that each reuses A well. */
const BLOCKS_PER_THREAD = 4;
/**
 * Panels per block, at least, when that leaves fewer blocks per thread: a block packs all its rows of A
 * once per k-block and reuses them across its panels only (W1·X has 53 panels in all).
 */
const MIN_PANELS = 8;

/**
 * Panel blocks per thread when op(A) has at least this many elements: every block reads all of op(A)
 * once per k-block (W1, 2 MB, for W1·X), so fewer blocks read less; two keep some slack for a late worker.
 */
const LARGE_A = 1 << 16;
const BLOCKS_PER_THREAD_LARGE_A = 2;

/**
 * Cuts along panels when there are at least as many as blocks of 4 rows, else along rows; a whole number
 * of blocks per thread, so that equally fast threads finish together. `k` (op(A)'s columns, 0 for jobs
 * without an A) only matters through the size of op(A).
 */
export const blocking = (m: number, n: number, threads: number, k = 0): Blocking => {
  const panels = panelsOf(n);
  const rowUnits = Math.ceil(m / 4);
  const alongRows = panels < rowUnits;
  const units = alongRows ? rowUnits : panels;
  const most = m * k >= LARGE_A ? BLOCKS_PER_THREAD_LARGE_A : BLOCKS_PER_THREAD;
  const perThread = alongRows
    ? BLOCKS_PER_THREAD
    : Math.max(1, Math.min(most, Math.floor(panels / (MIN_PANELS * threads))));
  return { alongRows, count: Math.max(1, Math.min(units, threads === 1 ? 1 : perThread * threads)) };
};

export const blockBounds = (m: number, n: number, { alongRows, count }: Blocking, b: number): Bounds => {
  const panels = panelsOf(n);
  if (alongRows) {
    const units = Math.ceil(m / 4);
    const at = (x: number): number => Math.min(m, Math.floor((units * x) / count) * 4);
    return { i0: at(b), i1: at(b + 1), jp0: 0, jp1: panels };
  }
  return { i0: 0, i1: m, jp0: Math.floor((panels * b) / count), jp1: Math.floor((panels * (b + 1)) / count) };
};
