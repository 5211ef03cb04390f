import { raise, shapeError } from "./errors.js";
import { transposeInto } from "./js-backend.js";
import { formatShape, type Matrix } from "./matrix.js";
import { computeOn, matrixOn, sharedByAll } from "./placement.js";

/*
 * Layout ops move numbers without arithmetic, in plain JS on any backend; each result stays on its
 * operands' backend.
 */

/** Aᵀ (a fresh matrix; the products take transposed operands without one). */
export const transpose = (a: Matrix): Matrix =>
  computeOn(a.backend, [a.cols, a.rows], (out) => transposeInto(a, out));

/** numpy's C-order `reshape`: same elements in the same row-major order. */
export const reshape = (a: Matrix, rows: number, cols: number): Matrix =>
  rows * cols === a.data.length && Number.isInteger(rows) && Number.isInteger(cols) && rows >= 0 && cols >= 0
    ? matrixOn(a.backend, rows, cols, a.data.slice())
    : raise(
        shapeError(
          `reshape: cannot reshape ${formatShape(a)} (${a.data.length} elements) into (${rows}, ${cols})`,
        ),
      );

const checkRange = (fn: string, start: number, end: number, size: number, what: string): void => {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= size))
    raise(shapeError(`${fn}: ${what} range [${start}, ${end}) is outside 0..${size}`));
};

/** Columns `start` to `end` (exclusive), numpy's `A[:, start:end]`: a mini-batch. */
export const sliceColumns = (a: Matrix, start: number, end: number): Matrix => {
  checkRange("sliceColumns", start, end, a.cols, "column");
  const width = end - start;
  return computeOn(a.backend, [a.rows, width], (out) => {
    for (let i = 0; i < a.rows; i++)
      out.set(a.data.subarray(i * a.cols + start, i * a.cols + end), i * width);
  });
};

/** Rows `start` to `end` (exclusive), numpy's `A[start:end, :]`. */
export const sliceRows = (a: Matrix, start: number, end: number): Matrix => {
  checkRange("sliceRows", start, end, a.rows, "row");
  return matrixOn(a.backend, end - start, a.cols, a.data.slice(start * a.cols, end * a.cols));
};

/** The listed columns in the listed order, numpy's `A[:, indices]` (a shuffled mini-batch). */
export const takeColumns = (a: Matrix, indices: ReadonlyArray<number>): Matrix => {
  for (const j of indices)
    if (!(Number.isInteger(j) && j >= 0 && j < a.cols))
      raise(shapeError(`takeColumns: column index ${j} is outside 0..${a.cols - 1} of ${formatShape(a)}`));
  const width = indices.length;
  return computeOn(a.backend, [a.rows, width], (out) => {
    for (let i = 0; i < a.rows; i++) {
      const src = i * a.cols;
      const dst = i * width;
      for (let k = 0; k < width; k++) out[dst + k] = a.data[src + (indices[k] as number)] as number;
    }
  });
};

/** Side by side, numpy's `np.hstack`: all parts need the same number of rows. */
export const concatColumns = (parts: ReadonlyArray<Matrix>): Matrix => {
  const first = parts[0] ?? raise(shapeError("concatColumns: needs at least one matrix"));
  const rows = first.rows;
  for (const p of parts)
    if (p.rows !== rows)
      raise(
        shapeError(`concatColumns: ${formatShape(first)} and ${formatShape(p)} have different row counts`),
      );
  const cols = parts.reduce((n, p) => n + p.cols, 0);
  return computeOn(sharedByAll("concatColumns", parts) ?? first.backend, [rows, cols], (out) => {
    let offset = 0;
    for (const p of parts) {
      for (let i = 0; i < rows; i++)
        out.set(p.data.subarray(i * p.cols, (i + 1) * p.cols), i * cols + offset);
      offset += p.cols;
    }
  });
};

/** Stacked, numpy's `np.vstack`: all parts need the same number of columns. */
export const concatRows = (parts: ReadonlyArray<Matrix>): Matrix => {
  const first = parts[0] ?? raise(shapeError("concatRows: needs at least one matrix"));
  for (const p of parts)
    if (p.cols !== first.cols)
      raise(
        shapeError(`concatRows: ${formatShape(first)} and ${formatShape(p)} have different column counts`),
      );
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  return computeOn(sharedByAll("concatRows", parts) ?? first.backend, [rows, first.cols], (out) => {
    let offset = 0;
    for (const p of parts) {
      out.set(p.data, offset);
      offset += p.data.length;
    }
  });
};
