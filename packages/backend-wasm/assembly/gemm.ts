// Register-tiled matrix products C = op(A)·op(B) on a packed B (see pack.ts).
//
// A is read in place through strides (rs between rows, cs between steps of the inner dimension p), so
// the transposed variants need no copy. Each tile keeps a 4×4 (or 1×4) block of C in registers while p
// walks one k-block. Every element of C is summed in an order fixed by the shape alone:
//   "quad": ((a0·b0 + a1·b1) + a2·b2) + a3·b3 added to C per four p, then single steps for the tail —
//           the js reference's A·B (and Aᵀ·Bᵀ);
//   "seq":  c = c + a·b for p = 0, 1, … — the js reference's A·Bᵀ and Aᵀ·B.
// The plain build therefore reproduces the js backend bit for bit; the relaxed build fuses each
// multiply-add (one rounding) and runs every variant as "seq".
import { loadHi, loadLo, madd, storeCols } from "./simd";

/** The k-block: a block of B (KC × 4) stays in L1 while every row block of A passes over it. */
export const KC: i32 = 128;
/** Rows of A per block: MC × KC doubles of A stay in L2 across the panels of B. */
export const MC: i32 = 64;

function quad(x0: v128, x1: v128, x2: v128, x3: v128, y0: v128, y1: v128, y2: v128, y3: v128): v128 {
  return f64x2.add(f64x2.add(f64x2.add(f64x2.mul(x0, y0), f64x2.mul(x1, y1)), f64x2.mul(x2, y2)), f64x2.mul(x3, y3));
}

function step4(acc: v128, x0: v128, x1: v128, x2: v128, x3: v128, y0: v128, y1: v128, y2: v128, y3: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return madd(x3, y3, madd(x2, y2, madd(x1, y1, madd(x0, y0, acc))));
  return f64x2.add(acc, quad(x0, x1, x2, x3, y0, y1, y2, y3));
}

/** Four rows of C against one panel, quad order. `a` points at A(i, kb), `b` at the packed block. */
function tile4Quad(a: usize, rs: usize, cs: usize, b: usize, c: usize, ldc: usize, len: i32, cols: i32, first: bool): void {
  const zero = f64x2.splat(0);
  let c00 = zero, c01 = zero, c10 = zero, c11 = zero, c20 = zero, c21 = zero, c30 = zero, c31 = zero;
  if (!first) {
    c00 = loadLo(c, cols);
    c01 = loadHi(c, cols);
    c10 = loadLo(c + ldc, cols);
    c11 = loadHi(c + ldc, cols);
    c20 = loadLo(c + 2 * ldc, cols);
    c21 = loadHi(c + 2 * ldc, cols);
    c30 = loadLo(c + 3 * ldc, cols);
    c31 = loadHi(c + 3 * ldc, cols);
  }
  let p0 = a;
  let p1 = a + rs;
  let p2 = a + 2 * rs;
  let p3 = a + 3 * rs;
  let pb = b;
  const len4 = len & ~3;
  const cs4 = cs << 2;
  for (let q = 0; q < len4; q += 4) {
    const b0l = v128.load(pb), b0h = v128.load(pb, 16);
    const b1l = v128.load(pb, 32), b1h = v128.load(pb, 48);
    const b2l = v128.load(pb, 64), b2h = v128.load(pb, 80);
    const b3l = v128.load(pb, 96), b3h = v128.load(pb, 112);
    let x0 = v128.load64_splat(p0), x1 = v128.load64_splat(p0 + cs);
    let x2 = v128.load64_splat(p0 + 2 * cs), x3 = v128.load64_splat(p0 + 3 * cs);
    c00 = step4(c00, x0, x1, x2, x3, b0l, b1l, b2l, b3l);
    c01 = step4(c01, x0, x1, x2, x3, b0h, b1h, b2h, b3h);
    x0 = v128.load64_splat(p1);
    x1 = v128.load64_splat(p1 + cs);
    x2 = v128.load64_splat(p1 + 2 * cs);
    x3 = v128.load64_splat(p1 + 3 * cs);
    c10 = step4(c10, x0, x1, x2, x3, b0l, b1l, b2l, b3l);
    c11 = step4(c11, x0, x1, x2, x3, b0h, b1h, b2h, b3h);
    x0 = v128.load64_splat(p2);
    x1 = v128.load64_splat(p2 + cs);
    x2 = v128.load64_splat(p2 + 2 * cs);
    x3 = v128.load64_splat(p2 + 3 * cs);
    c20 = step4(c20, x0, x1, x2, x3, b0l, b1l, b2l, b3l);
    c21 = step4(c21, x0, x1, x2, x3, b0h, b1h, b2h, b3h);
    x0 = v128.load64_splat(p3);
    x1 = v128.load64_splat(p3 + cs);
    x2 = v128.load64_splat(p3 + 2 * cs);
    x3 = v128.load64_splat(p3 + 3 * cs);
    c30 = step4(c30, x0, x1, x2, x3, b0l, b1l, b2l, b3l);
    c31 = step4(c31, x0, x1, x2, x3, b0h, b1h, b2h, b3h);
    p0 += cs4;
    p1 += cs4;
    p2 += cs4;
    p3 += cs4;
    pb += 128;
  }
  for (let q = len4; q < len; q++) {
    const bl = v128.load(pb), bh = v128.load(pb, 16);
    let x = v128.load64_splat(p0);
    c00 = madd(x, bl, c00);
    c01 = madd(x, bh, c01);
    x = v128.load64_splat(p1);
    c10 = madd(x, bl, c10);
    c11 = madd(x, bh, c11);
    x = v128.load64_splat(p2);
    c20 = madd(x, bl, c20);
    c21 = madd(x, bh, c21);
    x = v128.load64_splat(p3);
    c30 = madd(x, bl, c30);
    c31 = madd(x, bh, c31);
    p0 += cs;
    p1 += cs;
    p2 += cs;
    p3 += cs;
    pb += 32;
  }
  storeCols(c, c00, c01, cols);
  storeCols(c + ldc, c10, c11, cols);
  storeCols(c + 2 * ldc, c20, c21, cols);
  storeCols(c + 3 * ldc, c30, c31, cols);
}

/** One row of C against one panel, quad order (the rows left over from the 4-row tiles). */
function tile1Quad(a: usize, cs: usize, b: usize, c: usize, len: i32, cols: i32, first: bool): void {
  let c0 = first ? f64x2.splat(0) : loadLo(c, cols);
  let c1 = first ? f64x2.splat(0) : loadHi(c, cols);
  let p0 = a;
  let pb = b;
  const len4 = len & ~3;
  for (let q = 0; q < len4; q += 4) {
    const x0 = v128.load64_splat(p0), x1 = v128.load64_splat(p0 + cs);
    const x2 = v128.load64_splat(p0 + 2 * cs), x3 = v128.load64_splat(p0 + 3 * cs);
    c0 = step4(c0, x0, x1, x2, x3, v128.load(pb), v128.load(pb, 32), v128.load(pb, 64), v128.load(pb, 96));
    c1 = step4(c1, x0, x1, x2, x3, v128.load(pb, 16), v128.load(pb, 48), v128.load(pb, 80), v128.load(pb, 112));
    p0 += cs << 2;
    pb += 128;
  }
  for (let q = len4; q < len; q++) {
    const x = v128.load64_splat(p0);
    c0 = madd(x, v128.load(pb), c0);
    c1 = madd(x, v128.load(pb, 16), c1);
    p0 += cs;
    pb += 32;
  }
  storeCols(c, c0, c1, cols);
}

/** Four rows of C against one panel, sequential order. */
function tile4Seq(a: usize, rs: usize, cs: usize, b: usize, c: usize, ldc: usize, len: i32, cols: i32, first: bool): void {
  const zero = f64x2.splat(0);
  let c00 = zero, c01 = zero, c10 = zero, c11 = zero, c20 = zero, c21 = zero, c30 = zero, c31 = zero;
  if (!first) {
    c00 = loadLo(c, cols);
    c01 = loadHi(c, cols);
    c10 = loadLo(c + ldc, cols);
    c11 = loadHi(c + ldc, cols);
    c20 = loadLo(c + 2 * ldc, cols);
    c21 = loadHi(c + 2 * ldc, cols);
    c30 = loadLo(c + 3 * ldc, cols);
    c31 = loadHi(c + 3 * ldc, cols);
  }
  let p0 = a;
  let p1 = a + rs;
  let p2 = a + 2 * rs;
  let p3 = a + 3 * rs;
  let pb = b;
  for (let q = 0; q < len; q++) {
    const bl = v128.load(pb), bh = v128.load(pb, 16);
    let x = v128.load64_splat(p0);
    c00 = madd(x, bl, c00);
    c01 = madd(x, bh, c01);
    x = v128.load64_splat(p1);
    c10 = madd(x, bl, c10);
    c11 = madd(x, bh, c11);
    x = v128.load64_splat(p2);
    c20 = madd(x, bl, c20);
    c21 = madd(x, bh, c21);
    x = v128.load64_splat(p3);
    c30 = madd(x, bl, c30);
    c31 = madd(x, bh, c31);
    p0 += cs;
    p1 += cs;
    p2 += cs;
    p3 += cs;
    pb += 32;
  }
  storeCols(c, c00, c01, cols);
  storeCols(c + ldc, c10, c11, cols);
  storeCols(c + 2 * ldc, c20, c21, cols);
  storeCols(c + 3 * ldc, c30, c31, cols);
}

/** One row of C against one panel, sequential order. */
function tile1Seq(a: usize, cs: usize, b: usize, c: usize, len: i32, cols: i32, first: bool): void {
  let c0 = first ? f64x2.splat(0) : loadLo(c, cols);
  let c1 = first ? f64x2.splat(0) : loadHi(c, cols);
  let p0 = a;
  let pb = b;
  for (let q = 0; q < len; q++) {
    const x = v128.load64_splat(p0);
    c0 = madd(x, v128.load(pb), c0);
    c1 = madd(x, v128.load(pb, 16), c1);
    p0 += cs;
    pb += 32;
  }
  storeCols(c, c0, c1, cols);
}

/**
 * The rows [i0, i1) × panels [jp0, jp1) of C (m × n, row-major) = op(A)·op(B), where op(A)(i, p) is at
 * a + (i·rs + p·cs)·8 and bp is B packed by pack.ts. `quadOrder` picks the summation order (see above).
 * Which thread computes a block never changes how it is summed.
 */
export function gemm(
  a: usize,
  rs: usize,
  cs: usize,
  bp: usize,
  c: usize,
  n: i32,
  k: i32,
  quadOrder: bool,
  i0: i32,
  i1: i32,
  jp0: i32,
  jp1: i32,
): void {
  const panels = (n + 3) >> 2;
  const ldc = (<usize>n) << 3;
  const rsB = rs << 3;
  const csB = cs << 3;
  const quadTiles = quadOrder && !ASC_FEATURE_RELAXED_SIMD;
  for (let kb = 0; kb < k; kb += KC) {
    const len = min(KC, k - kb);
    const block = bp + ((<usize>kb * panels) << 5);
    for (let mc = i0; mc < i1; mc += MC) {
      const mEnd = min(mc + MC, i1);
      for (let jp = jp0; jp < jp1; jp++) {
        const b = block + ((<usize>jp * len) << 5);
        const cols = min(4, n - (jp << 2));
        let i = mc;
        for (; i + 4 <= mEnd; i += 4) {
          const ai = a + <usize>i * rsB + <usize>kb * csB;
          const ci = c + <usize>i * ldc + ((<usize>jp) << 5);
          if (quadTiles) tile4Quad(ai, rsB, csB, b, ci, ldc, len, cols, kb == 0);
          else tile4Seq(ai, rsB, csB, b, ci, ldc, len, cols, kb == 0);
        }
        for (; i < mEnd; i++) {
          const ai = a + <usize>i * rsB + <usize>kb * csB;
          const ci = c + <usize>i * ldc + ((<usize>jp) << 5);
          if (quadTiles) tile1Quad(ai, csB, b, ci, len, cols, kb == 0);
          else tile1Seq(ai, csB, b, ci, len, cols, kb == 0);
        }
      }
    }
  }
}
