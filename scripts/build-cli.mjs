#!/usr/bin/env node
// Builds the JavaScript of the `stepwise` CLI and of every workspace package it imports (scripts/build-js.mjs:
// esbuild, file by file, about a second), then the bin itself as one bundle with a chunk per command
// (scripts/bundle-cli.mjs, a few hundred milliseconds): packages/cli/dist/stepwise.js.
//
//   node scripts/build-cli.mjs       (the root `prepare`: runs at the end of `pnpm install`)
//
// The root `pnpm stepwise` / `pnpm train` run the built bin (packages/cli/dist/stepwise.js), as an installed
// `stepwise` does, so the build belongs to installing: the README's first command trains on a fresh clone.
// Running needs JavaScript only; declarations are for packages that leave the workspace, so `pnpm build`
// (tsc through turbo) makes them, and `pnpm release` and the consumer test run it before packing.
// scripts/stepwise.mjs calls `staleCliPackages` before each run and rebuilds when a source is newer than
// its build. A copy of the workspace without packages/cli (the plugin scaffold test's) builds nothing.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildJs, dependencyClosure, root, staleDirs } from "./build-js.mjs";
import { BUNDLE, bundleCli, bundleMissing } from "./bundle-cli.mjs";

export { root };

/** `packages/<dir>` of each workspace package the CLI needs, the CLI first. */
export const cliPackageDirs = () =>
  existsSync(join(root, "packages/cli/package.json")) ? dependencyClosure(["packages/cli"]) : [];

/** The packages whose build is missing or older than their sources (src/ or package.json). */
export const staleCliPackages = () => {
  const dirs = cliPackageDirs();
  const stale = staleDirs(dirs);
  return stale.length === 0 && dirs.length > 0 && bundleMissing() ? [`packages/cli/${BUNDLE}`] : stale;
};

/** packages/cli/dist/stepwise.js: the bundled bin. */
export const cliBin = join(root, "packages/cli", BUNDLE);

/** Builds the CLI and what it imports; resolves to an exit code (esbuild's messages on stderr). */
export const buildCli = async ({ quiet = false } = {}) => {
  const dirs = cliPackageDirs();
  if (dirs.length === 0) return 0;
  if (!existsSync(join(root, "node_modules/esbuild"))) {
    console.error("build-cli: esbuild is not installed; run `npx --yes pnpm@10.34.8 install` first");
    return 1;
  }
  try {
    const started = performance.now();
    const { files } = await buildJs(dirs);
    await bundleCli();
    if (!quiet)
      console.error(
        `Built the stepwise CLI and the ${dirs.length - 1} packages it uses (${files} files), and bundled ${BUNDLE} (${Math.round(performance.now() - started)} ms).`,
      );
    return 0;
  } catch (e) {
    const errors = e?.errors;
    console.error(
      Array.isArray(errors)
        ? errors
            .map((m) => (m.location ? `${m.location.file}:${m.location.line}: ${m.text}` : m.text))
            .join("\n")
        : String(e?.message ?? e),
    );
    return 1;
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(await buildCli());
