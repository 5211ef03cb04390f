import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hasRelaxedSimd } from "../src/index.js";
import { ensureKernels } from "./helpers.js";

// Where the runtime has relaxed SIMD (Node ≥ 22, browsers) every other test already runs the fused
// build. Node 20 has it behind a flag: check the fused build in a child process started with it.
describe.skipIf(hasRelaxedSimd())(
  "the fused multiply-add build (Node 20: --experimental-wasm-relaxed-simd)",
  () => {
    it("agrees with the js reference to relative 1e-12 (tiny absolute floor for cancelling sums)", () => {
      ensureKernels();
      const out = execFileSync(
        process.execPath,
        [
          "--experimental-wasm-relaxed-simd",
          "--conditions=@stepwise/source",
          "--import",
          "tsx",
          "test/fused-child.ts",
        ],
        { cwd: fileURLToPath(new URL("..", import.meta.url)), encoding: "utf8" },
      );
      const result = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as {
        fused: boolean;
        failures: number;
      };
      expect(result).toMatchObject({ fused: true, failures: 0 });
    }, 120_000);
  },
);
