import { describe, expect, it } from "vitest";
import {
  canBlock,
  hasRelaxedSimd,
  hasSharedMemory,
  hasSimd,
  relaxedSimdProbe,
  simdProbe,
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
