import { existsSync } from "node:fs";
import { createWasmBackend } from "@stepwise/backend-wasm";
import { jsBackend } from "@stepwise/tensor";
import { beforeAll, describe, expect, it } from "vitest";
import { type BrowserCheckResult, DEFAULT_CHROMIUM, runBrowserCheck } from "../src/run.js";
import { TINY_RUN, tinyRun } from "../src/tiny-run.js";

const chromium = process.env["STEPWISE_CHROMIUM"] ?? DEFAULT_CHROMIUM;
const missing = !existsSync(chromium);
if (missing)
  console.warn(
    `@stepwise/browser-check: skipping the headless Chromium test: no Chromium at ${chromium} (apt-get install -y chromium, or set STEPWISE_CHROMIUM)`,
  );

/** The same run in Node: the js reference, and the wasm backend's plain SIMD build. */
const nodeCosts = async (): Promise<{
  readonly js: ReadonlyArray<number>;
  readonly wasm: ReadonlyArray<number>;
}> => {
  const wasm = await createWasmBackend({ fusedMultiplyAdd: false });
  try {
    return { js: tinyRun(jsBackend), wasm: tinyRun(wasm) };
  } finally {
    await wasm.dispose();
  }
};

const relativeGap = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number =>
  Math.max(...a.map((x, i) => Math.abs(x - (b[i] as number)) / Math.abs(b[i] as number)));

describe.skipIf(missing)("the wasm backend in headless Chromium (a page bundled by esbuild)", () => {
  let check: BrowserCheckResult;
  let node: Awaited<ReturnType<typeof nodeCosts>>;
  beforeAll(async () => {
    node = await nodeCosts();
    check = await runBrowserCheck({
      executablePath: chromium,
      pages: [{ isolated: true, fusedMultiplyAdd: false }, { isolated: true }, { isolated: false }],
    });
  }, 300_000);

  const page = (i: number) => {
    const p = check.pages[i];
    if (p === undefined) throw new Error(`no page ${i}`);
    return p.result;
  };

  it("trains in a Web Worker on a cross-origin isolated page, with the same costs as Node, bit for bit", () => {
    const { worker, crossOriginIsolated } = page(0);
    expect(crossOriginIsolated).toBe(true);
    if (!worker.ok) throw new Error(worker.error);
    expect(worker.fusedMultiplyAdd).toBe(false);
    expect(worker.threads).toBeGreaterThanOrEqual(1);
    expect(worker.costs).toHaveLength(TINY_RUN.iterations);
    // Same kernels, same order of every sum: the plain build gives Node's numbers exactly.
    expect(worker.costs).toEqual(node.wasm);
    // And the js reference's to 1e-12 (its A·B groups sums in fours; see backend-wasm's README).
    expect(relativeGap(worker.costs, node.js)).toBeLessThan(1e-12);
  });

  it("takes the relaxed-SIMD build where Chromium has it: fused multiply-adds, costs to 1e-9", () => {
    const { worker } = page(1);
    if (!worker.ok) throw new Error(worker.error);
    expect(worker.fusedMultiplyAdd).toBe(true);
    expect(relativeGap(worker.costs, node.js)).toBeLessThan(1e-9);
  });

  it("refuses the page's main thread, naming Web Workers", () => {
    expect(page(0).mainThread).toMatch(
      /^createWasmBackend: this thread may not block on Atomics\.wait.*Web Worker/,
    );
  });

  it("off a cross-origin isolated page, names the COOP/COEP headers and the js backend", () => {
    const { crossOriginIsolated, worker } = page(2);
    expect(crossOriginIsolated).toBe(false);
    if (worker.ok) throw new Error("the backend started without cross-origin isolation");
    expect(worker.error).toContain('"Cross-Origin-Opener-Policy: same-origin"');
    expect(worker.error).toContain('"Cross-Origin-Embedder-Policy: require-corp"');
    expect(worker.error).toContain("jsBackend from @stepwise/tensor");
  });
});
