// C = op(A)·op(B) for an op(A) with many exact zeros (the cat model's dZ1, where ReLU was off: whole
// examples often have no gradient left in any unit). For each group of four rows and each k-block, the
// steps p where any of the four rows is nonzero are listed, and a 4×4 tile sums over those steps only;
// the last one to three rows list their own nonzero steps. Every element is still c = c + a·b over
// p = 0, 1, …, k − 1 in order, with zero terms left out, and leaving out a·b = ±0 never changes c, since
// a sum that starts at +0 never becomes −0. So this gives the dense kernel's bits whenever B is finite
// (0·∞ would be NaN); the backend uses it only for a resident B it checked.
import { KC, MC, packRows } from "./gemm";
import { loadHi, loadLo, madd, storeCols } from "./simd";

/**
 * Four rows of C against one panel over the listed steps: `list` holds the steps' byte offsets (q·32),
 * which serve both the rows' packed k-block `pa` (four values per step) and the panel `b`.
 */
function tile4(
  pa: usize,
  b: usize,
  list: usize,
  count: i32,
  c: usize,
  ldc: usize,
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
  const end = list + ((<usize>count) << 2);
  for (let e = list; e < end; e += 4) {
    const o = <usize>load<u32>(e);
    const pb = b + o;
    const pr = pa + o;
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
  if (divide) {
    c00 = f64x2.div(c00, d);
    c01 = f64x2.div(c01, d);
    c10 = f64x2.div(c10, d);
    c11 = f64x2.div(c11, d);
    c20 = f64x2.div(c20, d);
    c21 = f64x2.div(c21, d);
    c30 = f64x2.div(c30, d);
    c31 = f64x2.div(c31, d);
  }
  storeCols(c, c00, c01, cols);
  storeCols(c + ldc, c10, c11, cols);
  storeCols(c + 2 * ldc, c20, c21, cols);
  storeCols(c + 3 * ldc, c30, c31, cols);
}

/**
 * One row of C against four whole panels (16 columns) over the listed steps: `vals` holds the row's
 * nonzero a values, `offs` their steps' byte offsets in a panel; `b` is the first panel, `stride` the
 * bytes between panels.
 */
function row16(
  vals: usize,
  offs: usize,
  count: i32,
  b: usize,
  stride: usize,
  c: usize,
  first: bool,
  divide: bool,
  d: v128,
): void {
  const zero = f64x2.splat(0);
  let c0 = zero,
    c1 = zero,
    c2 = zero,
    c3 = zero,
    c4 = zero,
    c5 = zero,
    c6 = zero,
    c7 = zero;
  if (!first) {
    c0 = v128.load(c);
    c1 = v128.load(c, 16);
    c2 = v128.load(c, 32);
    c3 = v128.load(c, 48);
    c4 = v128.load(c, 64);
    c5 = v128.load(c, 80);
    c6 = v128.load(c, 96);
    c7 = v128.load(c, 112);
  }
  const b1 = b + stride;
  const b2 = b1 + stride;
  const b3 = b2 + stride;
  for (let t = 0; t < count; t++) {
    const x = v128.load64_splat(vals + ((<usize>t) << 3));
    const o = <usize>load<u32>(offs + ((<usize>t) << 2));
    c0 = madd(x, v128.load(b + o), c0);
    c1 = madd(x, v128.load(b + o, 16), c1);
    c2 = madd(x, v128.load(b1 + o), c2);
    c3 = madd(x, v128.load(b1 + o, 16), c3);
    c4 = madd(x, v128.load(b2 + o), c4);
    c5 = madd(x, v128.load(b2 + o, 16), c5);
    c6 = madd(x, v128.load(b3 + o), c6);
    c7 = madd(x, v128.load(b3 + o, 16), c7);
  }
  if (divide) {
    c0 = f64x2.div(c0, d);
    c1 = f64x2.div(c1, d);
    c2 = f64x2.div(c2, d);
    c3 = f64x2.div(c3, d);
    c4 = f64x2.div(c4, d);
    c5 = f64x2.div(c5, d);
    c6 = f64x2.div(c6, d);
    c7 = f64x2.div(c7, d);
  }
  v128.store(c, c0);
  v128.store(c, c1, 16);
  v128.store(c, c2, 32);
  v128.store(c, c3, 48);
  v128.store(c, c4, 64);
  v128.store(c, c5, 80);
  v128.store(c, c6, 96);
  v128.store(c, c7, 112);
}

/** One row of C against one panel (`cols` of its four columns are C's) over the listed steps. */
function row4(
  vals: usize,
  offs: usize,
  count: i32,
  b: usize,
  c: usize,
  cols: i32,
  first: bool,
  divide: bool,
  d: v128,
): void {
  let c0 = first ? f64x2.splat(0) : loadLo(c, cols);
  let c1 = first ? f64x2.splat(0) : loadHi(c, cols);
  for (let t = 0; t < count; t++) {
    const x = v128.load64_splat(vals + ((<usize>t) << 3));
    const o = <usize>load<u32>(offs + ((<usize>t) << 2));
    c0 = madd(x, v128.load(b + o), c0);
    c1 = madd(x, v128.load(b + o, 16), c1);
  }
  if (divide) {
    c0 = f64x2.div(c0, d);
    c1 = f64x2.div(c1, d);
  }
  storeCols(c, c0, c1, cols);
}

/** Bytes of one row's list in scratch: KC values (f64), then KC step offsets (u32). */
const LIST: usize = <usize>KC * 12;

/**
 * The rows [i0, i1) × panels [jp0, jp1) of C, as `gemm` computes them, skipping A's zeros. `scratch`
 * holds, for a run of up to MC rows and one k-block: their whole groups of four packed (MC·KC doubles),
 * each group's list of steps (MC/4 lists of KC offsets), the last rows' own lists (3 × LIST) and counts.
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
  const full = min(jp1, n >> 2); // panels whose four columns are all C's
  const ldc = (<usize>n) << 3;
  const rsB = rs << 3;
  const csB = cs << 3;
  const d = f64x2.splat(divisor);
  const packed = scratch;
  const groupLists = packed + ((<usize>MC * KC) << 3);
  const rowLists = groupLists + ((<usize>(MC >> 2) * KC) << 2);
  const counts = rowLists + 3 * LIST;
  for (let kb = 0; kb < k; kb += KC) {
    const len = min(KC, k - kb);
    const divide = kb + len >= k && divisor !== 1;
    const first = kb === 0;
    const block = bp + ((<usize>kb * panels) << 5);
    const stride = (<usize>len) << 5;
    for (let mc = i0; mc < i1; mc += MC) {
      const rows = min(MC, i1 - mc);
      const groups = rows >> 2;
      packRows(a + <usize>mc * rsB + <usize>kb * csB, rsB, csB, groups, len, packed);
      // Each group's steps where any of its four rows is nonzero (−0 counts as zero: it adds nothing).
      for (let g = 0; g < groups; g++) {
        const pa = packed + ((<usize>g * len) << 5);
        const list = groupLists + ((<usize>g * KC) << 2);
        let count = 0;
        for (let q = 0; q < len; q++) {
          const at = pa + ((<usize>q) << 5);
          const zero = f64x2.splat(0);
          if (v128.any_true(v128.or(f64x2.ne(v128.load(at), zero), f64x2.ne(v128.load(at, 16), zero)))) {
            store<u32>(list + ((<usize>count) << 2), (<u32>q) << 5);
            count++;
          }
        }
        store<i32>(counts + ((<usize>g) << 2), count);
      }
      // The last rows (fewer than four) list their own nonzero steps.
      const rest = rows - (groups << 2);
      for (let r = 0; r < rest; r++) {
        const vals = rowLists + <usize>r * LIST;
        const offs = vals + ((<usize>KC) << 3);
        let src = a + <usize>(mc + (groups << 2) + r) * rsB + <usize>kb * csB;
        let count = 0;
        for (let q = 0; q < len; q++) {
          const x = load<f64>(src);
          if (x !== 0) {
            store<f64>(vals + ((<usize>count) << 3), x);
            store<u32>(offs + ((<usize>count) << 2), (<u32>q) << 5);
            count++;
          }
          src += csB;
        }
        store<i32>(counts + ((<usize>(MC >> 2) + r) << 2), count);
      }
      for (let jp = jp0; jp < jp1; jp++) {
        const b = block + <usize>jp * stride;
        const cols = min(4, n - (jp << 2));
        const cp = c + ((<usize>jp) << 5);
        for (let g = 0; g < groups; g++)
          tile4(
            packed + ((<usize>g * len) << 5),
            b,
            groupLists + ((<usize>g * KC) << 2),
            load<i32>(counts + ((<usize>g) << 2)),
            cp + <usize>(mc + (g << 2)) * ldc,
            ldc,
            cols,
            first,
            divide,
            d,
          );
      }
      for (let r = 0; r < rest; r++) {
        const vals = rowLists + <usize>r * LIST;
        const offs = vals + ((<usize>KC) << 3);
        const count = load<i32>(counts + ((<usize>(MC >> 2) + r) << 2));
        const row = c + <usize>(mc + (groups << 2) + r) * ldc;
        let jp = jp0;
        for (; jp + 4 <= full; jp += 4)
          row16(
            vals,
            offs,
            count,
            block + <usize>jp * stride,
            stride,
            row + ((<usize>jp) << 5),
            first,
            divide,
            d,
          );
        for (; jp < jp1; jp++)
          row4(
            vals,
            offs,
            count,
            block + <usize>jp * stride,
            row + ((<usize>jp) << 5),
            min(4, n - (jp << 2)),
            first,
            divide,
            d,
          );
      }
    }
  }
}
