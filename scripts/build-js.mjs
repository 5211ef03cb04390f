#!/usr/bin/env node
// The fast build: each package's src/*.ts to dist/*.js (+ .js.map), one file at a time, with esbuild.
// JavaScript only — no type check, no declarations — so it takes about a second for the whole workspace,
// where tsc through turbo took one to three minutes. The root `prepare` (so `pnpm install`) and
// `pnpm stepwise` use it through scripts/build-cli.mjs; the README test uses it to run README code against
// built packages.
//
//   node scripts/build-js.mjs [packages/<dir> …]     (default: every package in packages/)
//
// `pnpm build` (turbo → `tsc -p tsconfig.build.json` in each package) stays the full build: declarations,
// declaration maps, and a type check. `pnpm release` and the consumer test run it before packing, and the
// consumer test checks that every tarball holds every file its package.json points at.
//
// Why per-file transpiling gives the same JavaScript as tsc: tsconfig.base.json has `isolatedModules` and
// `verbatimModuleSyntax` (every file compiles on its own and type-only imports say so), and esbuild reads
// the same tsconfig; both emit ES2022 ESM with the imports as written.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(import.meta.dirname, "..");

/** `packages/<dir>` of every workspace package in packages/, with its package.json. */
export const workspacePackages = () =>
  existsSync(join(root, "packages"))
    ? readdirSync(join(root, "packages"))
        .map((name) => `packages/${name}`)
        .filter((dir) => existsSync(join(root, dir, "package.json")))
        .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) }))
    : [];

/** The dirs of `starts` and of every workspace package they depend on (`workspace:` dependencies). */
export const dependencyClosure = (starts) => {
  const packages = workspacePackages();
  const byName = new Map(packages.map((p) => [p.json.name, p]));
  const byDir = new Map(packages.map((p) => [p.dir, p]));
  const seen = new Set();
  const visit = (dir) => {
    const pkg = byDir.get(dir);
    if (pkg === undefined || seen.has(dir)) return;
    seen.add(dir);
    for (const [name, spec] of Object.entries(pkg.json.dependencies ?? {}))
      if (String(spec).startsWith("workspace:") && byName.has(name)) visit(byName.get(name).dir);
  };
  for (const dir of starts) visit(dir);
  return [...seen];
};

/** Every file under `dir` (recursive), as absolute paths. */
const filesUnder = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    : [];

/** The .ts sources tsc would emit (declaration files excluded). */
const sourcesOf = (dir) =>
  filesUnder(join(root, dir, "src")).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));

const newest = (files) => files.reduce((latest, f) => Math.max(latest, statSync(f).mtimeMs), 0);

/** Touched after each successful build of a package: dist/'s own times say nothing when nothing changed. */
const stampOf = (dir) => join(root, "node_modules/.cache/stepwise/built", dir.replaceAll("/", "__"));

/** The file a package's build must produce for it to count as built: its bin, else dist/index.js. */
const entryOf = (dir) => {
  const json = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
  const bin = typeof json.bin === "string" ? json.bin : Object.values(json.bin ?? {})[0];
  return join(root, dir, bin ?? "dist/index.js");
};

/** The wasm kernels a package needs next to its JavaScript (only @stepwise/backend-wasm has any). */
const WASM = {
  "packages/backend-wasm": ["build/kernels.wasm", "build/kernels-relaxed.wasm"],
};

/**
 * The dirs whose build is missing or older than a source (src/ or package.json) — a few hundred `stat`s,
 * a few milliseconds.
 */
export const staleDirs = (dirs) =>
  dirs.filter((dir) => {
    const stamp = stampOf(dir);
    if (!existsSync(stamp) || !existsSync(entryOf(dir))) return true;
    if ((WASM[dir] ?? []).some((file) => !existsSync(join(root, dir, file)))) return true;
    const sources = [...filesUnder(join(root, dir, "src")), join(root, dir, "package.json")];
    return newest(sources) > statSync(stamp).mtimeMs;
  });

/** Writes `bytes` to `path` unless it already holds them; through a rename, so a reader never sees half. */
const writeIfChanged = (path, bytes) => {
  if (existsSync(path) && Buffer.compare(readFileSync(path), bytes) === 0) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
  return true;
};

/**
 * Transpiles every src/**\/*.ts of `dirs` to dist/ (ES2022 ESM, linked source maps pointing at ../src),
 * compiles the wasm kernels where they are missing, and stamps each package built. Returns what it did;
 * throws with esbuild's messages when a file does not parse.
 */
export const buildJs = async (dirs) => {
  const started = performance.now();
  // The stamps get this time, not the time the build ends: a source saved while it ran is newer.
  const readAt = new Date();
  for (const dir of dirs)
    if ((WASM[dir] ?? []).some((file) => !existsSync(join(root, dir, file)))) {
      // The kernels are AssemblyScript; its compiler is a dev dependency of the package.
      const result = spawnSync(process.execPath, [join(root, dir, "scripts/build-wasm.mjs")], {
        cwd: join(root, dir),
        stdio: ["ignore", "inherit", "inherit"],
      });
      if (result.status !== 0) throw new Error(`build-js: compiling the wasm kernels of ${dir} failed`);
    }
  const entryPoints = dirs.flatMap((dir) =>
    sourcesOf(dir).map((file) => ({
      in: file,
      out: relative(root, file)
        .replace(/^(packages\/[^/]+)\/src\//, "$1/dist/")
        .replace(/\.ts$/, ""),
    })),
  );
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints,
    outdir: root,
    bundle: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    sourcemap: "linked",
    sourcesContent: false,
    write: false,
    logLevel: "silent",
  });
  let written = 0;
  for (const file of result.outputFiles) if (writeIfChanged(file.path, file.contents)) written++;
  for (const dir of dirs) {
    mkdirSync(dirname(stampOf(dir)), { recursive: true });
    writeFileSync(stampOf(dir), `${readAt.toISOString()}\n`);
    utimesSync(stampOf(dir), readAt, readAt);
  }
  return { files: entryPoints.length, written, ms: Math.round(performance.now() - started) };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const asked = process.argv.slice(2).map((dir) => dir.replace(/\/$/, ""));
  const dirs = asked.length > 0 ? asked : workspacePackages().map((p) => p.dir);
  const { files, written, ms } = await buildJs(dirs);
  console.log(
    `build-js: ${dirs.length} packages, ${files} files transpiled (${written} changed) in ${ms} ms`,
  );
}
