#!/usr/bin/env node
// The `stepwise` executable as one esbuild bundle: packages/cli/dist/stepwise.js (package.json "bin"), with
// each command in its own chunk under dist/stepwise/ (ESM code splitting), so `--help` still loads only
// the entry and `train` only what training needs.
//
//   node scripts/bundle-cli.mjs      (scripts/build-cli.mjs runs it after the per-file build; so does the
//                                     CLI's `build` script, after tsc)
//
// Why a bundle: Node 20's ES module loader spends ~0.5 ms on each of the ~200 files `stepwise train` loads
// (resolving, reading, linking), about 0.1 s of a Course 2 run that trains in 0.3 s (BENCHMARKS.md,
// "Course 2"). Bundled: the workspace packages and the pure-JavaScript npm ones. Left outside, each
// loaded from node_modules as before:
// - @stepwise/backend-wasm: it finds its .wasm kernels and worker files next to its own module;
// - @resvg/resvg-js: a native addon;
// - vega: loaded from its single-file build only when a report is drawn (src/report/vega.ts);
// - files the packages find by package name, never by a path relative to their module (which a bundle
//   moves): the fonts, football.csv, the mnist digits, the CLI's own package.json.
// The packages hold no module state that a second copy could disagree with (a Matrix carries its
// backend), so a plugin that imports the installed @stepwise/core works with the bundled one; the
// consumer test (tools/consumer-test) runs the installed bin with a plugin to prove it.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(import.meta.dirname, "..");
const cli = join(root, "packages/cli");

/** The bundle's entry file, relative to packages/cli (its package.json "bin"). */
export const BUNDLE = "dist/stepwise.js";
const CHUNKS = "dist/stepwise";

/** npm packages that stay in node_modules (see above); everything else the CLI imports is bundled. */
export const EXTERNAL = ["@stepwise/backend-wasm", "@resvg/resvg-js", "vega"];

/**
 * fp-ts ships each module twice: CommonJS in lib/ (what the sources import, for Node's sake) and ES modules
 * in es6/. The bundle takes es6/: the same code, which esbuild can tree-shake and needs no CommonJS shims
 * for (a fifth less code to parse at start-up).
 */
const fpTsModules = {
  name: "fp-ts-es6",
  setup: (build) => {
    build.onResolve({ filter: /^fp-ts\/lib\// }, (args) =>
      build.resolve(args.path.replace(/^fp-ts\/lib\//, "fp-ts/es6/"), {
        kind: args.kind,
        resolveDir: args.resolveDir,
      }),
    );
  },
};

/**
 * Writes dist/stepwise.js and its chunks (the previous chunks removed first: their names carry a content
 * hash). Resolves to the number of files written; throws with esbuild's messages on a build error.
 */
export const bundleCli = async () => {
  const { build } = await import("esbuild");
  rmSync(join(cli, CHUNKS), { recursive: true, force: true });
  const result = await build({
    absWorkingDir: cli,
    entryPoints: { stepwise: "src/bin.ts" },
    outdir: "dist",
    chunkNames: "stepwise/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    plugins: [fpTsModules],
    // CommonJS dependencies (commander, cli-progress) call require(): give every chunk one.
    banner: {
      js: 'import { createRequire as __stepwiseRequire } from "node:module"; const require = __stepwiseRequire(import.meta.url);',
    },
    sourcemap: "linked",
    sourcesContent: false,
    legalComments: "linked",
    logLevel: "silent",
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).length;
};

/** True when the bundle is missing (a clone before its first build, or a build interrupted). */
export const bundleMissing = () =>
  !existsSync(join(cli, BUNDLE)) ||
  !existsSync(join(cli, CHUNKS)) ||
  readdirSync(join(cli, CHUNKS)).length === 0;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const files = await bundleCli();
  console.error(
    `bundle-cli: packages/cli/${BUNDLE} and ${files - 1} more files in ${Math.round(performance.now() - started)} ms`,
  );
}
