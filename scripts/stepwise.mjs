#!/usr/bin/env node
// `pnpm stepwise …` and `pnpm train`: the built CLI (packages/cli/dist/stepwise.js, the file an installed
// `stepwise` runs), in this process. When a package's source is newer than its build — a pull, a branch
// switch, an edit — it is rebuilt first (scripts/build-js.mjs: esbuild, about a second), rather than running stale code.
// `pnpm stepwise:source …` runs the TypeScript sources through tsx instead, with no build.
import { pathToFileURL } from "node:url";
import { buildCli, cliBin, staleCliPackages } from "./build-cli.mjs";

const stale = staleCliPackages();
if (stale.length > 0) {
  console.error(
    `stepwise: ${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ", …" : ""} changed since the last build; rebuilding.`,
  );
  const code = await buildCli({ quiet: true });
  if (code !== 0) {
    console.error(
      "stepwise: the build failed (above); fix it, or run the sources with `pnpm stepwise:source`.",
    );
    process.exit(code);
  }
}
await import(pathToFileURL(cliBin).href);
