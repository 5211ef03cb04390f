import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as data from "../src/index.js";

describe("@stepwise/data public API", () => {
  it("exports exactly these values (a change here is a change of the package's contract)", () => {
    expect(Object.keys(data).sort()).toEqual([
      "CATVNONCAT_CHECKSUMS",
      "CATVNONCAT_CLASSES",
      "CATVNONCAT_H5_FILES",
      "CATVNONCAT_MIRRORS",
      "CATVNONCAT_NPY_FILES",
      "DATA_DIR_ENV",
      "DEFAULT_DATA_DIR",
      "FOOTBALL_TEST_SIZE",
      "MAX_CLASSES",
      "NUM_CHANNELS",
      "NUM_PX",
      "SHARED_DATA_DIR",
      "checksumMismatch",
      "courseLayout",
      "dataError",
      "decodeImage",
      "describeError",
      "encodePng",
      "fetchCatvnoncat",
      "findOrFetchCatvnoncat",
      "flattenImages",
      "formatNdShape",
      "imageAt",
      "imageColumn",
      "imageToColumn",
      "linspace",
      "loadCatvnoncat",
      "load_circles_dataset",
      "load_moons_dataset",
      "make_circles",
      "make_moons",
      "numpyCos",
      "numpySin",
      "parseCsvDataset",
      "parseH5",
      "parseNpy",
      "parseNpyHeader",
      "parse_football_dataset",
      "pngDataUrl",
      "random_mini_batch_indices",
      "random_mini_batches",
      "readBytes",
      "readH5",
      "readH5Dataset",
      "readImageColumn",
      "readNpy",
      "resizeBicubic",
      "resolveDataDir",
      "sameNdShape",
      "sha256Hex",
      "shapeSize",
      "toImageBatch",
      "toLabelRow",
      "writeFileAtomic",
    ]);
  });

  it("lists mirrors as https base URLs of a datasets folder", () => {
    expect(data.CATVNONCAT_MIRRORS.length).toBeGreaterThanOrEqual(3);
    for (const url of data.CATVNONCAT_MIRRORS)
      expect(url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/.+\/$/);
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
