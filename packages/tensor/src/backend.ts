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
 * The kernels behind every op, and the storage a matrix's numbers live in: a matrix carries the backend
 * that holds it (`Matrix.backend`), and every op runs on its operands' backend (placement.ts).
 *
 * Callers never call a kernel: the ops in this package check shapes and backends, take the result's
 * storage (`out`, any contents, the result's length) and hand it to the kernel, which writes every
 * element of it and never writes to its inputs. Each kernel sums in an order fixed by the shapes alone,
 * so results never depend on timing or thread scheduling.
 */
export interface Backend {
  readonly name: string;
  /** `op(a)·op(b)` into `out` (op transposes when its flag is set); shapes are already checked. */
  readonly matmul: (
    a: Matrix,
    b: Matrix,
    transposeA: boolean,
    transposeB: boolean,
    out: Float64Array,
  ) => void;
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
    out: Float64Array,
  ) => void;
  readonly unary: (op: UnaryOp, a: Matrix, out: Float64Array) => void;
  /** `a op b` with numpy broadcasting (a dimension of 1 stretches) into `out`, of the broadcast `shape`. */
  readonly binary: (op: BinaryOp, a: Matrix, b: Matrix, shape: Shape, out: Float64Array) => void;
  /** `a op s`, or `s op a` when `scalarFirst`. */
  readonly scalar: (op: BinaryOp, a: Matrix, s: number, scalarFirst: boolean, out: Float64Array) => void;
  /** Reduction over one axis (keepdims) or over everything (`out` has one element). */
  readonly reduce: (op: ReduceOp, a: Matrix, axis: Axis | "all", out: Float64Array) => void;
  /**
   * `alpha·a + beta·b` for same-shaped `a` and `b` (checked), each element rounded as
   * `add(multiply(alpha, a), multiply(beta, b))`: two products, then one sum, never a fused multiply-add.
   * The optimizers' steps in one pass and one array.
   */
  readonly axpby: (alpha: number, a: Matrix, beta: number, b: Matrix, out: Float64Array) => void;
  /**
   * Optional: a new array of `length` doubles (any contents) in storage this backend reads and writes in
   * place, such as the wasm backend's own memory, so results and operands need no copying in or out.
   * Only a recycler (recycler.ts) asks for one, and it reuses such arrays from step to step.
   */
  readonly allocate?: (length: number) => Float64Array;
  /** Set only on a recycler's view of a backend (recycler.ts); a backend's author never sets it. */
  readonly recycling?: Recycling;
}

/**
 * What a recycler's view of a backend adds: it computes with the viewed backend's kernels and counts as
 * that backend wherever operands meet, but its results' storage comes from the recycler.
 */
export interface Recycling {
  /** The backend viewed (never itself a view). */
  readonly of: Backend;
  /** An array of `length` doubles (any contents) while one of the recycler's steps runs, else undefined. */
  readonly take: (length: number) => Float64Array | undefined;
}
