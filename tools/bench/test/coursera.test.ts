import { loadCourseraLLayer } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { loadCat, trainCourse } from "../src/course-run.js";
import { useWasmBackend } from "./helpers.js";

const wasm = useWasmBackend();

// The full 2500 iterations take about a minute here on a quiet machine, several when it is busy; they
// run in `pnpm --filter @stepwise/bench parity` (src/parity.ts). The tests train the first 300.
const ITERATIONS = 300;

describe("coursera-L-layer.json with the primal plan on the wasm backend", () => {
  it(`every cost of the first ${ITERATIONS} iterations within 1e-9 of numpy's`, async () => {
    const fixture = loadCourseraLLayer();
    const data = await loadCat();
    const run = trainCourse(data, ITERATIONS, "primal", wasm());
    expect(run.plan).toBe("primal");
    expect(run.costs).toHaveLength(ITERATIONS);
    const worst = Math.max(...run.costs.map((c, i) => Math.abs(c - (fixture.costs[i] ?? Number.NaN))));
    expect(worst).toBeLessThanOrEqual(1e-9);
    // X is copied and packed once, then stays resident.
    expect(wasm().stats().residentArrays).toBe(1);
  }, 300_000);
});
