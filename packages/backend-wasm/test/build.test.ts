import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * build/*.wasm is committed, so a clone and an installed tarball run the fast backend without
 * AssemblyScript. These tests keep the committed bytes honest: they are exactly what assembly/ compiles to.
 */
const SCRIPT = fileURLToPath(new URL("../scripts/build-wasm.mjs", import.meta.url));
const BUILD = fileURLToPath(new URL("../build", import.meta.url));

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const check = (args: ReadonlyArray<string>): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, "--check", ...args], (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr }),
    );
  });

describe("the committed kernels", () => {
  it("equal a rebuild of assembly/, byte for byte", async () => {
    const ran = await check([]);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(`kernels.wasm and kernels-relaxed.wasm in ${BUILD} equal a rebuild`);
  }, 60_000);

  it("are reported when one differs or is missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stepwise-kernels-"));
    try {
      await cp(join(BUILD, "kernels.wasm"), join(dir, "kernels.wasm"));
      const bytes = await readFile(join(dir, "kernels.wasm"));
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
      await writeFile(join(dir, "kernels.wasm"), bytes);
      const ran = await check(["--dir", dir]);
      expect(ran.code).toBe(1);
      expect(ran.stderr).toContain(`${join(dir, "kernels.wasm")}: differs from a rebuild of assembly/`);
      expect(ran.stderr).toContain(`${join(dir, "kernels-relaxed.wasm")}: missing`);
      expect(ran.stderr).toContain("pnpm --filter @stepwise/backend-wasm build:wasm");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
