#!/usr/bin/env node
// Builds the `stepwise` CLI and every workspace package it imports (dist/, tsc through turbo, cached).
//
//   node scripts/build-cli.mjs       (the root `prepare`: runs at the end of `pnpm install`)
//
// The root `pnpm stepwise` / `pnpm train` run the built bin (packages/cli/dist/bin.js), as an installed
// `stepwise` does, so the build belongs to installing: the README's first command trains on a fresh clone.
// scripts/stepwise.mjs calls `staleCliPackages` before each run and rebuilds when a source is newer than
// its build. A copy of the workspace without packages/cli (the plugin scaffold test's) builds nothing.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(import.meta.dirname, "..");
const environment = process.env;

/** `packages/<dir>` of each workspace package the CLI needs, the CLI first. */
export const cliPackageDirs = () => {
  const byName = new Map(
    readdirSync(join(root, "packages"))
      .filter((dir) => existsSync(join(root, "packages", dir, "package.json")))
      .map((dir) => [
        JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")).name,
        dir,
      ]),
  );
  const seen = new Set();
  const visit = (dir) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const json = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
    for (const [name, spec] of Object.entries(json.dependencies ?? {}))
      if (String(spec).startsWith("workspace:") && byName.has(name)) visit(byName.get(name));
  };
  if (existsSync(join(root, "packages/cli/package.json"))) visit("cli");
  return [...seen].map((dir) => `packages/${dir}`);
};

const newest = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .reduce(
          (latest, entry) =>
            Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs),
          0,
        )
    : 0;

/** Touched after each successful build; tsc through turbo's cache may leave dist/'s times unchanged. */
const STAMP = join(root, "node_modules/.cache/stepwise/cli-built");

/**
 * The packages whose build is missing or older than their sources (src/ or package.json) — a few hundred
 * `stat`s, a few milliseconds — measured against the last successful build.
 */
export const staleCliPackages = () => {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  return cliPackageDirs().filter(
    (dir) =>
      !existsSync(join(root, dir, "dist", dir === "packages/cli" ? "bin.js" : "index.js")) ||
      Math.max(newest(join(root, dir, "src")), statSync(join(root, dir, "package.json")).mtimeMs) > built,
  );
};

/**
 * turbo finds pnpm on PATH. `npx pnpm install` puts it there; `corepack pnpm install` or a plain
 * `node scripts/stepwise.mjs` may not, so then a one-line `pnpm` shim goes first on PATH: the pnpm that
 * runs this script (npm_execpath), else the root package.json's packageManager through npx.
 */
const pathWithPnpm = () => {
  const path = environment["PATH"] ?? "";
  const onPath = path.split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, "pnpm")));
  if (onPath || process.platform === "win32") return path;
  const execpath = environment["npm_execpath"];
  const manager = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager;
  const command =
    execpath !== undefined && /pnpm/.test(execpath)
      ? `"${process.execPath}" "${execpath}"`
      : `npx --yes ${manager ?? "pnpm@10"}`;
  const shimDir = mkdtempSync(join(tmpdir(), "stepwise-pnpm-"));
  writeFileSync(join(shimDir, "pnpm"), `#!/bin/sh\nexec ${command} "$@"\n`, { mode: 0o755 });
  return `${shimDir}${delimiter}${path}`;
};

/** `turbo run build` for the CLI and what it imports; returns the exit code. */
export const buildCli = ({ quiet = false } = {}) => {
  if (!existsSync(join(root, "packages/cli/package.json"))) return 0;
  const turbo = join(root, "node_modules/turbo/bin/turbo");
  if (!existsSync(turbo)) {
    console.error("build-cli: turbo is not installed; run `npx --yes pnpm@10.34.8 install` first");
    return 1;
  }
  if (!quiet)
    console.error(
      "Building the stepwise CLI and the packages it uses (turbo run build; cached after the first time)…",
    );
  const result = spawnSync(
    process.execPath,
    [turbo, "run", "build", "--filter=@stepwise/cli...", "--output-logs=errors-only", "--log-order=grouped"],
    {
      cwd: root,
      stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
      // The cache stays in this checkout: turbo would otherwise share the main worktree's between git
      // worktrees. No telemetry notice in the middle of an install.
      env: {
        ...environment,
        PATH: pathWithPnpm(),
        TURBO_CACHE_DIR: environment["TURBO_CACHE_DIR"] ?? join(root, ".turbo/cache"),
        TURBO_TELEMETRY_DISABLED: "1",
      },
    },
  );
  if (result.status === 0) {
    mkdirSync(dirname(STAMP), { recursive: true });
    writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  }
  return result.status ?? 1;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(buildCli());
