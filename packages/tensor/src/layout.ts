import { raise, shapeError } from "./errors.js";
import { transposeData } from "./js-backend.js";
import { formatShape, type Matrix, unsafeMatrix } from "./matrix.js";
import { allocate } from "./storage.js";

/** Aᵀ (a fresh matrix; the products take transposed operands without one). */
export const transpose = (a: Matrix): Matrix => transposeData(a);

/** numpy's C-order `reshape`: same elements in the same row-major order. */
export const reshape = (a: Matrix, rows: number, cols: number): Matrix =>
  rows * cols === a.data.length && Number.isInteger(rows) && Number.isInteger(cols) && rows >= 0 && cols >= 0
    ? unsafeMatrix(rows, cols, a.data.slice())
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
  const out = allocate(a.rows * width);
  for (let i = 0; i < a.rows; i++) out.set(a.data.subarray(i * a.cols + start, i * a.cols + end), i * width);
  return unsafeMatrix(a.rows, width, out);
};

/** Rows `start` to `end` (exclusive), numpy's `A[start:end, :]`. */
export const sliceRows = (a: Matrix, start: number, end: number): Matrix => {
  checkRange("sliceRows", start, end, a.rows, "row");
  return unsafeMatrix(end - start, a.cols, a.data.slice(start * a.cols, end * a.cols));
};

/** The listed columns in the listed order, numpy's `A[:, indices]` (a shuffled mini-batch). */
export const takeColumns = (a: Matrix, indices: ReadonlyArray<number>): Matrix => {
  for (const j of indices)
    if (!(Number.isInteger(j) && j >= 0 && j < a.cols))
      raise(shapeError(`takeColumns: column index ${j} is outside 0..${a.cols - 1} of ${formatShape(a)}`));
  const width = indices.length;
  const out = allocate(a.rows * width);
  for (let i = 0; i < a.rows; i++) {
    const src = i * a.cols;
    const dst = i * width;
    for (let k = 0; k < width; k++) out[dst + k] = a.data[src + (indices[k] as number)] as number;
  }
  return unsafeMatrix(a.rows, width, out);
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
  const out = allocate(rows * cols);
  let offset = 0;
  for (const p of parts) {
    for (let i = 0; i < rows; i++) out.set(p.data.subarray(i * p.cols, (i + 1) * p.cols), i * cols + offset);
    offset += p.cols;
  }
  return unsafeMatrix(rows, cols, out);
};

/** Stacked, numpy's `np.vstack`: all parts need the same number of columns. */
export const concatRows = (parts: ReadonlyArray<Matrix>): Matrix => {
  const first = parts[0] ?? raise(shapeError("concatRows: needs at least one matrix"));
  for (const p of parts)
    if (p.cols !== first.cols)
      raise(
        shapeError(`concatRows: ${formatShape(first)} and ${formatShape(p)} have different column counts`),
      );
  const out = allocate(parts.reduce((n, p) => n + p.data.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p.data, offset);
    offset += p.data.length;
  }
  return unsafeMatrix(out.length / Math.max(first.cols, 1), first.cols, out);
};
