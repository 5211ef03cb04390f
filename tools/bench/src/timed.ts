import type { Backend } from "@stepwise/tensor";

export type Totals = Map<string, { ms: number; calls: number }>;

/** `backend` with each call's time added to `totals`, keyed by method, op and shapes. */
export const timed = (backend: Backend, totals: Totals): Backend => {
  const time =
    <A extends unknown[], R>(key: (...args: A) => string, f: (...args: A) => R) =>
    (...args: A): R => {
      const start = performance.now();
      const result = f(...args);
      const k = key(...args);
      const t = totals.get(k) ?? { ms: 0, calls: 0 };
      totals.set(k, { ms: t.ms + performance.now() - start, calls: t.calls + 1 });
      return result;
    };
  const s = (m: { rows: number; cols: number }): string => `${m.rows}×${m.cols}`;
  return {
    name: backend.name,
    matmul: time((a, b, tA, tB) => `matmul ${s(a)}${tA ? "ᵀ" : ""}·${s(b)}${tB ? "ᵀ" : ""}`, backend.matmul),
    matmulDivide: time(
      (a, b, tA, tB) => `matmulDivide ${s(a)}${tA ? "ᵀ" : ""}·${s(b)}${tB ? "ᵀ" : ""}`,
      backend.matmulDivide,
    ),
    unary: time((op, a) => `unary ${op} ${s(a)}`, backend.unary),
    binary: time((op, a, b) => `binary ${op} ${s(a)}, ${s(b)}`, backend.binary),
    scalar: time((op, a) => `scalar ${op} ${s(a)}`, backend.scalar),
    reduce: time((op, a, axis) => `reduce ${op} ${s(a)} ${axis}`, backend.reduce),
    axpby: time((_alpha, a) => `axpby ${s(a)}`, backend.axpby),
    ...(backend.allocate === undefined ? {} : { allocate: backend.allocate }),
  };
};

/** The `top` most expensive keys as markdown table rows (ms per iteration), then the rest summed. */
export const breakdown = (
  totals: Totals,
  iterations: number,
  secondsPerIteration: number,
  top = 6,
): string[] => {
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms);
  const per = (ms: number): string => (ms / iterations).toFixed(2);
  const inBackend = rows.reduce((sum, [, t]) => sum + t.ms, 0);
  const rest = rows.slice(top).reduce((sum, [, t]) => sum + t.ms, 0);
  return [
    ...rows.slice(0, top).map(([key, t]) => `| ${key} | ${per(t.ms)} |`),
    `| ${rows.length - top} other backend calls | ${per(rest)} |`,
    `| outside the backend (the model's own code, checks, GC) | ${(secondsPerIteration * 1000 - inBackend / iterations).toFixed(2)} |`,
    `| **total** | **${(secondsPerIteration * 1000).toFixed(2)}** |`,
  ];
};
