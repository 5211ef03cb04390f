import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// Start-up is measured by scripts/bench-startup.mjs (tests never assert on time). What a test can check is
// why it is fast: `stepwise --help` loads commander, fp-ts's Either and the CLI's own entry modules, and
// nothing of the commands (no plugins, model, wasm backend, jsfive, vega, resvg, mnist).

const BIN = join(import.meta.dirname, "../src/bin.ts");
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const ROOT = join(import.meta.dirname, "../../..");

/** A module hook (Node's module.register) that appends every resolved URL to $STEPWISE_LOADED_LOG. */
const RECORDER = `data:text/javascript,${encodeURIComponent(`
import { register } from "node:module";
register(${JSON.stringify(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from "node:fs";
export const resolve = async (specifier, context, next) => {
  const result = await next(specifier, context);
  appendFileSync(process.env.STEPWISE_LOADED_LOG, result.url + "\\n");
  return result;
};`)}`,
)});`)}`;

/** Where each module `stepwise <args>` loaded comes from: "cli:<file>", a package name, or "node:<x>". */
const loadedBy = async (args: ReadonlyArray<string>): Promise<ReadonlySet<string>> => {
  const log = join(await mkdtemp(join(tmpdir(), "stepwise-startup-")), "loaded.txt");
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      ["--conditions=@stepwise/source", "--import", TSX, "--import", RECORDER, BIN, ...args],
      { env: { ...process.env, STEPWISE_LOADED_LOG: log } },
      (error) => (error === null || typeof error.code === "number" ? resolve() : reject(error)),
    ),
  );
  const urls = (await readFile(log, "utf8")).split("\n").filter((u) => u !== "" && !u.startsWith("data:"));
  return new Set(
    urls.map((url) => {
      if (!url.startsWith("file:")) return url;
      const path = relative(ROOT, fileURLToPath(url)).split("\\").join("/");
      const inPackages = /(?:^|\/)node_modules\/(@[^/]+\/[^/]+|[^/]+)\/(?!.*node_modules\/)/.exec(path);
      if (inPackages?.[1] !== undefined) return inPackages[1];
      return path.startsWith("packages/cli/src/") ? `cli:${path.slice("packages/cli/src/".length)}` : path;
    }),
  );
};

const LIGHT = new Set([
  "cli:bin.ts",
  "cli:main.ts",
  "cli:flags.ts",
  "commander",
  "fp-ts",
  "tsx", // only because the test runs the sources; the built bin has no tsx
]);

describe("start-up: --help and usage errors load only the command line's own modules", () => {
  it.each([[["--help"]], [["train", "--help"]], [["train", "--layers", "oops"]]])(
    "stepwise %j",
    async (args) => {
      const loaded = [...(await loadedBy(args))].filter((m) => !m.startsWith("node:"));
      expect(loaded.length).toBeGreaterThan(2); // the recorder works: it saw main.ts and commander at least
      expect(loaded.filter((m) => !LIGHT.has(m))).toStrictEqual([]);
    },
  );

  it("a command loads its code when it runs (so the recorder would see a heavy import)", async () => {
    const loaded = await loadedBy(["plugins"]);
    expect(loaded.has("cli:plugins-command.ts")).toBe(true);
    expect([...loaded].some((m) => m.startsWith("packages/core/"))).toBe(true);
  });
});
