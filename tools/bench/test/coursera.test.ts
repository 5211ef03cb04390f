import { createWasmBackend, type WasmBackend } from "@stepwise/backend-wasm";
import { loadCourseraLLayer } from "@stepwise/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCat, trainCourse } from "../src/course-run.js";
import { ensureKernels } from "./helpers.js";

let wasm: WasmBackend;
// Building the kernels (a fresh clone) takes a while: a long timeout for the hook that may do it.
beforeAll(async () => {
  ensureKernels();
  wasm = await createWasmBackend();
}, 180_000);
afterAll(() => wasm.dispose());

// The full 2500 iterations take about a minute here on a quiet machine, several when it is busy; they
// run in `pnpm --filter @stepwise/backend-wasm parity` (bench/parity.ts). The tests train the first 300.
const ITERATIONS = 300;

describe("coursera-L-layer.json with the primal plan on the wasm backend", () => {
  it(`every cost of the first ${ITERATIONS} iterations within 1e-9 of numpy's`, async () => {
    const fixture = loadCourseraLLayer();
    const data = await loadCat();
    const run = trainCourse(data, ITERATIONS, "primal", wasm);
    expect(run.plan).toBe("primal");
    expect(run.costs).toHaveLength(ITERATIONS);
    const worst = Math.max(...run.costs.map((c, i) => Math.abs(c - (fixture.costs[i] ?? Number.NaN))));
    expect(worst).toBeLessThanOrEqual(1e-9);
    // X is copied and packed once, then stays resident.
    expect(wasm.stats().residentArrays).toBe(1);
  }, 300_000);
});
