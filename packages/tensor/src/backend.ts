import type { Matrix, Shape } from "./matrix.js";

/** Elementwise functions a backend implements natively (so a fast backend needs no JS callback). */
export type UnaryOp = "negate" | "exp" | "log" | "log1p" | "sqrt" | "abs" | "square" | "tanh" | "reciprocal";

/** Elementwise binary functions; the comparisons return 1 for true and 0 for false. */
export type BinaryOp =
  | "add"
  | "subtract"
  | "multiply"
  | "divide"
  | "maximum"
  | "minimum"
  | "greater"
  | "greaterEqual"
  | "less"
  | "lessEqual"
  | "equal";

export type ReduceOp = "sum" | "max" | "min";

/** numpy's axis: 0 reduces over rows (result 1 × cols), 1 reduces over columns (result rows × 1). */
export type Axis = 0 | 1;

/**
 * The kernels behind every op. Callers never see a backend: the ops in this package check shapes and
 * delegate here, so a faster backend swaps in without touching them. Every kernel allocates its result,
 * never writes to its inputs, and sums in an order fixed by the shapes alone, so results never depend on
 * timing or thread scheduling.
 */
export interface Backend {
  readonly name: string;
  /** `op(a)·op(b)` where op transposes when its flag is set; shapes are already checked. */
  readonly matmul: (a: Matrix, b: Matrix, transposeA: boolean, transposeB: boolean) => Matrix;
  /**
   * `op(a)·op(b) / divisor`: each element summed as `matmul` sums it, then divided once (a division, not a
   * product with 1/divisor), so the result is `divide(matmul(…), divisor)` to the bit, in one pass and one
   * array: the course's `dW = dZ·A_prevᵀ / m`.
   */
  readonly matmulDivide: (
    a: Matrix,
    b: Matrix,
    transposeA: boolean,
    transposeB: boolean,
    divisor: number,
  ) => Matrix;
  readonly unary: (op: UnaryOp, a: Matrix) => Matrix;
  /** `a op b` with numpy broadcasting (a dimension of 1 stretches); `out` is the broadcast shape. */
  readonly binary: (op: BinaryOp, a: Matrix, b: Matrix, out: Shape) => Matrix;
  /** `a op s`, or `s op a` when `scalarFirst`. */
  readonly scalar: (op: BinaryOp, a: Matrix, s: number, scalarFirst: boolean) => Matrix;
  /** Reduction over one axis (keepdims) or over everything (a 1 × 1 result). */
  readonly reduce: (op: ReduceOp, a: Matrix, axis: Axis | "all") => Matrix;
  /**
   * `alpha·a + beta·b` for same-shaped `a` and `b` (checked), each element rounded as
   * `add(multiply(alpha, a), multiply(beta, b))`: two products, then one sum, never a fused multiply-add.
   * The optimizers' steps in one pass and one array.
   */
  readonly axpby: (alpha: number, a: Matrix, beta: number, b: Matrix) => Matrix;
  /**
   * Optional: a new array of `length` doubles (any contents) in storage this backend reads and writes in
   * place, such as the wasm backend's own memory, so results and operands need no copying in or out.
   * Only a recycler (recycler.ts) asks for one, and it reuses such arrays from step to step.
   */
  readonly allocate?: (length: number) => Float64Array;
}
