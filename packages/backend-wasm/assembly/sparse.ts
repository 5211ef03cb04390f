// C = op(A)·op(B) for an op(A) with many exact zeros (the cat model's dZ1, where ReLU was off: whole
// examples often have no gradient left in any unit). Rows go in groups of four (the last group padded
// with zero rows); for each group and k-block, the steps where any of its rows is nonzero are listed,
// and a 4×4 tile sums over the listed steps of every k-block in turn, so each tile of C is stored once.
// Every element is still c = c + a·b over p = 0, 1, …, k − 1 in order, with zero terms left out, and
// leaving out a·b = ±0 never changes c, since a sum that starts at +0 never becomes −0. So this gives
// the dense kernel's bits whenever B is finite (0·∞ would be NaN); the backend uses it only for a
// resident B it checked, and for k up to SPARSE_MAX_K (src/backend.ts), which bounds the scratch.
import { KC, MC } from "./gemm";
import { madd, storeRow } from "./simd";

/**
 * `rows` (1–4) rows of C against panel `jp`, over every k-block's listed steps. Group g's packed rows
 * start at `pa` (step p's four values at pa + p·32); `lists` holds KC offsets (q·32) per k-block and
 * `counts` their lengths.
 */
function tile(
  pa: usize,
  bp: usize,
  jp: i32,
  panels: i32,
  k: i32,
  lists: usize,
  counts: usize,
  c: usize,
  ldc: usize,
  rows: i32,
  cols: i32,
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
  for (let kb = 0, t = 0; kb < k; kb += KC, t++) {
    const len = min(KC, k - kb);
    const b = bp + ((<usize>kb * panels + <usize>jp * len) << 5);
    const a = pa + ((<usize>kb) << 5);
    const list = lists + ((<usize>t * KC) << 2);
    const end = list + ((<usize>load<i32>(counts + ((<usize>t) << 2))) << 2);
    for (let e = list; e < end; e += 4) {
      const o = <usize>load<u32>(e);
      const pb = b + o;
      const pr = a + o;
      const bl = v128.load(pb),
        bh = v128.load(pb, 16);
      let x = v128.load64_splat(pr);
      c00 = madd(x, bl, c00);
      c01 = madd(x, bh, c01);
      x = v128.load64_splat(pr, 8);
      c10 = madd(x, bl, c10);
      c11 = madd(x, bh, c11);
      x = v128.load64_splat(pr, 16);
      c20 = madd(x, bl, c20);
      c21 = madd(x, bh, c21);
      x = v128.load64_splat(pr, 24);
      c30 = madd(x, bl, c30);
      c31 = madd(x, bh, c31);
    }
  }
  storeRow(c, c00, c01, cols, divide, d);
  if (rows > 1) storeRow(c + ldc, c10, c11, cols, divide, d);
  if (rows > 2) storeRow(c + 2 * ldc, c20, c21, cols, divide, d);
  if (rows > 3) storeRow(c + 3 * ldc, c30, c31, cols, divide, d);
}

/**
 * Packs `rows` (1–4) rows of op(A) over all k steps, four values per step (missing rows as 0), at dst,
 * and lists per k-block the steps where any of them is nonzero (−0 counts as zero: it adds nothing).
 */
function packGroup(
  a: usize,
  rsB: usize,
  csB: usize,
  rows: i32,
  k: i32,
  dst: usize,
  lists: usize,
  counts: usize,
): void {
  for (let p = 0; p < k; p++) {
    const src = a + <usize>p * csB;
    const out = dst + ((<usize>p) << 5);
    for (let r = 0; r < 4; r++)
      store<f64>(out + ((<usize>r) << 3), r < rows ? load<f64>(src + <usize>r * rsB) : 0);
  }
  const zero = f64x2.splat(0);
  for (let kb = 0, t = 0; kb < k; kb += KC, t++) {
    const len = min(KC, k - kb);
    const list = lists + ((<usize>t * KC) << 2);
    let count = 0;
    for (let q = 0; q < len; q++) {
      const at = dst + ((<usize>(kb + q)) << 5);
      if (v128.any_true(v128.or(f64x2.ne(v128.load(at), zero), f64x2.ne(v128.load(at, 16), zero)))) {
        store<u32>(list + ((<usize>count) << 2), (<u32>q) << 5);
        count++;
      }
    }
    store<i32>(counts + ((<usize>t) << 2), count);
  }
}

/**
 * The rows [i0, i1) × panels [jp0, jp1) of C, as `gemm` computes them, skipping A's zeros. `scratch`
 * holds, for a run of up to MC rows: each group's packed rows (k·32 bytes), its lists (KC offsets per
 * k-block) and counts; src/descriptor.ts sizes it.
 */
export function gemmSparse(
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
  scratch: usize,
): void {
  const panels = (n + 3) >> 2;
  const ldc = (<usize>n) << 3;
  const rsB = rs << 3;
  const csB = cs << 3;
  const d = f64x2.splat(divisor);
  const divide = divisor !== 1;
  const blocksOfK = (k + KC - 1) / KC;
  const packedBytes = (<usize>k) << 5;
  const listBytes = (<usize>blocksOfK * KC) << 2;
  const countBytes = (<usize>blocksOfK) << 2;
  const groupBytes = packedBytes + listBytes + countBytes;
  for (let mc = i0; mc < i1; mc += MC) {
    const rows = min(MC, i1 - mc);
    const groups = (rows + 3) >> 2;
    for (let g = 0; g < groups; g++) {
      const at = scratch + <usize>g * groupBytes;
      const r0 = mc + (g << 2);
      packGroup(
        a + <usize>r0 * rsB,
        rsB,
        csB,
        min(4, i1 - r0),
        k,
        at,
        at + packedBytes,
        at + packedBytes + listBytes,
      );
    }
    for (let jp = jp0; jp < jp1; jp++) {
      const cols = min(4, n - (jp << 2));
      for (let g = 0; g < groups; g++) {
        const at = scratch + <usize>g * groupBytes;
        const r0 = mc + (g << 2);
        tile(
          at,
          bp,
          jp,
          panels,
          k,
          at + packedBytes,
          at + packedBytes + listBytes,
          c + <usize>r0 * ldc + ((<usize>jp) << 5),
          ldc,
          min(4, i1 - r0),
          cols,
          divide,
          d,
        );
      }
    }
  }
}
