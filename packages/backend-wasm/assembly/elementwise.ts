// Elementwise maps and reductions. Op codes match src/ops.ts. Each result equals the js reference's:
// the arithmetic ops, sqrt and the comparisons are correctly rounded or exact in both; exp, log, log1p
// and tanh come from AssemblyScript's Math (musl's), within an ulp of V8's. Reductions run in the js
// reference's order (left to right), so they agree bit for bit.

function unaryScalar(op: i32, x: f64): f64 {
  switch (op) {
    case 0:
      return -x;
    case 1:
      return Math.exp(x);
    case 2:
      return Math.log(x);
    case 3:
      return Math.log1p(x);
    case 4:
      return Math.sqrt(x);
    case 5:
      return Math.abs(x);
    case 6:
      return x * x;
    case 7:
      return Math.tanh(x);
    default:
      return 1 / x;
  }
}

/** Ops with a SIMD form (the rest are transcendental and run lane by lane). */
function unaryVector(op: i32, x: v128): v128 {
  switch (op) {
    case 0:
      return f64x2.neg(x);
    case 4:
      return f64x2.sqrt(x);
    case 5:
      return f64x2.abs(x);
    case 6:
      return f64x2.mul(x, x);
    default:
      return f64x2.div(f64x2.splat(1), x);
  }
}

export function unary(op: i32, src: usize, dst: usize, n: i32): void {
  const simd = op === 0 || op === 4 || op === 5 || op === 6 || op === 8;
  let i = 0;
  if (simd)
    for (; i + 2 <= n; i += 2) {
      const at = (<usize>i) << 3;
      v128.store(dst + at, unaryVector(op, v128.load(src + at)));
    }
  for (; i < n; i++) {
    const at = (<usize>i) << 3;
    store<f64>(dst + at, unaryScalar(op, load<f64>(src + at)));
  }
}

function binaryScalar(op: i32, x: f64, y: f64): f64 {
  switch (op) {
    case 0:
      return x + y;
    case 1:
      return x - y;
    case 2:
      return x * y;
    case 3:
      return x / y;
    case 4:
      return Math.max(x, y);
    case 5:
      return Math.min(x, y);
    case 6:
      return x > y ? 1 : 0;
    case 7:
      return x >= y ? 1 : 0;
    case 8:
      return x < y ? 1 : 0;
    case 9:
      return x <= y ? 1 : 0;
    default:
      return x === y ? 1 : 0;
  }
}

function binaryVector(op: i32, x: v128, y: v128): v128 {
  const one = f64x2.splat(1);
  switch (op) {
    case 0:
      return f64x2.add(x, y);
    case 1:
      return f64x2.sub(x, y);
    case 2:
      return f64x2.mul(x, y);
    case 3:
      return f64x2.div(x, y);
    case 4:
      return f64x2.max(x, y);
    case 5:
      return f64x2.min(x, y);
    case 6:
      return v128.and(f64x2.gt(x, y), one);
    case 7:
      return v128.and(f64x2.ge(x, y), one);
    case 8:
      return v128.and(f64x2.lt(x, y), one);
    case 9:
      return v128.and(f64x2.le(x, y), one);
    default:
      return v128.and(f64x2.eq(x, y), one);
  }
}

/** out[j] = x[j] op y[j] for j < n; `xs`/`ys` are 1 for a vector and 0 for a repeated scalar. */
function row(op: i32, x: usize, xs: i32, y: usize, ys: i32, out: usize, n: i32): void {
  let j = 0;
  if (xs === 1 && ys === 1)
    for (; j + 2 <= n; j += 2) {
      const at = (<usize>j) << 3;
      v128.store(out + at, binaryVector(op, v128.load(x + at), v128.load(y + at)));
    }
  else if (xs === 1) {
    const yv = v128.load64_splat(y);
    for (; j + 2 <= n; j += 2) {
      const at = (<usize>j) << 3;
      v128.store(out + at, binaryVector(op, v128.load(x + at), yv));
    }
  } else if (ys === 1) {
    const xv = v128.load64_splat(x);
    for (; j + 2 <= n; j += 2) {
      const at = (<usize>j) << 3;
      v128.store(out + at, binaryVector(op, xv, v128.load(y + at)));
    }
  }
  for (; j < n; j++)
    store<f64>(
      out + ((<usize>j) << 3),
      binaryScalar(op, load<f64>(x + ((<usize>(j * xs)) << 3)), load<f64>(y + ((<usize>(j * ys)) << 3))),
    );
}

/** numpy broadcasting: a row or column stride of 0 repeats a's (b's) single row or column. */
export function binary(
  op: i32,
  a: usize,
  aRow: i32,
  aCol: i32,
  b: usize,
  bRow: i32,
  bCol: i32,
  out: usize,
  rows: i32,
  cols: i32,
): void {
  for (let i = 0; i < rows; i++)
    row(
      op,
      a + ((<usize>(i * aRow)) << 3),
      aCol,
      b + ((<usize>(i * bRow)) << 3),
      bCol,
      out + ((<usize>(i * cols)) << 3),
      cols,
    );
}

/** `a op s`, or `s op a` when `scalarFirst`; `s` is parked at `sAt` so `row` can splat it. */
export function scalar(op: i32, a: usize, sAt: usize, scalarFirst: bool, out: usize, n: i32): void {
  if (scalarFirst) row(op, sAt, 0, a, 1, out, n);
  else row(op, a, 1, sAt, 0, out, n);
}

/** out = alpha·a + beta·b: both products rounded, then the sum (no fused multiply-add), as in JS. */
export function axpby(alpha: f64, a: usize, beta: f64, b: usize, out: usize, n: i32): void {
  const av = f64x2.splat(alpha);
  const bv = f64x2.splat(beta);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const at = (<usize>i) << 3;
    v128.store(out + at, f64x2.add(f64x2.mul(av, v128.load(a + at)), f64x2.mul(bv, v128.load(b + at))));
  }
  for (; i < n; i++) {
    const at = (<usize>i) << 3;
    store<f64>(out + at, alpha * load<f64>(a + at) + beta * load<f64>(b + at));
  }
}

function reduceStart(op: i32): f64 {
  return op === 0 ? 0 : op === 1 ? -Infinity : Infinity;
}

function reduceScalar(op: i32, acc: f64, x: f64): f64 {
  if (op === 0) return acc + x;
  if (op === 1) return x > acc || Number.isNaN(x) ? x : acc;
  return x < acc || Number.isNaN(x) ? x : acc;
}

function reduceVector(op: i32, acc: v128, x: v128): v128 {
  if (op === 0) return f64x2.add(acc, x);
  const nan = f64x2.ne(x, x);
  const better = op === 1 ? f64x2.gt(x, acc) : f64x2.lt(x, acc);
  return v128.bitselect(x, acc, v128.or(better, nan));
}

/** axis 0: one result per column; 1: one per row; 2: one for everything. Always left to right. */
export function reduce(op: i32, axis: i32, src: usize, rows: i32, cols: i32, out: usize): void {
  const start = reduceStart(op);
  if (axis === 2) {
    let acc = start;
    const n = rows * cols;
    for (let i = 0; i < n; i++) acc = reduceScalar(op, acc, load<f64>(src + ((<usize>i) << 3)));
    store<f64>(out, acc);
    return;
  }
  if (axis === 1) {
    for (let i = 0; i < rows; i++) {
      let acc = start;
      const r = src + ((<usize>(i * cols)) << 3);
      for (let j = 0; j < cols; j++) acc = reduceScalar(op, acc, load<f64>(r + ((<usize>j) << 3)));
      store<f64>(out + ((<usize>i) << 3), acc);
    }
    return;
  }
  for (let j = 0; j < cols; j++) store<f64>(out + ((<usize>j) << 3), start);
  for (let i = 0; i < rows; i++) {
    const r = src + ((<usize>(i * cols)) << 3);
    let j = 0;
    for (; j + 2 <= cols; j += 2) {
      const at = (<usize>j) << 3;
      v128.store(out + at, reduceVector(op, v128.load(out + at), v128.load(r + at)));
    }
    for (; j < cols; j++) {
      const at = (<usize>j) << 3;
      store<f64>(out + at, reduceScalar(op, load<f64>(out + at), load<f64>(r + at)));
    }
  }
}
