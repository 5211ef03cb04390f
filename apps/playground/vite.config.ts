import { createReadStream, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "../..");

/**
 * Cross-origin isolation, which SharedArrayBuffer (the wasm backend's threads) needs. Static hosts that
 * cannot send headers get the same from public/coi-serviceworker.js.
 */
const isolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

/** The course's two HDF5 files, served from the repository in dev and copied into the site at build. */
const CAT_FILES = ["train_catvnoncat.h5", "test_catvnoncat.h5"] as const;
const catDir = join(repo, "datasets/catvnoncat");
/** The Regularization notebook's football.csv, as `@stepwise/data` ships it. */
const footballFile = join(repo, "packages/data/datasets/course2/football.csv");

const courseAssets = (): Plugin => ({
  name: "stepwise-course-assets",
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url?.endsWith("/datasets/course2/football.csv") === true) {
        res.setHeader("Content-Type", "text/csv");
        createReadStream(footballFile).pipe(res);
        return;
      }
      const name = CAT_FILES.find((f) => req.url?.endsWith(`/datasets/catvnoncat/${f}`));
      if (name === undefined) return next();
      res.setHeader("Content-Type", "application/x-hdf5");
      createReadStream(join(catDir, name)).pipe(res);
    });
  },
  generateBundle() {
    for (const name of CAT_FILES)
      this.emitFile({
        type: "asset",
        fileName: `datasets/catvnoncat/${name}`,
        source: readFileSync(join(catDir, name)),
      });
    this.emitFile({
      type: "asset",
      fileName: "datasets/course2/football.csv",
      source: readFileSync(footballFile),
    });
  },
});

export default defineConfig({
  // Relative URLs, so the site works from any folder of any static host.
  base: "./",
  resolve: {
    // The workspace packages by name, resolved to their TypeScript source as in tsconfig.base.json.
    conditions: ["@stepwise/source", ...defaultClientConditions],
  },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  worker: { format: "es" },
  plugins: [courseAssets()],
  server: { headers: isolation },
  preview: { headers: isolation },
  build: { target: "es2022", chunkSizeWarningLimit: 2000 },
});
