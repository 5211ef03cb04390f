import { withBackend } from "@stepwise/tensor";
import { loadCat, trainCourse } from "/work/main/packages/backend-wasm/bench/course-run.js";
import { createWasmBackend } from "/work/main/packages/backend-wasm/src/index.js";

const data = await loadCat();
const wasm = await createWasmBackend();
withBackend(wasm, () => trainCourse(data, 5, "primal"));
const n = Number(process.argv[2] ?? 150);
const xs: number[] = [];
for (let r = 0; r < 7; r++)
  xs.push((withBackend(wasm, () => trainCourse(data, n, "primal")).seconds * 1000) / n);
xs.sort((a, b) => a - b);
console.log("ms/iter median", xs[3]?.toFixed(2), "min", xs[0]?.toFixed(2), "max", xs[6]?.toFixed(2));
await wasm.dispose();
