// Register-tiled matrix products C = op(A)·op(B) on a packed B (see pack.ts).
//
// op(A) is read through strides (rs between rows, cs between steps of the inner dimension p), so the
// transposed variants need no copy of the whole matrix: each block of up to MC rows is packed, one
// k-block at a time, into scratch of its own (four rows interleaved), which the 4×4 tiles read through
// one pointer. A tile keeps a 4×4 (or 1×4) block of C in eight (two) v128 registers while p walks one
// k-block of B, which stays in L1 meanwhile.
//
// Summation order: every element of C is c = c + a·b for p = 0, 1, …, k − 1, whatever the tile, the
// k-block, the block of the output or the thread — a function of nothing but the element. That is the
// js reference's order for A·Bᵀ and Aᵀ·B, which the plain build therefore matches bit for bit; the js
// reference groups A·B (and Aᵀ·Bᵀ) in fours, so there the two differ by the rounding of partial sums.
// The relaxed build fuses each multiply-add (one rounding instead of two). A divisor other than 1 divides
// each finished sum once, as it is stored after the last k-block (the same rounding as a division after).
import { loadHi, loadLo, madd, storeRow } from "./simd";

/** The k-block: a block of B (KC × 4 doubles) stays in L1 while every row of A passes over it. */
export const KC: i32 = 128;
/** Rows of op(A) packed at a time: their MC × KC doubles stay in L1/L2 across the panels of B. */
export const MC: i32 = 64;

/**
 * Four rows of C against one panel; `pa` points at the rows' packed k-block (see `packRows`), `b` at
 * B's. Reading A through one pointer instead of four strided ones, and inlining the tile into the loop
 * over the panels (it is too large for asc to inline by itself), gain 15–20 % together under V8 (0–12 %
 * each alone).
 */
function tile4(
  pa: usize,
  b: usize,
  c: usize,
  ldc: usize,
  len: i32,
  cols: i32,
  first: bool,
  divide: bool,
  d: v128,
): void {
  const zero = f64x2.splat(0);
  let c00 = zero,
    c01 = zero,
    c10 = zero,
    c11 = zero,
    c20 = zero,
    c21 = zero,
    c30 = zero,
    c31 = zero;
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
  let pb = b;
  const end = b + ((<usize>len) << 5);
  while (pb < end) {
    const bl = v128.load(pb),
      bh = v128.load(pb, 16);
    let x = v128.load64_splat(pa);
    c00 = madd(x, bl, c00);
    c01 = madd(x, bh, c01);
    x = v128.load64_splat(pa, 8);
    c10 = madd(x, bl, c10);
    c11 = madd(x, bh, c11);
    x = v128.load64_splat(pa, 16);
    c20 = madd(x, bl, c20);
    c21 = madd(x, bh, c21);
    x = v128.load64_splat(pa, 24);
    c30 = madd(x, bl, c30);
    c31 = madd(x, bh, c31);
    pa += 32;
    pb += 32;
  }
  storeRow(c, c00, c01, cols, divide, d);
  storeRow(c + ldc, c10, c11, cols, divide, d);
  storeRow(c + 2 * ldc, c20, c21, cols, divide, d);
  storeRow(c + 3 * ldc, c30, c31, cols, divide, d);
}

/** One row of C against one panel (the rows left over from the 4-row tiles). */
function tile1(
  a: usize,
  cs: usize,
  b: usize,
  c: usize,
  len: i32,
  cols: i32,
  first: bool,
  divide: bool,
  d: v128,
): void {
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
  storeRow(c, c0, c1, cols, divide, d);
}

/** Four rows side by side in memory (op(A) = Aᵀ): each step's four values are copied as they are. */
function packAcross(src: usize, cs: usize, len: i32, out: usize): void {
  for (let q = 0; q < len; q++) {
    v128.store(out, v128.load(src));
    v128.store(out, v128.load(src, 16), 16);
    src += cs;
    out += 32;
  }
}

/** Four rows that each run along p (op(A) = A): 2 × 2 transposes, two steps at a time. */
function packAlong(src: usize, rs: usize, len: i32, out: usize): void {
  let q = 0;
  for (; q + 2 <= len; q += 2) {
    const x0 = v128.load(src),
      x1 = v128.load(src + rs),
      x2 = v128.load(src + 2 * rs),
      x3 = v128.load(src + 3 * rs);
    v128.store(out, i64x2.shuffle(x0, x1, 0, 2));
    v128.store(out, i64x2.shuffle(x2, x3, 0, 2), 16);
    v128.store(out, i64x2.shuffle(x0, x1, 1, 3), 32);
    v128.store(out, i64x2.shuffle(x2, x3, 1, 3), 48);
    src += 16;
    out += 64;
  }
  if (q < len) packStrided(src, rs, 8, 1, out);
}

/** Any strides: element by element (bits copied as they are). */
function packStrided(src: usize, rs: usize, cs: usize, len: i32, out: usize): void {
  for (let q = 0; q < len; q++) {
    store<u64>(out, load<u64>(src));
    store<u64>(out, load<u64>(src + rs), 8);
    store<u64>(out, load<u64>(src + 2 * rs), 16);
    store<u64>(out, load<u64>(src + 3 * rs), 24);
    src += cs;
    out += 32;
  }
}

/**
 * Packs `groups` groups of four rows of op(A) over one k-block of length `len`, each step's four values
 * side by side, as `tile4` reads them: row r of group g at step q is at dst + ((g·len + q)·4 + r)·8. `a`
 * points at op(A)(i, kb) of the first row; rs and cs are byte strides.
 */
export function packRows(a: usize, rs: usize, cs: usize, groups: i32, len: i32, dst: usize): void {
  for (let g = 0; g < groups; g++) {
    const src = a + ((<usize>g) << 2) * rs;
    const out = dst + ((<usize>g * len) << 5);
    if (rs === 8) packAcross(src, cs, len, out);
    else if (cs === 8) packAlong(src, rs, len, out);
    else packStrided(src, rs, cs, len, out);
  }
}

/**
 * The k-blocks [t0, t1) (counted in KC steps) of op(A)'s `groups` whole groups of four rows (m × k, read
 * through the element strides rs and cs), packed as `gemm` reads them: k-block kb's group g starts at
 * dst + (kb·groups + g·len)·32. One pack for every block of a product cut along panels, instead of one
 * per block: W1·X would otherwise copy all of W1 once per block.
 */
export function packA(
  a: usize,
  rs: usize,
  cs: usize,
  k: i32,
  groups: i32,
  dst: usize,
  t0: i32,
  t1: i32,
): void {
  const rsB = rs << 3;
  const csB = cs << 3;
  for (let t = t0; t < t1; t++) {
    const kb = t * KC;
    const len = min(KC, k - kb);
    packRows(a + <usize>kb * csB, rsB, csB, groups, len, dst + ((<usize>kb * groups) << 5));
  }
}

/**
 * The rows [i0, i1) × panels [jp0, jp1) of C (m × n, row-major) = op(A)·op(B) / divisor, where op(A)(i, p)
 * is at a + (i·rs + p·cs)·8 and bp is B packed by pack.ts. `pa` is scratch that no other thread uses,
 * for min(MC, i1 − i0) × min(KC, k) doubles (src/descriptor.ts sizes it): each k-block of up to MC rows is
 * packed there once, its whole groups of four rows, and reused across all the panels; the last one to
 * three rows of C, if any, read A in place (`tile1`). When `packedA` is not 0, packA has packed op(A)'s
 * `groupsA` groups there already, and `pa` is unused.
 */
export function gemm(
  a: usize,
  rs: usize,
  cs: usize,
  bp: usize,
  c: usize,
  n: i32,
  k: i32,
  divisor: f64,
  i0: i32,
  i1: i32,
  jp0: i32,
  jp1: i32,
  pa: usize,
  packedA: usize,
  groupsA: i32,
): void {
  const panels = (n + 3) >> 2;
  const ldc = (<usize>n) << 3;
  const rsB = rs << 3;
  const csB = cs << 3;
  const d = f64x2.splat(divisor);
  for (let kb = 0; kb < k; kb += KC) {
    const len = min(KC, k - kb);
    // x / 1 is x: a plain product skips the division.
    const divide = kb + len >= k && divisor !== 1;
    const block = bp + ((<usize>kb * panels) << 5);
    for (let mc = i0; mc < i1; mc += MC) {
      const mEnd = min(mc + MC, i1);
      const groups = (mEnd - mc) >> 2;
      // A packed once for every block (packA) is read where it is; else this block packs its rows.
      const rows = packedA !== 0 ? packedA + ((<usize>kb * groupsA + <usize>(mc >> 2) * len) << 5) : pa;
      if (packedA === 0) packRows(a + <usize>mc * rsB + <usize>kb * csB, rsB, csB, groups, len, pa);
      for (let jp = jp0; jp < jp1; jp++) {
        const b = block + ((<usize>jp * len) << 5);
        const cols = min(4, n - (jp << 2));
        const cp = c + ((<usize>jp) << 5);
        for (let g = 0; g < groups; g++)
          inline.always(
            tile4(
              rows + ((<usize>g * len) << 5),
              b,
              cp + <usize>(mc + (g << 2)) * ldc,
              ldc,
              len,
              cols,
              kb === 0,
              divide,
              d,
            ),
          );
        for (let i = mc + (groups << 2); i < mEnd; i++)
          tile1(
            a + <usize>i * rsB + <usize>kb * csB,
            csB,
            b,
            cp + <usize>i * ldc,
            len,
            cols,
            kb === 0,
            divide,
            d,
          );
      }
    }
  }
}
