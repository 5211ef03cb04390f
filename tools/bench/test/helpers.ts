import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { wasmBackendAvailable } from "@stepwise/backend-wasm";
import type { Matrix } from "@stepwise/tensor";
import { assertClose } from "@stepwise/testkit";

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
