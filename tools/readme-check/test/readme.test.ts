import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { courseSpec } from "@stepwise/forward-cache";
import { initialize_parameters_deep } from "@stepwise/init";
import { toModelFile } from "@stepwise/model";
import { saveModel } from "@stepwise/model/node";
import { seedOrThrow } from "@stepwise/random";
import { transform } from "esbuild";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockName, type CodeBlock, expectedOutputs, readmeBlocks } from "../src/blocks.js";

// Every ts/js block of every README runs against the built packages (their dist/, as a user's install
// has them), imports exactly as written:
// - the blocks are written to tools/readme-check/.blocks/, so a bare `@stepwise/x` or `fp-ts/…` import
//   resolves through this package's node_modules, which links every public package; node runs them with
//   no export condition of ours, so each package's "default" export (dist/) is what they get;
// - TypeScript blocks lose their types with esbuild's transform (no type check), then `node` runs them;
// - each runs in a working folder of its own, .blocks/cwd-<block>/: `datasets` there links the
//   repository's, so paths read as from the repository root, and the stand-ins below play the reader's
//   own files. What a block writes stays in its folder; .blocks/ is removed afterwards.
// CONTRIBUTING.md ("README code") says how to mark the rare block that cannot run.

const root = join(import.meta.dirname, "../../..");
const work = join(import.meta.dirname, "../.blocks");
const standIns = join(work, "stand-ins");
const blocks = readmeBlocks(root);

/** The child processes see no vitest state of ours and print no colours. */
const childEnvironment = (): NodeJS.ProcessEnv =>
  Object.fromEntries([
    ...Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && key !== "NODE_OPTIONS"),
    ["NO_COLOR", "1"],
    ["FORCE_COLOR", "0"],
  ]);

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const run = (file: string, args: ReadonlyArray<string>, timeout: number, dir: string): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { cwd: dir, env: childEnvironment(), timeout, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === "number" ? error.code : null,
          stdout,
          stderr: `${stderr}${error?.killed === true ? `\n(killed after ${timeout / 1000} s)` : ""}`,
        }),
    );
  });

/** At most `n` at once: two cores, and each block is its own Node process. */
const limit = (n: number) => {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <A>(task: () => Promise<A>): Promise<A> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
};
const slot = limit(2);

const numbered = (code: string): string =>
  code
    .split("\n")
    .map((line, i) => `${String(i + 1).padStart(3)} | ${line}`)
    .join("\n");

const failure = (block: CodeBlock, what: string, ran: Ran): Error =>
  new Error(
    `${block.file}:${block.line}: ${what}\n--- the block (line 1 is the line after the fence) ---\n${numbered(block.code)}\n--- stdout ---\n${ran.stdout}\n--- stderr ---\n${ran.stderr}`,
  );

/**
 * The reader's own files that blocks name, played by the course's data: `houses.csv` (the data package's
 * "your own CSV"), `my_image.jpg` (datasets/pictures/cat.jpg) and `runs/cat/` (a CLI run's
 * model files, as `npx stepwise train --out runs/cat` writes them).
 */
const writeStandIns = async (): Promise<void> => {
  mkdirSync(standIns, { recursive: true });
  writeFileSync(
    join(standIns, "houses.csv"),
    "size,rooms,sold\n120,4,1\n80,3,0\n95,3,1\n60,2,0\n150,5,1\n70,2,0\n",
  );
  cpSync(join(root, "datasets/pictures/cat.jpg"), join(standIns, "my_image.jpg"));
  const initialized = initialize_parameters_deep([12288, 20, 7, 5, 1], seedOrThrow(1));
  if (E.isLeft(initialized)) throw new Error(initialized.left.message);
  const file = toModelFile(initialized.right[0], courseSpec, binary_cross_entropy, { seed: 1 });
  mkdirSync(join(standIns, "runs/cat"), { recursive: true });
  const saved = await saveModel(join(standIns, "runs/cat/model.json"), file);
  if (E.isLeft(saved)) throw new Error(saved.left.message);
};

/** A fresh working folder for one block: `datasets` links the repository's; the stand-ins it names. */
const workingFolder = (block: CodeBlock): string => {
  const dir = join(work, `cwd-${blockName(block)}`);
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(root, "datasets"), join(dir, "datasets"), "dir");
  for (const name of ["houses.csv", "my_image.jpg", "runs/cat"])
    if (block.code.includes(name)) cpSync(join(standIns, name), join(dir, name), { recursive: true });
  return dir;
};

beforeAll(async () => {
  // JavaScript only (scripts/build-js.mjs, about a second): running needs no declarations.
  const built = await run(process.execPath, [join(root, "scripts/build-js.mjs")], 300_000, root);
  if (built.code !== 0) throw new Error(`scripts/build-js.mjs failed:\n${built.stdout}${built.stderr}`);
  rmSync(work, { recursive: true, force: true });
  await writeStandIns();
}, 300_000);

afterAll(() => {
  if (process.env["STEPWISE_KEEP_BLOCKS"] === undefined) rmSync(work, { recursive: true, force: true });
});

/** The vitest blocks run together in one vitest process (its start-up is the slow part); memoized. */
let testRun: Promise<{ readonly ran: Ran; readonly report: unknown }> | undefined;
const runTestBlocks = () => {
  testRun ??= (async () => {
    const files = blocks.filter((b) => b.mode.kind === "test");
    for (const block of files) writeFileSync(join(work, `${blockName(block)}.test.ts`), block.code);
    writeFileSync(
      join(work, "vitest.config.mjs"),
      `export default { test: { root: ${JSON.stringify(work)}, include: ["*.test.ts"], testTimeout: 120000 } };\n`,
    );
    const ran = await run(
      process.execPath,
      [
        join(root, "node_modules/vitest/vitest.mjs"),
        "run",
        "--config",
        join(work, "vitest.config.mjs"),
        "--reporter=json",
        `--outputFile=${join(work, "vitest.json")}`,
      ],
      600_000,
      work,
    );
    let report: unknown;
    try {
      report = JSON.parse(readFileSync(join(work, "vitest.json"), "utf8"));
    } catch {
      report = undefined;
    }
    return { ran, report };
  })();
  return testRun;
};

interface VitestReport {
  readonly testResults: ReadonlyArray<{
    readonly name: string;
    readonly status: string;
    readonly message?: string;
    readonly assertionResults: ReadonlyArray<{ readonly title: string; readonly status: string }>;
  }>;
}

const runBlock = async (block: CodeBlock): Promise<void> => {
  const name = blockName(block);
  const { code } = await transform(block.code, { loader: block.language, format: "esm", target: "es2022" });
  const file = join(work, `${name}.mjs`);
  writeFileSync(file, code);
  const ran = await slot(() => run(process.execPath, [file], 180_000, workingFolder(block)));
  if (ran.code !== 0) throw failure(block, `exited with ${ran.code ?? "a signal"}`, ran);
  const printed = ran.stdout.replace(/\s+/g, "");
  for (const expected of expectedOutputs(block.code))
    if (!printed.includes(expected))
      throw failure(block, `its comment says it prints ${expected}, which the output does not hold`, ran);
};

const checkTestBlock = async (block: CodeBlock): Promise<void> => {
  const { ran, report } = await runTestBlocks();
  const path = join(work, `${blockName(block)}.test.ts`);
  const result = (report as VitestReport | undefined)?.testResults.find((r) => r.name === path);
  if (result === undefined) throw failure(block, "vitest did not report on this file", ran);
  const failed = result.assertionResults.filter((a) => a.status === "failed").map((a) => a.title);
  if (result.status !== "passed" || result.assertionResults.length === 0)
    throw failure(
      block,
      `vitest: ${result.status}${failed.length > 0 ? `; failed: ${failed.join("; ")}` : ""}${result.message ? `\n${result.message}` : ""}`,
      ran,
    );
};

describe("README code blocks run against the built packages", () => {
  it("finds blocks in the root README and in the package READMEs", () => {
    expect(blocks.some((b) => b.file === "README.md")).toBe(true);
    expect(blocks.filter((b) => b.file.startsWith("packages/")).length).toBeGreaterThan(30);
  });

  it("this package depends on every public package, so a block may import any of them", () => {
    const own = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8")) as {
      readonly dependencies: Readonly<Record<string, string>>;
    };
    const missing = blocks
      .flatMap((b) => [...b.code.matchAll(/from "(@stepwise\/[^/"]+)/g)].map((m) => m[1] ?? ""))
      .filter((name) => !(name in own.dependencies));
    expect([...new Set(missing)], "add them to tools/readme-check/package.json").toEqual([]);
  });

  for (const block of blocks) {
    const title = `${block.file}:${block.line} (${block.language}${block.mode.kind === "run" ? "" : `, ${block.mode.kind}`})`;
    if (block.mode.kind === "no-run") it.skip(`${title}: not run: ${block.mode.reason}`, () => {});
    else if (block.mode.kind === "test") it.concurrent(title, () => checkTestBlock(block), 600_000);
    else it.concurrent(title, () => runBlock(block), 200_000);
  }
});
