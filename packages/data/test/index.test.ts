import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as data from "../src/index.js";

describe("@stepwise/data public API", () => {
  it("exports exactly these values (a change here is a change of the package's contract)", () => {
    // The browser-safe entry; the Node-only functions are in @stepwise/data/node (test/node.test.ts).
    expect(Object.keys(data).sort()).toEqual([
      "CATVNONCAT_CLASSES",
      "CATVNONCAT_H5_FILES",
      "CATVNONCAT_NPY_FILES",
      "FOOTBALL_TEST_SIZE",
      "MAX_CLASSES",
      "NUM_CHANNELS",
      "NUM_PX",
      "courseLayout",
      "dataError",
      "decodeImage",
      "describeError",
      "encodePng",
      "flattenImages",
      "formatNdShape",
      "imageAt",
      "imageColumn",
      "imageToColumn",
      "linspace",
      "load_circles_dataset",
      "load_moons_dataset",
      "make_circles",
      "make_moons",
      "numpyCos",
      "numpySin",
      "parseCatvnoncat",
      "parseCsvDataset",
      "parseH5",
      "parseNpy",
      "parseNpyHeader",
      "parse_football_dataset",
      "pngDataUrl",
      "random_mini_batch_indices",
      "random_mini_batches",
      "resizeBicubic",
      "sameNdShape",
      "shapeSize",
      "toImageBatch",
      "toLabelRow",
    ]);
  });
});

/** The relative imports of a source file, as .ts paths, and its package imports. */
const importsOf = (
  file: URL,
): { readonly local: ReadonlyArray<URL>; readonly packages: ReadonlyArray<string> } => {
  const specifiers = [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s+"([^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );
  return {
    local: specifiers.filter((s) => s.startsWith(".")).map((s) => new URL(s.replace(/\.js$/, ".ts"), file)),
    packages: specifiers.filter((s) => !s.startsWith(".")),
  };
};

describe("the Course 2 modules of the main entry", () => {
  it("import nothing from node: and nothing Node-only, all the way down (they must run in a browser)", () => {
    const roots = ["course2", "csv", "samples-generator", "linspace", "numpy-trig", "fma", "pandas-float"];
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: URL): void => {
      if (seen.has(file.href)) return;
      seen.add(file.href);
      const { local, packages: used } = importsOf(file);
      for (const p of used) packages.add(p);
      for (const next of local) visit(next);
    };
    for (const name of roots) visit(new URL(`../src/${name}.ts`, import.meta.url));
    expect([...packages].filter((p) => p.startsWith("node:"))).toEqual([]);
    expect([...seen].map((href) => href.replace(/^.*\/src\//, "")).sort()).toEqual([
      "course2.ts",
      "csv.ts",
      "fma.ts",
      "linspace.ts",
      "ndarray.ts",
      "numpy-trig.ts",
      "pandas-float.ts",
      "samples-generator.ts",
    ]);
    expect([...packages].sort()).toEqual([
      "@stepwise/random",
      "@stepwise/tensor",
      "csv-parse/browser/esm/sync",
      "fp-ts/lib/Either.js",
    ]);
  });
});
