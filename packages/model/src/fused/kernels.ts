/*
 * The arithmetic of one training step on plain arrays, written to round exactly as the js backend's ops
 * do when the course functions compose them (packages/tensor/src/js-backend.ts): every element is summed
 * in the same order, every product and quotient formed the same way. Each kernel writes into a buffer the
 * caller owns and reads only its other arguments. Matrices are row-major with `b` (the batch's example
 * count) columns.
 */

/**
 * `Z = W·A + bias` (W is n × k, A is k × b), and `A_out = max(Z, 0)` when given: `add(matmul(W, A), bias)`
 * then `maximum(Z, 0)`. matmul sums each element over k in blocks of four, `C = C + (w0·a0 + w1·a1 + w2·a2 +
 * w3·a3)`, then adds the k mod 4 tail term by term; here each element's sum runs in a register, in that
 * order, and is written once.
 */
export const linearForward = (
  W: Float64Array,
  bias: Float64Array,
  A: Float64Array,
  Z: Float64Array,
  Aout: Float64Array | undefined,
  n: number,
  k: number,
  b: number,
): void => {
  if (k === 2) {
    linearForwardTwoInputs(W, bias, A, Z, Aout, n, b);
    return;
  }
  const k4 = k - (k % 4);
  const b4 = b - (b % 4);
  for (let i = 0; i < n; i++) {
    const w = i * k;
    const z = i * b;
    const bi = bias[i] as number;
    // Four examples at a time share the loads of W's row; each sums on its own, in matmul's order.
    let j = 0;
    for (; j < b4; j += 4) {
      let acc0 = 0;
      let acc1 = 0;
      let acc2 = 0;
      let acc3 = 0;
      let p = 0;
      for (; p < k4; p += 4) {
        const w0 = W[w + p] as number;
        const w1 = W[w + p + 1] as number;
        const w2 = W[w + p + 2] as number;
        const w3 = W[w + p + 3] as number;
        const r0 = p * b + j;
        const r1 = r0 + b;
        const r2 = r1 + b;
        const r3 = r2 + b;
        acc0 =
          acc0 +
          (w0 * (A[r0] as number) + w1 * (A[r1] as number) + w2 * (A[r2] as number) + w3 * (A[r3] as number));
        acc1 =
          acc1 +
          (w0 * (A[r0 + 1] as number) +
            w1 * (A[r1 + 1] as number) +
            w2 * (A[r2 + 1] as number) +
            w3 * (A[r3 + 1] as number));
        acc2 =
          acc2 +
          (w0 * (A[r0 + 2] as number) +
            w1 * (A[r1 + 2] as number) +
            w2 * (A[r2 + 2] as number) +
            w3 * (A[r3 + 2] as number));
        acc3 =
          acc3 +
          (w0 * (A[r0 + 3] as number) +
            w1 * (A[r1 + 3] as number) +
            w2 * (A[r2 + 3] as number) +
            w3 * (A[r3 + 3] as number));
      }
      for (; p < k; p++) {
        const wp = W[w + p] as number;
        const r = p * b + j;
        acc0 = acc0 + wp * (A[r] as number);
        acc1 = acc1 + wp * (A[r + 1] as number);
        acc2 = acc2 + wp * (A[r + 2] as number);
        acc3 = acc3 + wp * (A[r + 3] as number);
      }
      const z0 = acc0 + bi;
      const z1 = acc1 + bi;
      const z2 = acc2 + bi;
      const z3 = acc3 + bi;
      Z[z + j] = z0;
      Z[z + j + 1] = z1;
      Z[z + j + 2] = z2;
      Z[z + j + 3] = z3;
      if (Aout !== undefined) {
        Aout[z + j] = Math.max(z0, 0);
        Aout[z + j + 1] = Math.max(z1, 0);
        Aout[z + j + 2] = Math.max(z2, 0);
        Aout[z + j + 3] = Math.max(z3, 0);
      }
    }
    for (; j < b; j++) {
      let acc = 0;
      let p = 0;
      for (; p < k4; p += 4) {
        const r = p * b + j;
        acc =
          acc +
          ((W[w + p] as number) * (A[r] as number) +
            (W[w + p + 1] as number) * (A[r + b] as number) +
            (W[w + p + 2] as number) * (A[r + 2 * b] as number) +
            (W[w + p + 3] as number) * (A[r + 3 * b] as number));
      }
      for (; p < k; p++) acc = acc + (W[w + p] as number) * (A[p * b + j] as number);
      const zij = acc + bi;
      Z[z + j] = zij;
      if (Aout !== undefined) Aout[z + j] = Math.max(zij, 0);
    }
  }
};

/**
 * linearForward with two inputs (the first layer on every 2-D data set): four examples' two inputs are
 * read once and kept in registers for all n units, instead of once per unit. Each element is formed as
 * above: `((0 + w0·a0) + w1·a1) + bias`.
 */
const linearForwardTwoInputs = (
  W: Float64Array,
  bias: Float64Array,
  A: Float64Array,
  Z: Float64Array,
  Aout: Float64Array | undefined,
  n: number,
  b: number,
): void => {
  const b4 = b - (b % 4);
  let j = 0;
  for (; j < b4; j += 4) {
    const x0 = A[j] as number;
    const x1 = A[j + 1] as number;
    const x2 = A[j + 2] as number;
    const x3 = A[j + 3] as number;
    const y0 = A[b + j] as number;
    const y1 = A[b + j + 1] as number;
    const y2 = A[b + j + 2] as number;
    const y3 = A[b + j + 3] as number;
    for (let i = 0; i < n; i++) {
      const w0 = W[2 * i] as number;
      const w1 = W[2 * i + 1] as number;
      const bi = bias[i] as number;
      const z0 = 0 + w0 * x0 + w1 * y0 + bi;
      const z1 = 0 + w0 * x1 + w1 * y1 + bi;
      const z2 = 0 + w0 * x2 + w1 * y2 + bi;
      const z3 = 0 + w0 * x3 + w1 * y3 + bi;
      const o = i * b + j;
      Z[o] = z0;
      Z[o + 1] = z1;
      Z[o + 2] = z2;
      Z[o + 3] = z3;
      if (Aout !== undefined) {
        Aout[o] = Math.max(z0, 0);
        Aout[o + 1] = Math.max(z1, 0);
        Aout[o + 2] = Math.max(z2, 0);
        Aout[o + 3] = Math.max(z3, 0);
      }
    }
  }
  for (; j < b; j++) {
    const x = A[j] as number;
    const y = A[b + j] as number;
    for (let i = 0; i < n; i++) {
      const zij = 0 + (W[2 * i] as number) * x + (W[2 * i + 1] as number) * y + (bias[i] as number);
      Z[i * b + j] = zij;
      if (Aout !== undefined) Aout[i * b + j] = Math.max(zij, 0);
    }
  }
};

/** The course's sigmoid plugin: `1 / (1 + exp(−z))`. */
export const sigmoidForward = (Z: Float64Array, A: Float64Array, length: number): void => {
  for (let i = 0; i < length; i++) A[i] = 1 / (1 + Math.exp(-(Z[i] as number)));
};

/**
 * Inverted dropout: `D = rand < keep_prob`, `A = A·D / keep_prob` (`divide(multiply(A, D), keep_prob)`).
 * `draws` are the uniform numbers in row-major order.
 */
export const dropoutForward = (
  A: Float64Array,
  D: Float64Array,
  draws: Float64Array,
  keep_prob: number,
  length: number,
): void => {
  for (let i = 0; i < length; i++) {
    const d = (draws[i] as number) < keep_prob ? 1 : 0;
    D[i] = d;
    A[i] = ((A[i] as number) * d) / keep_prob;
  }
};

/*
 * The costs' two logs, one of which a 0/1 label multiplies by zero. With y in {0, 1} and 0 < a < 1 both logs
 * are finite, so that product is ±0 and leaves the other term's bits as they are (x + ±0 = x, and a sum
 * that starts at +0 stays +0 when ±0 is added): its log is not computed. Any other label or output takes
 * the whole expression.
 */

/** binary_cross_entropy.compute_cost: `(−1/m) Σ (y·log a + (1 − y)·log(1 − a))`, summed in index order. */
export const crossEntropyCost = (AL: Float64Array, Y: Float64Array, length: number, m: number): number => {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const a = AL[i] as number;
    const y = Y[i] as number;
    const inside = a > 0 && a < 1;
    const term =
      inside && y === 1
        ? Math.log(a)
        : inside && y === 0
          ? Math.log(1 - a)
          : y * Math.log(a) + (1 - y) * Math.log(1 - a);
    sum = sum + term;
  }
  return (-1 / m) * sum;
};

/** binary_cross_entropy_nansum.compute_cost: `(1/m)·nansum(−log(a)·y + −log(1 − a)·(1 − y))`. */
export const nansumCrossEntropyCost = (
  AL: Float64Array,
  Y: Float64Array,
  length: number,
  m: number,
): number => {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const a = AL[i] as number;
    const y = Y[i] as number;
    const inside = a > 0 && a < 1;
    const term =
      inside && y === 1
        ? -Math.log(a)
        : inside && y === 0
          ? -Math.log(1 - a)
          : -Math.log(a) * y + -Math.log(1 - a) * (1 - y);
    if (!Number.isNaN(term)) sum += term;
  }
  return (1 / m) * sum;
};

/** `Σ_l sumAll(square(W_l))`, each layer summed in index order, the layers added from the first. */
export const sumOfSquaredWeights = (weights: ReadonlyArray<Float64Array>): number => {
  let total = 0;
  for (const W of weights) {
    let s = 0;
    for (let i = 0; i < W.length; i++) s += (W[i] as number) * (W[i] as number);
    total += s;
  }
  return total;
};

/**
 * The output's dZ through binary cross-entropy's `dAL = −(y/a − (1 − y)/(1 − a))` and sigmoid's backward
 * `dA·s·(1 − s)`.
 */
export const sigmoidCrossEntropyBackward = (
  AL: Float64Array,
  Y: Float64Array,
  dZ: Float64Array,
  length: number,
): void => {
  for (let i = 0; i < length; i++) {
    const a = AL[i] as number;
    const y = Y[i] as number;
    const da = -(y / a - (1 - y) / (1 - a));
    dZ[i] = da * a * (1 - a);
  }
};

/** The closed form `dZL = A − Y` (binary_cross_entropy_nansum's `dZL` for a sigmoid). */
export const closedFormBackward = (
  AL: Float64Array,
  Y: Float64Array,
  dZ: Float64Array,
  length: number,
): void => {
  for (let i = 0; i < length; i++) dZ[i] = (AL[i] as number) - (Y[i] as number);
};

/**
 * `dW = dZ·A_prevᵀ / b` (+ `W·(λ/b)` with L2) and `db = Σ_columns dZ / b`: linear_backward_parameters, each
 * dot product summed in order over the batch, then divided once (or multiplied by 1/b: `reciprocal`).
 * Four dot products run side by side, so their adds overlap instead of waiting on each other.
 */
export const linearBackwardParameters = (
  dZ: Float64Array,
  Aprev: Float64Array,
  W: Float64Array,
  dW: Float64Array,
  db: Float64Array,
  n: number,
  k: number,
  b: number,
  lambd: number,
  reciprocal: boolean,
): void => {
  const l2 = lambd / b;
  if (k === 2) gradientsTwoInputs(dZ, Aprev, dW, db, n, b, reciprocal);
  else gradients(dZ, Aprev, dW, db, n, k, b, reciprocal);
  if (lambd !== 0) for (let q = 0; q < n * k; q++) dW[q] = (dW[q] as number) + (W[q] as number) * l2;
};

/** linearBackwardParameters' `dW` and `db` before the L2 term. */
const gradients = (
  dZ: Float64Array,
  Aprev: Float64Array,
  dW: Float64Array,
  db: Float64Array,
  n: number,
  k: number,
  b: number,
  reciprocal: boolean,
): void => {
  const inverse = 1 / b;
  const k4 = k - (k % 4);
  // (Helpers inline: a closure made per call costs more than these small kernels' arithmetic.)
  for (let i = 0; i < n; i++) {
    const z = i * b;
    const row = i * k;
    let j = 0;
    for (; j < k4; j += 4) {
      const a0 = j * b;
      const a1 = a0 + b;
      const a2 = a1 + b;
      const a3 = a2 + b;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < b; p++) {
        const d = dZ[z + p] as number;
        s0 += d * (Aprev[a0 + p] as number);
        s1 += d * (Aprev[a1 + p] as number);
        s2 += d * (Aprev[a2 + p] as number);
        s3 += d * (Aprev[a3 + p] as number);
      }
      dW[row + j] = reciprocal ? inverse * s0 : s0 / b;
      dW[row + j + 1] = reciprocal ? inverse * s1 : s1 / b;
      dW[row + j + 2] = reciprocal ? inverse * s2 : s2 / b;
      dW[row + j + 3] = reciprocal ? inverse * s3 : s3 / b;
    }
  }
  // The k mod 4 columns left, and db (a dot with ones): four rows of dZ at a time, each summed on its own.
  const n4 = n - (n % 4);
  for (let j = k4; j <= k; j++) {
    const a = j * b;
    const bias = j === k;
    let i = 0;
    for (; i < n4; i += 4) {
      const z0 = i * b;
      const z1 = z0 + b;
      const z2 = z1 + b;
      const z3 = z2 + b;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      if (bias)
        for (let p = 0; p < b; p++) {
          s0 += dZ[z0 + p] as number;
          s1 += dZ[z1 + p] as number;
          s2 += dZ[z2 + p] as number;
          s3 += dZ[z3 + p] as number;
        }
      else
        for (let p = 0; p < b; p++) {
          const x = Aprev[a + p] as number;
          s0 += (dZ[z0 + p] as number) * x;
          s1 += (dZ[z1 + p] as number) * x;
          s2 += (dZ[z2 + p] as number) * x;
          s3 += (dZ[z3 + p] as number) * x;
        }
      const out = bias ? db : dW;
      const at = bias ? i : i * k + j;
      const stride = bias ? 1 : k;
      out[at] = reciprocal ? inverse * s0 : s0 / b;
      out[at + stride] = reciprocal ? inverse * s1 : s1 / b;
      out[at + 2 * stride] = reciprocal ? inverse * s2 : s2 / b;
      out[at + 3 * stride] = reciprocal ? inverse * s3 : s3 / b;
    }
    for (; i < n; i++) {
      const z = i * b;
      let s = 0;
      if (bias) for (let p = 0; p < b; p++) s += dZ[z + p] as number;
      else for (let p = 0; p < b; p++) s += (dZ[z + p] as number) * (Aprev[a + p] as number);
      if (bias) db[i] = reciprocal ? inverse * s : s / b;
      else dW[i * k + j] = reciprocal ? inverse * s : s / b;
    }
  }
};

/**
 * `gradients` with two inputs (the first layer on every 2-D data set): two rows of dZ at a time, each
 * example's dZ and both inputs read once for dW's two columns and db. The same sums, in the same order.
 */
const gradientsTwoInputs = (
  dZ: Float64Array,
  Aprev: Float64Array,
  dW: Float64Array,
  db: Float64Array,
  n: number,
  b: number,
  reciprocal: boolean,
): void => {
  const inverse = 1 / b;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const z0 = i * b;
    const z1 = z0 + b;
    let x0 = 0;
    let y0 = 0;
    let s0 = 0;
    let x1 = 0;
    let y1 = 0;
    let s1 = 0;
    for (let p = 0; p < b; p++) {
      const x = Aprev[p] as number;
      const y = Aprev[b + p] as number;
      const d0 = dZ[z0 + p] as number;
      const d1 = dZ[z1 + p] as number;
      x0 += d0 * x;
      y0 += d0 * y;
      s0 += d0;
      x1 += d1 * x;
      y1 += d1 * y;
      s1 += d1;
    }
    dW[2 * i] = reciprocal ? inverse * x0 : x0 / b;
    dW[2 * i + 1] = reciprocal ? inverse * y0 : y0 / b;
    db[i] = reciprocal ? inverse * s0 : s0 / b;
    dW[2 * i + 2] = reciprocal ? inverse * x1 : x1 / b;
    dW[2 * i + 3] = reciprocal ? inverse * y1 : y1 / b;
    db[i + 1] = reciprocal ? inverse * s1 : s1 / b;
  }
  if (i < n) {
    const z = i * b;
    let x0 = 0;
    let y0 = 0;
    let s0 = 0;
    for (let p = 0; p < b; p++) {
      const d = dZ[z + p] as number;
      x0 += d * (Aprev[p] as number);
      y0 += d * (Aprev[b + p] as number);
      s0 += d;
    }
    dW[2 * i] = reciprocal ? inverse * x0 : x0 / b;
    dW[2 * i + 1] = reciprocal ? inverse * y0 : y0 / b;
    db[i] = reciprocal ? inverse * s0 : s0 / b;
  }
};

/**
 * The previous layer's dZ: `dA_prev = Wᵀ·dZ` (matmulTransposeA: summed over p in order, from 0), back
 * through inverted dropout (`dA·D / keep_prob`, when `D` is given) and relu's backward (`dZ[Z <= 0] = 0`).
 */
export const backwardToPreviousLayer = (
  W: Float64Array,
  dZ: Float64Array,
  Zprev: Float64Array,
  D: Float64Array | undefined,
  keep_prob: number,
  dZprev: Float64Array,
  n: number,
  k: number,
  b: number,
): void => {
  if (n <= 2) transposeTimesFewRows(W, dZ, dZprev, n, k, b);
  else transposeTimes(W, dZ, dZprev, n, k, b);
  // dA (in dZprev) through the dropout mask, then relu's backward.
  const size = k * b;
  if (D !== undefined)
    for (let q = 0; q < size; q++) {
      const dA = ((dZprev[q] as number) * (D[q] as number)) / keep_prob;
      dZprev[q] = (Zprev[q] as number) <= 0 ? 0 : dA;
    }
  else for (let q = 0; q < size; q++) if ((Zprev[q] as number) <= 0) dZprev[q] = 0;
};

/** `out = Wᵀ·dZ` (W is n × k, dZ is n × b): each element summed over p in order, from 0. */
const transposeTimes = (
  W: Float64Array,
  dZ: Float64Array,
  out: Float64Array,
  n: number,
  k: number,
  b: number,
): void => {
  const b4 = b - (b % 4);
  for (let i = 0; i < k; i++) {
    const o = i * b;
    // Four examples at a time share the loads of Wᵀ's row; each sums over p on its own, in order.
    let j = 0;
    for (; j < b4; j += 4) {
      let acc0 = 0;
      let acc1 = 0;
      let acc2 = 0;
      let acc3 = 0;
      for (let p = 0; p < n; p++) {
        const w = W[p * k + i] as number;
        const r = p * b + j;
        acc0 = acc0 + w * (dZ[r] as number);
        acc1 = acc1 + w * (dZ[r + 1] as number);
        acc2 = acc2 + w * (dZ[r + 2] as number);
        acc3 = acc3 + w * (dZ[r + 3] as number);
      }
      out[o + j] = acc0;
      out[o + j + 1] = acc1;
      out[o + j + 2] = acc2;
      out[o + j + 3] = acc3;
    }
    for (; j < b; j++) {
      let acc = 0;
      for (let p = 0; p < n; p++) acc = acc + (W[p * k + i] as number) * (dZ[p * b + j] as number);
      out[o + j] = acc;
    }
  }
};

/**
 * transposeTimes for one or two rows of dZ (the layers before a 1- or 2-unit layer): four examples' dZ
 * are read once and kept in registers for all k outputs. The same sums: `(0 + w0·d0) + w1·d1`.
 */
const transposeTimesFewRows = (
  W: Float64Array,
  dZ: Float64Array,
  out: Float64Array,
  n: number,
  k: number,
  b: number,
): void => {
  const two = n === 2;
  const b4 = b - (b % 4);
  let j = 0;
  for (; j < b4; j += 4) {
    const d0 = dZ[j] as number;
    const d1 = dZ[j + 1] as number;
    const d2 = dZ[j + 2] as number;
    const d3 = dZ[j + 3] as number;
    if (two) {
      const e0 = dZ[b + j] as number;
      const e1 = dZ[b + j + 1] as number;
      const e2 = dZ[b + j + 2] as number;
      const e3 = dZ[b + j + 3] as number;
      for (let i = 0; i < k; i++) {
        const w0 = W[i] as number;
        const w1 = W[k + i] as number;
        const o = i * b + j;
        out[o] = 0 + w0 * d0 + w1 * e0;
        out[o + 1] = 0 + w0 * d1 + w1 * e1;
        out[o + 2] = 0 + w0 * d2 + w1 * e2;
        out[o + 3] = 0 + w0 * d3 + w1 * e3;
      }
    } else
      for (let i = 0; i < k; i++) {
        const w0 = W[i] as number;
        const o = i * b + j;
        out[o] = 0 + w0 * d0;
        out[o + 1] = 0 + w0 * d1;
        out[o + 2] = 0 + w0 * d2;
        out[o + 3] = 0 + w0 * d3;
      }
  }
  for (; j < b; j++)
    for (let i = 0; i < k; i++) {
      const first = 0 + (W[i] as number) * (dZ[j] as number);
      out[i * b + j] = two ? first + (W[k + i] as number) * (dZ[b + j] as number) : first;
    }
};

/** `takeColumns(A, columns)` into `out`: row r of the batch is row r of A at the listed columns. */
export const gatherColumns = (
  A: Float64Array,
  rows: number,
  cols: number,
  columns: ReadonlyArray<number>,
  out: Float64Array,
): void => {
  const width = columns.length;
  for (let r = 0; r < rows; r++) {
    const src = r * cols;
    const dst = r * width;
    for (let k = 0; k < width; k++) out[dst + k] = A[src + (columns[k] as number)] as number;
  }
};

/** True when every element is finite. */
export const allFinite = (a: Float64Array): boolean => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * 0;
  return s === 0;
};
