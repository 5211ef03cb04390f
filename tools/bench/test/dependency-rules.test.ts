import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The dependency rules (.dependency-cruiser.cjs, run by `pnpm test` as `pnpm deps`) on a small workspace
 * laid out like this one, with one arrow planted: the wrong arrows fail with the rule they break.
 */

const root = fileURLToPath(new URL("../../../", import.meta.url));

const cruise = async (
  files: Readonly<Record<string, string>>,
): Promise<{ readonly code: number; readonly out: string }> => {
  const dir = await mkdtemp(join(tmpdir(), "stepwise-deps-"));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return new Promise((resolve) =>
    execFile(
      join(root, "node_modules/.bin/depcruise"),
      ["--config", join(root, ".dependency-cruiser.cjs"), "packages", "apps", "tools"],
      { cwd: dir },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === "number" ? error.code : 1,
          out: stdout + stderr,
        }),
    ),
  );
};

/** The lower layers, importing one way only. */
const layout = {
  "packages/tensor/src/index.ts": "export const tensor = 1;\n",
  "packages/core/src/index.ts": 'export * from "../../tensor/src/index.js";\n',
  "packages/model/src/index.ts": 'export * from "../../core/src/index.js";\n',
  "packages/backend-wasm/src/index.ts": 'export * from "../../tensor/src/index.js";\n',
  "apps/examples/src/main.ts": 'export * from "../../../packages/model/src/index.js";\n',
  "tools/bench/src/bench.ts": 'export * from "../../../packages/backend-wasm/src/index.js";\n',
};

describe("the dependency rules", () => {
  it("pass on arrows that point one way", async () => {
    const { code, out } = await cruise(layout);
    expect(out).toContain("no dependency violations found");
    expect(code).toBe(0);
  }, 60_000);

  it.each([
    ["packages/tensor/src/planted.ts", 'export * from "../../model/src/index.js";\n', "layers: tensor"],
    [
      "packages/backend-wasm/src/planted.ts",
      'export * from "../../core/src/index.js";\n',
      "layers: backend-*",
    ],
    [
      "packages/core/src/planted.ts",
      'export * from "../../../apps/examples/src/main.js";\n',
      "no-package-to-app",
    ],
    [
      "packages/model/src/planted.ts",
      'export * from "../../../tools/bench/src/bench.js";\n',
      "no-tools-from-packages-or-apps",
    ],
    [
      "packages/cli/src/digits-command.ts",
      'export * from "../../../apps/examples/src/main.js";\n',
      "no-package-to-app",
    ],
    ["packages/onnx/src/planted.ts", 'export * from "../../model/src/index.js";\n', "layers: onnx"],
    ["apps/other/src/planted.ts", 'export * from "../../examples/src/main.js";\n', "no-app-to-app"],
    ["tools/other/src/planted.ts", 'export * from "../../../apps/examples/src/main.js";\n', "no-tool-to-app"],
    ["packages/tensor/src/cycle.ts", 'export * from "./index.js";\nexport const c = 1;\n', "no-circular"],
  ])(
    "fail on a planted %s",
    async (path, text, rule) => {
      const files =
        rule === "no-circular"
          ? { ...layout, [path]: text, "packages/tensor/src/index.ts": 'export * from "./cycle.js";\n' }
          : { ...layout, [path]: text };
      const { code, out } = await cruise(files);
      expect(out).toContain(`error ${rule}`);
      expect(code).not.toBe(0);
    },
    60_000,
  );
});
