import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "../src/bundle.js";

const root = join(import.meta.dirname, "../../..");

interface Manifest {
  readonly name: string;
  readonly private?: boolean;
  readonly bin?: unknown;
  readonly exports?: Readonly<Record<string, Readonly<Record<string, string>> | string>>;
}

/**
 * Packages that need not bundle for a browser, and why. Everything else that is published must.
 * (Node-only entries such as `@stepwise/data/node` are separate exports and not bundled here.)
 */
const NODE_ONLY: Readonly<Record<string, string>> = {
  "@stepwise/testkit":
    "test support for vitest in Node; its fixture loaders read the repository's fixture files",
};

/** Every published library: public packages without a `bin` (a CLI is a Node program). */
const libraries = readdirSync(join(root, "packages")).flatMap((dir) => {
  const manifest = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as Manifest;
  const main = manifest.exports?.["."];
  const entry = typeof main === "string" ? main : main?.["@stepwise/source"];
  return manifest.private === true || manifest.bin !== undefined || entry === undefined
    ? []
    : [[manifest.name, join(root, "packages", dir, entry)] as const];
});

describe("every published library bundles for the browser with no node: imports", () => {
  it("finds the libraries", () => {
    expect(libraries.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "@stepwise/tensor",
        "@stepwise/data",
        "@stepwise/model",
        "@stepwise/backend-wasm",
      ]),
    );
  });

  it.each(libraries.filter(([name]) => NODE_ONLY[name] === undefined))(
    "%s (esbuild --bundle --platform=browser --format=esm)",
    async (_, entry) => {
      const bundle = await bundleForBrowser(entry);
      expect(bundle.errors).toEqual([]);
      expect(bundle.nodeImports).toEqual([]);
      expect(bundle.bytes).toBeGreaterThan(0);
    },
  );

  it("the check can fail: a Node-only entry does not bundle", async () => {
    const bundle = await bundleForBrowser(join(root, "packages/data/src/node.ts"));
    expect(bundle.errors.join("\n")).toMatch(/Could not resolve "node:(fs\/promises|crypto|path)"/);
  });
});
