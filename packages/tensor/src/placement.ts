/**
 * The device follows the data: every matrix carries the backend that holds its storage, every op runs
 * on its operands' backend and puts its result there, and two operands on different backends are an
 * error that names both. Nothing here is module state, so two trainings on two backends can run
 * interleaved in one process (a page, a test runner) without touching each other.
 */
import type { Backend } from "./backend.js";
import { raise, stepwiseError } from "./errors.js";
import { formatShape, type Matrix, type Shape } from "./matrix.js";

/** The backend a recycler's view stands for, or the backend itself. */
export const homeOf = (backend: Backend): Backend => backend.recycling?.of ?? backend;

/** Whether two backends are one (a recycler's view of a backend counts as that backend). */
export const sameBackend = (a: Backend, b: Backend): boolean => a === b || homeOf(a) === homeOf(b);

const describe = (m: Matrix): string => `${formatShape(m)} is on the ${m.backend.name} backend`;

/** The error for operands on two backends: names the op, both shapes and both backends, and the fix. */
export const backendMismatch = (fn: string, a: Matrix, b: Matrix) =>
  stepwiseError(
    "BackendMismatch",
    `${fn}: ${describe(a)} but ${describe(b)}${a.backend.name === b.backend.name ? " (another instance)" : ""}; an op's operands must share a backend: move one with toBackend(m, backend)`,
  );

/**
 * The backend two operands share, which the result goes to: the first operand's. Operands on two
 * backends are a caller's bug (data is moved once, at the edge, with `toBackend`), so this throws.
 */
export const sharedBackend = (fn: string, a: Matrix, b: Matrix): Backend =>
  sameBackend(a.backend, b.backend) ? a.backend : raise(backendMismatch(fn, a, b));

/** The backend all of `parts` share (the first one's); throws naming the first that differs. */
export const sharedByAll = (fn: string, parts: ReadonlyArray<Matrix>): Backend | undefined => {
  const [first, ...rest] = parts;
  if (first === undefined) return undefined;
  for (const p of rest) sharedBackend(fn, first, p);
  return first.backend;
};

/**
 * Storage for a result of `length` doubles on `backend`, any contents: from its recycler's free lists
 * while a step of that recycler runs (recycler.ts), else a fresh array.
 */
export const storageOn = (backend: Backend, length: number): Float64Array =>
  backend.recycling?.take(length) ?? new Float64Array(length);

/** Like `storageOn`, zero-filled (a fresh array already is). */
export const zeroStorageOn = (backend: Backend, length: number): Float64Array =>
  backend.recycling?.take(length)?.fill(0) ?? new Float64Array(length);

/** Wraps storage as a matrix on `backend`, without copying or checking (for ops that just filled it). */
export const matrixOn = (backend: Backend, rows: number, cols: number, data: Float64Array): Matrix => ({
  rows,
  cols,
  data,
  backend,
});

/** Runs `kernel` into fresh storage of `shape` on `backend`: how every op makes its result. */
export const computeOn = (
  backend: Backend,
  [rows, cols]: Shape,
  kernel: (out: Float64Array) => void,
): Matrix => {
  const out = storageOn(backend, rows * cols);
  kernel(out);
  return matrixOn(backend, rows, cols, out);
};

/**
 * `m` on `backend`: the same numbers, and from now on every op on it runs there. Both of Stepwise's
 * backends compute on ordinary Float64Arrays (the wasm backend copies an operand in, and keeps large
 * inputs such as X resident from their first use), so moving shares the immutable array instead of
 * copying it. Move data once, at the edge (a training run moves X, Y and the initial parameters).
 */
export const toBackend = (m: Matrix, backend: Backend): Matrix =>
  m.backend === backend ? m : matrixOn(backend, m.rows, m.cols, m.data);

/** Every matrix of a dictionary (parameters, grads, an optimizer's moments) on `backend`. */
export const dictionaryToBackend = <K extends string>(
  dictionary: Readonly<Partial<Record<K, Matrix>>>,
  backend: Backend,
): Readonly<Partial<Record<K, Matrix>>> =>
  Object.fromEntries(
    Object.entries<Matrix | undefined>(dictionary).map(([key, m]) => [
      key,
      m === undefined ? m : toBackend(m, backend),
    ]),
  ) as Readonly<Partial<Record<K, Matrix>>>;
