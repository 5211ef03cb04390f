import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createWasmBackend, type WasmBackend, wasmBackendAvailable } from "@stepwise/backend-wasm";
import { invalidArgument, type Matrix, raise } from "@stepwise/tensor";
import { assertClose } from "@stepwise/testkit";
import { afterAll, beforeAll } from "vitest";

/** Builds the wasm kernels when they are missing (a fresh clone whose pipeline has not built them). */
export const ensureKernels = (): void => {
  if (wasmBackendAvailable()) return;
  const script = new URL("../../../packages/backend-wasm/scripts/build-wasm.mjs", import.meta.url);
  execFileSync(process.execPath, [fileURLToPath(script)], { stdio: "inherit" });
};

/** numpy's allclose, NaN matching NaN: |actual − expected| ≤ atol + rtol·|expected| everywhere. */
export const expectParity = (
  actual: Matrix,
  expected: Matrix,
  { rtol = 1e-12, atol = 1e-300 }: { readonly rtol?: number; readonly atol?: number } = {},
): void => assertClose(actual, expected, { rtol, atol }, "wasm against the reference");

/**
 * A wasm backend for the test file that calls this: started before its tests (building the kernels
 * first in a fresh clone, which takes a while: hence the long timeout) and stopped after them.
 */
export const useWasmBackend = (): (() => WasmBackend) => {
  let wasm: WasmBackend | undefined;
  beforeAll(async () => {
    ensureKernels();
    wasm = await createWasmBackend();
  }, 180_000);
  afterAll(() => wasm?.dispose());
  return () =>
    wasm ?? raise(invalidArgument("useWasmBackend: the wasm backend starts in beforeAll; call it in a test"));
};
