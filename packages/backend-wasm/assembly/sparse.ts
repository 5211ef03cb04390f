// C = op(A)·op(B) for an op(A) with many exact zeros (the cat model's dZ1, zero wherever ReLU was off):
// each row of C sums only the steps p where its row of A is not zero. Every element is still
// c = c + a·b over p = 0, 1, …, k − 1 in order, with the zero terms left out, and leaving out a·b = ±0
// never changes c, since a sum that starts at +0 never becomes −0. So this gives the dense kernel's bits
// whenever B is finite (0·∞ would be NaN); the backend uses it only for a resident B it checked.
import { KC, MC } from "./gemm";
import { loadHi, loadLo, madd, storeCols } from "./simd";

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
 * The rows [i0, i1) × panels [jp0, jp1) of C, as `gemm` computes them, skipping A's zeros. For each
 * k-block and run of up to MC rows, every row's nonzero values and their steps are listed in `scratch`
 * (MC lists of LIST bytes, then MC counts), then four panels at a time (16 KB of B, kept in L1) meet
 * every row's list.
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
  const counts = scratch + <usize>MC * LIST;
  for (let kb = 0; kb < k; kb += KC) {
    const len = min(KC, k - kb);
    const divide = kb + len >= k && divisor !== 1;
    const first = kb === 0;
    const block = bp + ((<usize>kb * panels) << 5);
    const stride = (<usize>len) << 5;
    for (let mc = i0; mc < i1; mc += MC) {
      const rows = min(MC, i1 - mc);
      for (let r = 0; r < rows; r++) {
        const vals = scratch + <usize>r * LIST;
        const offs = vals + ((<usize>KC) << 3);
        let src = a + <usize>(mc + r) * rsB + <usize>kb * csB;
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
        store<i32>(counts + ((<usize>r) << 2), count);
      }
      let jp = jp0;
      for (; jp + 4 <= full; jp += 4)
        for (let r = 0; r < rows; r++) {
          const vals = scratch + <usize>r * LIST;
          row16(
            vals,
            vals + ((<usize>KC) << 3),
            load<i32>(counts + ((<usize>r) << 2)),
            block + <usize>jp * stride,
            stride,
            c + <usize>(mc + r) * ldc + ((<usize>jp) << 5),
            first,
            divide,
            d,
          );
        }
      for (; jp < jp1; jp++)
        for (let r = 0; r < rows; r++) {
          const vals = scratch + <usize>r * LIST;
          row4(
            vals,
            vals + ((<usize>KC) << 3),
            load<i32>(counts + ((<usize>r) << 2)),
            block + <usize>jp * stride,
            c + <usize>(mc + r) * ldc + ((<usize>jp) << 5),
            min(4, n - (jp << 2)),
            first,
            divide,
            d,
          );
        }
    }
  }
}
