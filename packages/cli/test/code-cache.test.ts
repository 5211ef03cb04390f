import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { cacheDir, compileWithCache } from "../src/code-cache.js";

// A script with functions to compile: the cache keeps the ones a run called. Each test compiles its own
// text (V8 keeps what this process compiled, and would not look at a cache for the same source again).
let made = 0;
const source = (): string => `// ${made++}
(function () {
  const square = (x) => x * x;
  const sum = (n) => { let s = 0; for (let i = 0; i < n; i++) s += square(i); return s; };
  return sum(100);
})`;

const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const MODULE = pathToFileURL(join(import.meta.dirname, "../src/code-cache.ts")).href;

/** compileWithCache in a new process on a fixed script: whether it was cached, and what it computed. */
const inChild = (dir: string): Promise<{ fromCache: boolean; value: number }> =>
  new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [
        "--import",
        TSX,
        "--input-type=module",
        "-e",
        `import { compileWithCache } from ${JSON.stringify(MODULE)};
const compiled = compileWithCache(${JSON.stringify(source())}.replace(/^\\/\\/ \\d+/, ""), "child.js", "child", ${JSON.stringify(dir)});
const value = compiled.script.runInThisContext()();
compiled.save();
console.log(JSON.stringify({ fromCache: compiled.fromCache, value }));`,
      ],
      (error, stdout, stderr) => (error === null ? resolve(JSON.parse(stdout)) : reject(new Error(stderr))),
    ),
  );

const fresh = (): string => mkdtempSync(join(tmpdir(), "stepwise-code-cache-"));
const run = (dir: string, text: string = source()) => {
  const compiled = compileWithCache(text, "square.js", "square", dir);
  const value = (compiled.script.runInThisContext() as () => number)();
  compiled.save();
  return { fromCache: compiled.fromCache, value };
};

describe("compileWithCache", () => {
  it("compiles without a cache, writes one after running, and the next process takes it", async () => {
    const dir = fresh();
    // Two processes, as two runs of the CLI: within one, V8 reuses what it compiled and never reads a cache.
    expect(await inChild(dir)).toEqual({ fromCache: false, value: 328350 });
    expect(readdirSync(dir)).toEqual([`child-${process.version}-${process.arch}.v8`]);
    expect(await inChild(dir)).toEqual({ fromCache: true, value: 328350 });
  });

  it("takes a cache V8 rejects as no cache, and writes a good one over it", () => {
    const dir = fresh();
    const file = join(dir, `square-${process.version}-${process.arch}.v8`);
    writeFileSync(file, "not V8's code cache");
    const text = source();
    expect(run(dir, text)).toEqual({ fromCache: false, value: 328350 });
    expect(readFileSync(file, "utf8")).not.toBe("not V8's code cache");
  });

  it("is no error where nothing can be written: the code runs uncached", () => {
    const blocked = join(fresh(), "a-file");
    writeFileSync(blocked, "");
    expect(run(join(blocked, "cache"))).toEqual({ fromCache: false, value: 328350 });
    const readOnly = fresh();
    chmodSync(readOnly, 0o500);
    expect(run(readOnly).value).toBe(328350);
    chmodSync(readOnly, 0o700);
  });

  it("leaves no temporary file behind", () => {
    const dir = fresh();
    run(dir);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("cacheDir", () => {
  it("is $STEPWISE_CACHE_DIR, else $XDG_CACHE_HOME/stepwise, else ~/.cache/stepwise", () => {
    expect(cacheDir({ STEPWISE_CACHE_DIR: "/x/y" })).toBe("/x/y");
    expect(cacheDir({ XDG_CACHE_HOME: "/c" })).toBe(join("/c", "stepwise"));
    expect(cacheDir({}).endsWith(join(".cache", "stepwise"))).toBe(true);
    expect(existsSync("/")).toBe(true);
  });
});
