import { readFileSync } from "node:fs";
import { equals, jsBackend, type Matrix } from "@stepwise/tensor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KC, MC } from "../src/descriptor.js";
import { createWasmBackend, type WasmBackend } from "../src/index.js";
import { ensureKernels, expectParity, generator, kernels, randomMatrix } from "./helpers.js";

// The product packs op(A) a k-block at a time into scratch of each block's own (assembly/gemm.ts): every
// layout of op(A), rows left over from the 4-row groups, blocks of more than 64 rows, partial k-blocks and
// panels, cut along panels or along rows and run on 1, 2 or 3 threads, must give the same bits. A large
// op(A) cut along panels on several threads is packed once for all blocks (a PACK_A job) instead.
let backends: ReadonlyArray<WasmBackend> = [];
beforeAll(async () => {
  ensureKernels();
  backends = await Promise.all([1, 2, 3].map((threads) => createWasmBackend({ threads })));
}, 180_000);
afterAll(() => Promise.all(backends.map((b) => b.dispose())));

const next = generator(23);

const variants = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
] as const;

// [m, k, n]: a wide output (cut along panels), tall ones (cut along rows; on one thread a block of more
// than 64 rows), m ≡ 1, 2, 3 (mod 4), k one past a k-block, n not a multiple of 4. The last two are
// large enough (m·k ≥ 65536) for the shared pack on 2 and 3 threads, one with rows past MC (64).
const shapes: ReadonlyArray<readonly [number, number, number]> = [
  [37, 301, 203],
  [203, 301, 37],
  [131, 129, 9],
  [66, 257, 70],
  [7, 2000, 61],
  [21, 4001, 30],
  [70, 1100, 90],
];

const operands = (m: number, k: number, n: number, tA: boolean, tB: boolean): [Matrix, Matrix] => [
  tA ? randomMatrix(next, k, m) : randomMatrix(next, m, k),
  tB ? randomMatrix(next, n, k) : randomMatrix(next, k, n),
];

describe("packed A: every layout of op(A) at odd shapes, on 1, 2 and 3 threads", () => {
  for (const [tA, tB] of variants)
    it.each(shapes)(`${tA ? "Aᵀ" : "A"}·${tB ? "Bᵀ" : "B"} for m, k, n = %i, %i, %i`, (m, k, n) => {
      const [a, b] = operands(m, k, n, tA, tB);
      const [first, ...others] = backends.map((w) => kernels(w).matmul(a, b, tA, tB));
      if (first === undefined) throw new Error("no backend");
      for (const other of others) expect(equals(other, first)).toBe(true);
      // The js reference sums A·Bᵀ and Aᵀ·B in the kernel's order: identical bits without FMA.
      const exact = !backends[0]?.fusedMultiplyAdd && tA !== tB;
      expectParity(first, kernels(jsBackend).matmul(a, b, tA, tB), {
        atol: 4 * k * k * Number.EPSILON,
        exact,
      });
      for (const [i, w] of backends.entries()) {
        const divided = kernels(w).matmulDivide(a, b, tA, tB, 209);
        expectParity(divided, kernels(w).scalar("divide", first, 209, false), { exact: true });
        const reference = backends[0];
        if (i > 0 && reference !== undefined)
          expect(equals(divided, kernels(reference).matmulDivide(a, b, tA, tB, 209))).toBe(true);
      }
    });
});

it("sizes the scratch with the kernel's own block sizes", () => {
  const source = readFileSync(new URL("../assembly/gemm.ts", import.meta.url), "utf8");
  const constant = (name: string): number =>
    Number(new RegExp(`export const ${name}: i32 = (\\d+);`).exec(source)?.[1]);
  expect([constant("MC"), constant("KC")]).toEqual([MC, KC]);
});
