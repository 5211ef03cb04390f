import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One vitest project per workspace package that has a test/ folder, named after the package,
// so `vitest run --project @stepwise/tensor` runs one package and `vitest run` runs them all.
// Resolved against this file, so `pnpm test` inside a package finds the same projects.
const root = dirname(fileURLToPath(import.meta.url));
const workspaceDirs = ["packages", "apps", "tools"].flatMap((group) =>
  existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : [],
);

const projects = workspaceDirs
  .filter((dir) => existsSync(join(dir, "test")))
  .map((dir) => {
    const { name } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string };
    return {
      extends: true as const,
      test: { name, root: dir, include: ["test/**/*.test.ts"] },
    };
  });

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript source, as in tsconfig.base.json.
    conditions: ["@stepwise/source", "module", "node", "import", "default"],
  },
  ssr: { resolve: { conditions: ["@stepwise/source", "node", "import", "default"] } },
  test: {
    projects,
    // Numeric kernels are CPU-bound; two workers match the machines this runs on.
    maxWorkers: 2,
    testTimeout: 60_000,
    reporters: ["default"],
  },
});
