import { describe, expect, it } from "vitest";
import {
  canBlock,
  hasRelaxedSimd,
  hasSharedMemory,
  hasSimd,
  probeEnvironment,
  relaxedSimdProbe,
  simdProbe,
  unavailableReason,
} from "../src/features.js";
import { wasmBackendAvailable, wasmBackendUnavailableReason } from "../src/index.js";
import { ensureKernels } from "./helpers.js";

describe("feature probes", () => {
  it("are well-formed modules", () => {
    // A module that is malformed would fail validation for the wrong reason; v128.const alone must pass.
    expect(simdProbe.length).toBeGreaterThan(8);
    expect(relaxedSimdProbe.length).toBeGreaterThan(simdProbe.length);
  });
  it("find SIMD, shared memory and a blocking thread in Node", () => {
    expect(hasSimd()).toBe(true);
    expect(hasSharedMemory()).toBe(true);
    expect(canBlock()).toBe(true);
  });
  it("report relaxed SIMD as the runtime validates it", () => {
    expect(typeof hasRelaxedSimd()).toBe("boolean");
  });
  it("wasmBackendAvailable once the kernels are built (they are committed), with no reason against it", () => {
    ensureKernels();
    expect(wasmBackendUnavailableReason()).toBeUndefined();
    expect(wasmBackendAvailable()).toBe(true);
  }, 180_000);
});

describe("unavailableReason", () => {
  const node = {
    webAssembly: true,
    simd: true,
    sharedMemory: true,
    crossOriginIsolated: undefined,
    canBlock: true,
  } as const;

  it("is undefined where the backend can run (Node here)", () => {
    expect(unavailableReason(probeEnvironment())).toBeUndefined();
    expect(unavailableReason(node)).toBeUndefined();
  });

  it("off a cross-origin isolated page, names the COOP/COEP headers and the js backend", () => {
    const page = { ...node, sharedMemory: false, crossOriginIsolated: false };
    const reason = unavailableReason(page) ?? "";
    expect(reason).toContain("this page is not cross-origin isolated (crossOriginIsolated is false)");
    expect(reason).toContain('"Cross-Origin-Opener-Policy: same-origin"');
    expect(reason).toContain('"Cross-Origin-Embedder-Policy: require-corp"');
    expect(reason).toContain("use the js backend instead (jsBackend from @stepwise/tensor)");
  });

  it("on a thread that may not block, says to train in a Web Worker", () => {
    expect(unavailableReason({ ...node, canBlock: false, crossOriginIsolated: true })).toMatch(
      /^this thread may not block on Atomics\.wait, as a page's main thread may not; .* inside a Web Worker/,
    );
  });

  it("names a missing WebAssembly, SIMD or shared memory", () => {
    expect(unavailableReason({ ...node, webAssembly: false })).toMatch(
      /^this runtime has no WebAssembly; use/,
    );
    expect(unavailableReason({ ...node, simd: false })).toMatch(/has no SIMD/);
    expect(unavailableReason({ ...node, sharedMemory: false })).toMatch(/no shared WebAssembly memory/);
  });
});
