/**
 * Run by fused.test.ts in a child Node started with relaxed SIMD enabled: checks the fused
 * multiply-add build against the js reference on every Backend method, prints one JSON line.
 */
import { jsBackend, type Matrix } from "@stepwise/tensor";
import { createWasmBackend } from "../src/index.js";
import { generator, kernels, randomMatrix } from "./helpers.js";

const wasm = await createWasmBackend({ fusedMultiplyAdd: true });
const next = generator(11);
let failures = 0;
let worstRelative = 0;
const compare = (x: Matrix, y: Matrix, atol: number): void => {
  for (let i = 0; i < y.data.length; i++) {
    const [a, b] = [x.data[i] as number, y.data[i] as number];
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
    const d = Math.abs(a - b);
    if (Math.abs(b) > 1e-3) worstRelative = Math.max(worstRelative, d / Math.abs(b));
    if (!(d <= atol + 1e-12 * Math.abs(b))) failures++;
  }
};
const shapes: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1],
  [5, 7, 9],
  [9, 129, 6],
  [70, 300, 90],
  [20, 2000, 33],
];
for (const [m, k, n] of shapes)
  for (const tA of [false, true])
    for (const tB of [false, true]) {
      const a = tA ? randomMatrix(next, k, m) : randomMatrix(next, m, k);
      const b = tB ? randomMatrix(next, n, k) : randomMatrix(next, k, n);
      compare(
        kernels(wasm).matmul(a, b, tA, tB),
        kernels(jsBackend).matmul(a, b, tA, tB),
        4 * k * k * Number.EPSILON,
      );
      compare(
        kernels(wasm).matmulDivide(a, b, tA, tB, 209),
        kernels(jsBackend).matmulDivide(a, b, tA, tB, 209),
        (4 * k * k * Number.EPSILON) / 209,
      );
    }
const a = randomMatrix(next, 13, 17);
compare(kernels(wasm).unary("exp", a), kernels(jsBackend).unary("exp", a), 0);
compare(
  kernels(wasm).binary("divide", a, a, [13, 17]),
  kernels(jsBackend).binary("divide", a, a, [13, 17]),
  0,
);
compare(kernels(wasm).reduce("sum", a, 1), kernels(jsBackend).reduce("sum", a, 1), 0);
// Elementwise ops never fuse, in either build: axpby is exact.
compare(kernels(wasm).axpby(0.9, a, 0.1, a), kernels(jsBackend).axpby(0.9, a, 0.1, a), 0);
console.log(JSON.stringify({ fused: wasm.fusedMultiplyAdd, failures, worstRelative }));
await wasm.dispose();
