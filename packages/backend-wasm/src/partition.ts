/**
 * How a product's output is shared among threads: a fixed function of the shape and the thread count,
 * never of timing. Each thread gets a block of rows × a block of 4-column panels; the kernels sum every
 * output element the same way whichever thread computes it, so the result does not even depend on the
 * thread count.
 */
export interface Share {
  readonly i0: number;
  readonly i1: number;
  readonly jp0: number;
  readonly jp1: number;
}

/** Panels of four columns covering n columns. */
export const panelsOf = (n: number): number => Math.ceil(n / 4);

/** The part `index` of `parts` near-equal consecutive parts of [0, total), rounded to multiples of `unit`. */
export const split = (total: number, parts: number, index: number, unit = 1): readonly [number, number] => {
  const units = Math.ceil(total / unit);
  const at = (p: number): number => Math.min(total, Math.floor((units * p) / parts) * unit);
  return [at(index), at(index + 1)];
};

/** Splits along panels when there are at least as many as blocks of 4 rows, else along rows. */
export const partition = (m: number, n: number, threads: number): ReadonlyArray<Share> => {
  const panels = panelsOf(n);
  const alongPanels = panels >= Math.ceil(m / 4);
  return Array.from({ length: threads }, (_, t) => {
    if (alongPanels) {
      const [jp0, jp1] = split(panels, threads, t);
      return { i0: 0, i1: m, jp0, jp1 };
    }
    const [i0, i1] = split(m, threads, t, 4);
    return { i0, i1, jp0: 0, jp1: panels };
  });
};
