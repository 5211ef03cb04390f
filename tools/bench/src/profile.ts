/**
 * Where an iteration of the course's primal run spends its time, backend call by backend call.
 *
 *   node --conditions=@stepwise/source --import tsx src/profile.ts [--backend wasm|js] [--iters 50]
 */
import { parseArgs } from "node:util";
import { createWasmBackend } from "@stepwise/backend-wasm";
import { jsBackend } from "@stepwise/tensor";
import { loadCat, trainCourse } from "./course-run.js";
import { breakdown, type Totals, timed } from "./timed.js";

const { values } = parseArgs({
  options: { backend: { type: "string", default: "wasm" }, iters: { type: "string", default: "50" } },
});
const iterations = Number(values.iters);
const data = await loadCat();
const wasm = await createWasmBackend();
const backend = values.backend === "js" ? jsBackend : wasm;
trainCourse(data, 5, "primal", backend); // warm up
const totals: Totals = new Map();
const run = trainCourse(data, iterations, "primal", timed(backend, totals));
console.log(`| ${values.backend} backend, primal plan: call | ms per iteration |\n| --- | ---: |`);
console.log(breakdown(totals, iterations, run.seconds / iterations, 12).join("\n"));
await wasm.dispose();
