// `acc + x·y`. The relaxed build (ASC_FEATURE_RELAXED_SIMD) fuses it into one rounding; the plain build
// rounds the product and the sum separately, exactly like the js reference.
export function madd(x: v128, y: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(x, y, acc);
  return f64x2.add(acc, f64x2.mul(x, y));
}

/** Whether this build fuses multiply-adds (reported to JS so the backend can say which build it runs). */
export function fused(): bool {
  return ASC_FEATURE_RELAXED_SIMD;
}

/** Stores the first `cols` (1..4) doubles of the pair (lo, hi) at `p`. */
export function storeCols(p: usize, lo: v128, hi: v128, cols: i32): void {
  if (cols >= 4) {
    v128.store(p, lo);
    v128.store(p, hi, 16);
    return;
  }
  store<f64>(p, f64x2.extract_lane(lo, 0));
  if (cols > 1) store<f64>(p, f64x2.extract_lane(lo, 1), 8);
  if (cols > 2) store<f64>(p, f64x2.extract_lane(hi, 0), 16);
}

/** Loads the low pair of `cols` doubles at `p` (missing columns read as 0). */
export function loadLo(p: usize, cols: i32): v128 {
  if (cols >= 2) return v128.load(p);
  return f64x2.replace_lane(f64x2.splat(0), 0, load<f64>(p));
}

/** Loads the high pair (columns 2 and 3) of `cols` doubles at `p`. */
export function loadHi(p: usize, cols: i32): v128 {
  if (cols >= 4) return v128.load(p, 16);
  if (cols === 3) return f64x2.replace_lane(f64x2.splat(0), 0, load<f64>(p, 16));
  return f64x2.splat(0);
}

/** Stores a finished row pair of a tile (its first `cols` doubles), each sum divided by `d` first when `divide`. */
export function storeRow(p: usize, lo: v128, hi: v128, cols: i32, divide: bool, d: v128): void {
  if (divide) {
    lo = f64x2.div(lo, d);
    hi = f64x2.div(hi, d);
  }
  storeCols(p, lo, hi, cols);
}
