import { type Matrix, unsafeMatrix } from "@stepwise/tensor";
import { createWasmBackend } from "../src/index.js";

const rnd = (r: number, c: number, seed: number): Matrix => {
  let s = seed;
  return unsafeMatrix(
    r,
    c,
    Float64Array.from({ length: r * c }, () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    }),
  );
};
const X = rnd(12288, 209, 1),
  W1 = rnd(20, 12288, 2),
  dZ1 = rnd(20, 209, 3);
const threads = Number(process.argv[2] ?? 2);
const wasm = await createWasmBackend({ threads });
const F = (2 * 20 * 12288 * 209) / 1e6;
const t = (f: () => unknown) => {
  const s = performance.now();
  f();
  return performance.now() - s;
};
const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1] as number;
for (let i = 0; i < 3; i++) {
  wasm.matmul(W1, X, false, false);
  wasm.matmul(dZ1, X, false, true);
}
for (let round = 0; round < 3; round++) {
  const a: number[] = [],
    b: number[] = [],
    c: number[] = [],
    d: number[] = [];
  for (let i = 0; i < 15; i++) a.push(t(() => wasm.matmul(W1, X, false, false)));
  for (let i = 0; i < 15; i++) b.push(t(() => wasm.matmul(dZ1, X, false, true)));
  for (let i = 0; i < 15; i++) {
    c.push(t(() => wasm.matmul(W1, X, false, false)));
    d.push(t(() => wasm.matmul(dZ1, X, false, true)));
  }
  console.log(
    `threads ${threads}: repeated W1·X ${(F / med(a)).toFixed(1)} dZ1·Xt ${(F / med(b)).toFixed(1)} | alternating W1·X ${(F / med(c)).toFixed(1)} dZ1·Xt ${(F / med(d)).toFixed(1)} GFLOP/s`,
  );
}
await wasm.dispose();
