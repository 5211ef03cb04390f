import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as Vega from "vega";
import { type CachedScript, compileWithCache } from "../code-cache.js";

let loaded: Promise<typeof Vega> | undefined;
let compiled: CachedScript | undefined;

/**
 * Vega's single-file build (build/vega.min.js, beside the package's ESM entry), run as the CommonJS module
 * its UMD wrapper expects. Vega's package is `"type": "module"`, so Node would load that file as ESM, where
 * the wrapper finds no `module` and sets a global instead; wrapping it ourselves gives it one. Compiled
 * with V8's code cache (../code-cache.ts), kept per Vega and Node version.
 */
const singleFileBuild = (): typeof Vega | undefined => {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("vega");
  const path = join(dirname(entry), "vega.min.js");
  const { version } = JSON.parse(readFileSync(join(dirname(entry), "../package.json"), "utf8")) as {
    readonly version: string;
  };
  compiled = compileWithCache(
    `(function (exports, module) {${readFileSync(path, "utf8")}\n})`,
    path,
    `vega-${version}`,
  );
  const factory = compiled.script.runInThisContext() as (
    exports: object,
    module: { exports: object },
  ) => void;
  const module = { exports: {} };
  factory(module.exports, module);
  const vega = module.exports as Partial<typeof Vega>;
  return typeof vega.parse === "function" && typeof vega.View === "function"
    ? (vega as typeof Vega)
    : undefined;
};

/**
 * Vega, from its single-file build: one file to compile instead of some forty vega-* and d3-* packages to
 * resolve, link and evaluate. The same library and version; a `stepwise train` process starts ~0.35 s
 * sooner under tsx and ~0.1 s sooner on plain Node. Falls back to the ESM entry if the file is not where
 * Vega has always put it or does not define Vega.
 */
export const loadVega = (): Promise<typeof Vega> => {
  loaded ??= (async () => {
    try {
      const vega = singleFileBuild();
      if (vega !== undefined) return vega;
    } catch {
      // not there: the entry below
    }
    return import("vega");
  })();
  return loaded;
};

/** Keeps the code Vega compiled for the next run, once it has drawn (nothing when the cache was used). */
export const saveVegaCode = (): void => compiled?.save();
