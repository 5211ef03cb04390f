import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Axis, Backend, BinaryOp, Matrix, ReduceOp, Shape, UnaryOp } from "@stepwise/tensor";
import { unsafeMatrix } from "@stepwise/tensor";
import { expect } from "vitest";
import { kernelsUrl } from "../src/kernels.js";

/** Builds the .wasm when it is missing (it is committed; this only covers a deleted build/ folder). */
export const ensureKernels = (): void => {
  if (existsSync(kernelsUrl(false)) && existsSync(kernelsUrl(true))) return;
  execFileSync(process.execPath, [fileURLToPath(new URL("../scripts/build-wasm.mjs", import.meta.url))], {
    stdio: "inherit",
  });
};

/** mulberry32: a tiny seeded generator, so every run tests the same matrices. */
export const generator = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Uniform in [-1, 1). */
export const randomMatrix = (next: () => number, rows: number, cols: number): Matrix =>
  unsafeMatrix(
    rows,
    cols,
    Float64Array.from({ length: rows * cols }, () => 2 * next() - 1),
  );

/**
 * Parity with the js reference: same shape; each element equal (NaN matching NaN, ±Infinity matching
 * itself) or within `atol + rtol·|expected|`. `exact` also requires identical bits for zeros' signs.
 */
export const expectParity = (
  actual: Matrix,
  expected: Matrix,
  { rtol = 1e-12, atol = 1e-300, exact = false }: { rtol?: number; atol?: number; exact?: boolean } = {},
): void => {
  expect([actual.rows, actual.cols]).toEqual([expected.rows, expected.cols]);
  for (let i = 0; i < expected.data.length; i++) {
    const x = actual.data[i] as number;
    const y = expected.data[i] as number;
    const ok = exact
      ? Object.is(x, y)
      : (Number.isNaN(x) && Number.isNaN(y)) || x === y || Math.abs(x - y) <= atol + rtol * Math.abs(y);
    if (!ok) expect.fail(`element ${i}: wasm ${x}, js ${y} (|Δ| ${Math.abs(x - y)})`);
  }
};

/** A backend's kernel called directly, into storage filled with NaN first: it must write every element. */
const into = (rows: number, cols: number, kernel: (out: Float64Array) => void): Matrix => {
  const out = new Float64Array(rows * cols).fill(Number.NaN);
  kernel(out);
  return unsafeMatrix(rows, cols, out);
};

/** A backend's kernels, each returning its result as a matrix: what these tests compare. */
export const kernels = (backend: Backend) => ({
  matmul: (a: Matrix, b: Matrix, tA: boolean, tB: boolean): Matrix =>
    into(tA ? a.cols : a.rows, tB ? b.rows : b.cols, (out) => backend.matmul(a, b, tA, tB, out)),
  matmulDivide: (a: Matrix, b: Matrix, tA: boolean, tB: boolean, divisor: number): Matrix =>
    into(tA ? a.cols : a.rows, tB ? b.rows : b.cols, (out) =>
      backend.matmulDivide(a, b, tA, tB, divisor, out),
    ),
  unary: (op: UnaryOp, a: Matrix): Matrix => into(a.rows, a.cols, (out) => backend.unary(op, a, out)),
  binary: (op: BinaryOp, a: Matrix, b: Matrix, shape: Shape): Matrix =>
    into(shape[0], shape[1], (out) => backend.binary(op, a, b, shape, out)),
  scalar: (op: BinaryOp, a: Matrix, s: number, scalarFirst: boolean): Matrix =>
    into(a.rows, a.cols, (out) => backend.scalar(op, a, s, scalarFirst, out)),
  reduce: (op: ReduceOp, a: Matrix, axis: Axis | "all"): Matrix =>
    into(axis === "all" ? 1 : axis === 1 ? a.rows : 1, axis === "all" || axis === 1 ? 1 : a.cols, (out) =>
      backend.reduce(op, a, axis, out),
    ),
  axpby: (alpha: number, a: Matrix, beta: number, b: Matrix): Matrix =>
    into(a.rows, a.cols, (out) => backend.axpby(alpha, a, beta, b, out)),
});
