// tools/browser-check's tiny run (browser/src/tiny-run.mjs, transpiled from its tiny-run.ts) in Node, on
// the installed wasm backend's plain SIMD build: the costs the page in Chromium must print.
import { createWasmBackend } from "@stepwise/backend-wasm";
import { tinyRun } from "./browser/src/tiny-run.mjs";

const wasm = await createWasmBackend({ fusedMultiplyAdd: false });
try {
  console.log(JSON.stringify(tinyRun(wasm)));
} finally {
  await wasm.dispose();
}
