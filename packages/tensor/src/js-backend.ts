import type { Axis, Backend, BinaryOp, ReduceOp, UnaryOp } from "./backend.js";
import type { Matrix, Shape } from "./matrix.js";

/**
 * The reference backend: plain TypeScript loops, written to be read. Its matrix products walk memory in
 * row order (no strided inner loop) and unroll by four; see BENCHMARKS.md for what that buys. Every
 * kernel writes its whole result into the `out` it is given (any contents on entry).
 */

/** What a kernel reads of an operand: its shape and numbers (the backend it is on does not matter here). */
type Dense = Pick<Matrix, "rows" | "cols" | "data">;

/**
 * C = A·B: rows of C are built from multiples of B's rows (contiguous reads of B and C). Two rows of C and
 * four of B at a time: each B element loaded serves two rows, each C element written absorbs four terms.
 * Every element sums over p in blocks of four, in order, whatever the row pairing: the order depends on
 * k alone.
 */
const matmulNN = (a: Dense, b: Dense, C: Float64Array): void => {
  const { rows: m, cols: k } = a;
  const n = b.cols;
  const A = a.data;
  const B = b.data;
  C.fill(0);
  const k4 = k - (k % 4);
  const m2 = m - (m % 2);
  for (let i = 0; i < m2; i += 2) {
    const c0 = i * n;
    const c1 = c0 + n;
    const r0 = i * k;
    const r1 = r0 + k;
    for (let p = 0; p < k4; p += 4) {
      const a00 = A[r0 + p] as number;
      const a01 = A[r0 + p + 1] as number;
      const a02 = A[r0 + p + 2] as number;
      const a03 = A[r0 + p + 3] as number;
      const a10 = A[r1 + p] as number;
      const a11 = A[r1 + p + 1] as number;
      const a12 = A[r1 + p + 2] as number;
      const a13 = A[r1 + p + 3] as number;
      const b0 = p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        const x0 = B[b0 + j] as number;
        const x1 = B[b1 + j] as number;
        const x2 = B[b2 + j] as number;
        const x3 = B[b3 + j] as number;
        C[c0 + j] = (C[c0 + j] as number) + (a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3);
        C[c1 + j] = (C[c1 + j] as number) + (a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3);
      }
    }
  }
  for (let i = m2; i < m; i++) {
    const c0 = i * n;
    const r0 = i * k;
    for (let p = 0; p < k4; p += 4) {
      const a0 = A[r0 + p] as number;
      const a1 = A[r0 + p + 1] as number;
      const a2 = A[r0 + p + 2] as number;
      const a3 = A[r0 + p + 3] as number;
      const b0 = p * n;
      for (let j = 0; j < n; j++)
        C[c0 + j] =
          (C[c0 + j] as number) +
          (a0 * (B[b0 + j] as number) +
            a1 * (B[b0 + n + j] as number) +
            a2 * (B[b0 + 2 * n + j] as number) +
            a3 * (B[b0 + 3 * n + j] as number));
    }
  }
  // The k mod 4 tail, added last for every row alike.
  for (let i = 0; i < m; i++) {
    const c0 = i * n;
    for (let p = k4; p < k; p++) {
      const ap = A[i * k + p] as number;
      const bp = p * n;
      for (let j = 0; j < n; j++) C[c0 + j] = (C[c0 + j] as number) + ap * (B[bp + j] as number);
    }
  }
};

/**
 * C = A·Bᵀ: each element is a dot product of two contiguous rows, summed in order over p. Four rows of A
 * meet two rows of B at a time (eight sums in registers, six loads per eight multiply-adds).
 */
const matmulNT = (a: Dense, b: Dense, C: Float64Array): void => {
  const { rows: m, cols: k } = a;
  const n = b.rows;
  const A = a.data;
  const B = b.data;
  const m4 = m - (m % 4);
  const n2 = n - (n % 2);
  for (let i = 0; i < m4; i += 4) {
    const r0 = i * k;
    const r1 = r0 + k;
    const r2 = r1 + k;
    const r3 = r2 + k;
    for (let j = 0; j < n2; j += 2) {
      const q0 = j * k;
      const q1 = q0 + k;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let p = 0; p < k; p++) {
        const u = B[q0 + p] as number;
        const v = B[q1 + p] as number;
        const x0 = A[r0 + p] as number;
        const x1 = A[r1 + p] as number;
        const x2 = A[r2 + p] as number;
        const x3 = A[r3 + p] as number;
        s00 += x0 * u;
        s01 += x0 * v;
        s10 += x1 * u;
        s11 += x1 * v;
        s20 += x2 * u;
        s21 += x2 * v;
        s30 += x3 * u;
        s31 += x3 * v;
      }
      C[i * n + j] = s00;
      C[i * n + j + 1] = s01;
      C[(i + 1) * n + j] = s10;
      C[(i + 1) * n + j + 1] = s11;
      C[(i + 2) * n + j] = s20;
      C[(i + 2) * n + j + 1] = s21;
      C[(i + 3) * n + j] = s30;
      C[(i + 3) * n + j + 1] = s31;
    }
  }
  // Remaining rows of A, and the last column when n is odd: plain dot products in the same order.
  const dot = (i: number, j: number): number => {
    let s = 0;
    for (let p = 0; p < k; p++) s += (A[i * k + p] as number) * (B[j * k + p] as number);
    return s;
  };
  for (let i = 0; i < m; i++) {
    const fromColumn = i < m4 ? n2 : 0;
    for (let j = fromColumn; j < n; j++) C[i * n + j] = dot(i, j);
  }
};

/** C = Aᵀ·B: row p of A scatters A[p, i]·(row p of B) into row i of C (contiguous reads again). */
const matmulTN = (a: Dense, b: Dense, C: Float64Array): void => {
  const { rows: k, cols: m } = a;
  const n = b.cols;
  const A = a.data;
  const B = b.data;
  C.fill(0);
  for (let p = 0; p < k; p++) {
    const bp = p * n;
    for (let i = 0; i < m; i++) {
      const api = A[p * m + i] as number;
      const ci = i * n;
      for (let j = 0; j < n; j++) C[ci + j] = (C[ci + j] as number) + api * (B[bp + j] as number);
    }
  }
};

/** Aᵀ into `out`, in 32 × 32 tiles, so both the reads and the writes stay within a few cache lines. */
export const transposeInto = (a: Dense, out: Float64Array): void => {
  const { rows, cols, data } = a;
  const T = 32;
  for (let i0 = 0; i0 < rows; i0 += T)
    for (let j0 = 0; j0 < cols; j0 += T) {
      const iEnd = Math.min(i0 + T, rows);
      const jEnd = Math.min(j0 + T, cols);
      for (let i = i0; i < iEnd; i++)
        for (let j = j0; j < jEnd; j++) out[j * rows + i] = data[i * cols + j] as number;
    }
};

const transposed = (a: Dense): Dense => {
  const data = new Float64Array(a.data.length);
  transposeInto(a, data);
  return { rows: a.cols, cols: a.rows, data };
};

const matmul = (a: Dense, b: Dense, transposeA: boolean, transposeB: boolean, out: Float64Array): void => {
  if (!transposeA && !transposeB) matmulNN(a, b, out);
  else if (!transposeA) matmulNT(a, b, out);
  else if (!transposeB) matmulTN(a, b, out);
  else matmulNN(transposed(a), transposed(b), out);
};

/** The product, then one division per element of the result: the same roundings as `divide`. */
const matmulDivide = (
  a: Dense,
  b: Dense,
  transposeA: boolean,
  transposeB: boolean,
  divisor: number,
  C: Float64Array,
): void => {
  matmul(a, b, transposeA, transposeB, C);
  for (let i = 0; i < C.length; i++) C[i] = (C[i] as number) / divisor;
};

const unaryFunctions: Readonly<Record<UnaryOp, (x: number) => number>> = {
  negate: (x) => -x,
  exp: Math.exp,
  log: Math.log,
  log1p: Math.log1p,
  sqrt: Math.sqrt,
  abs: Math.abs,
  square: (x) => x * x,
  tanh: Math.tanh,
  reciprocal: (x) => 1 / x,
};

const binaryFunctions: Readonly<Record<BinaryOp, (x: number, y: number) => number>> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  divide: (x, y) => x / y,
  // numpy's maximum/minimum propagate NaN; Math.max does too.
  maximum: Math.max,
  minimum: Math.min,
  greater: (x, y) => (x > y ? 1 : 0),
  greaterEqual: (x, y) => (x >= y ? 1 : 0),
  less: (x, y) => (x < y ? 1 : 0),
  lessEqual: (x, y) => (x <= y ? 1 : 0),
  equal: (x, y) => (x === y ? 1 : 0),
};

const unary = (op: UnaryOp, a: Dense, out: Float64Array): void => {
  const f = unaryFunctions[op];
  const src = a.data;
  for (let i = 0; i < src.length; i++) out[i] = f(src[i] as number);
};

const binary = (op: BinaryOp, a: Dense, b: Dense, [rows, cols]: Shape, out: Float64Array): void => {
  const f = binaryFunctions[op];
  // A stride of 0 repeats the single row or column of a broadcast operand.
  const aRow = a.rows === 1 ? 0 : a.cols;
  const aCol = a.cols === 1 ? 0 : 1;
  const bRow = b.rows === 1 ? 0 : b.cols;
  const bCol = b.cols === 1 ? 0 : 1;
  const A = a.data;
  const B = b.data;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const ai = i * aRow;
    const bi = i * bRow;
    for (let j = 0; j < cols; j++) out[o + j] = f(A[ai + j * aCol] as number, B[bi + j * bCol] as number);
  }
};

const scalar = (op: BinaryOp, a: Dense, s: number, scalarFirst: boolean, out: Float64Array): void => {
  const f = binaryFunctions[op];
  const src = a.data;
  if (scalarFirst) for (let i = 0; i < src.length; i++) out[i] = f(s, src[i] as number);
  else for (let i = 0; i < src.length; i++) out[i] = f(src[i] as number, s);
};

const reducers: Readonly<
  Record<ReduceOp, { readonly start: number; readonly f: (acc: number, x: number) => number }>
> = {
  sum: { start: 0, f: (acc, x) => acc + x },
  max: { start: Number.NEGATIVE_INFINITY, f: (acc, x) => (x > acc || Number.isNaN(x) ? x : acc) },
  min: { start: Number.POSITIVE_INFINITY, f: (acc, x) => (x < acc || Number.isNaN(x) ? x : acc) },
};

/** Reductions run left to right in index order: the summation order depends on the shape only. */
const reduce = (op: ReduceOp, a: Dense, axis: Axis | "all", out: Float64Array): void => {
  const { start, f } = reducers[op];
  const { rows, cols, data } = a;
  if (axis === "all") {
    let acc = start;
    for (let i = 0; i < data.length; i++) acc = f(acc, data[i] as number);
    out[0] = acc;
  } else if (axis === 1) {
    for (let i = 0; i < rows; i++) {
      let acc = start;
      for (let j = 0; j < cols; j++) acc = f(acc, data[i * cols + j] as number);
      out[i] = acc;
    }
  } else {
    out.fill(start);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) out[j] = f(out[j] as number, data[i * cols + j] as number);
  }
};

/** JavaScript rounds each product and the sum (it never fuses them), as `add(multiply, multiply)` does. */
const axpby = (alpha: number, a: Dense, beta: number, b: Dense, out: Float64Array): void => {
  const A = a.data;
  const B = b.data;
  for (let i = 0; i < out.length; i++) out[i] = alpha * (A[i] as number) + beta * (B[i] as number);
};

export const jsBackend: Backend = {
  name: "js",
  matmul,
  matmulDivide,
  unary,
  binary,
  scalar,
  reduce,
  axpby,
};
