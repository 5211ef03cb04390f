import { createHash } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Dataset,
  flattenImages,
  imageAt,
  parseCatvnoncat,
  toImageBatch,
  toLabelRow,
} from "../src/catvnoncat.js";
import { loadCatvnoncat } from "../src/read.js";

/** The course's files, as the repository holds them. */
const DATASET = join(import.meta.dirname, "../../../datasets/catvnoncat");

const right = <A>(result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const errorOf = (result: E.Either<{ readonly _tag: string; readonly message: string }, unknown>): string => {
  if (E.isRight(result)) throw new Error("expected an error");
  expect(result.left._tag).toBe("DataError");
  return result.left.message;
};

const at = (m: Matrix, i: number, j: number): number | undefined => m.data[i * m.cols + j];
const digest = (m: Matrix): string =>
  createHash("sha256")
    .update(new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength))
    .digest("hex");

/** A version 1.0 .npy file, as np.save writes it (header padded to a multiple of 64 bytes). */
const npyFile = (descr: string, shape: ReadonlyArray<number>, body: Uint8Array): Uint8Array => {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(", ");
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
  const header = `${dict}${" ".repeat(63 - ((10 + dict.length) % 64))}\n`;
  const out = new Uint8Array(10 + header.length + body.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(new TextEncoder().encode(header), 10);
  out.set(body, 10 + header.length);
  return out;
};

const int64s = (values: ReadonlyArray<number>): Uint8Array =>
  new Uint8Array(BigInt64Array.from(values, (v) => BigInt(v)).buffer);

let work: string;
let dataset: Dataset;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "stepwise-catvnoncat-"));
  dataset = right(await loadCatvnoncat(DATASET));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A fresh folder holding copies of the named course files, plus any extra files given. */
let folders = 0;
const folder = async (
  copies: ReadonlyArray<string>,
  extra: Readonly<Record<string, Uint8Array>> = {},
): Promise<string> => {
  const dir = join(work, `case-${folders++}`);
  await import("node:fs/promises").then((fs) => fs.mkdir(dir));
  for (const name of copies) await copyFile(join(DATASET, name), join(dir, name));
  for (const [name, bytes] of Object.entries(extra)) await writeFile(join(dir, name), bytes);
  return dir;
};

describe("loadCatvnoncat", () => {
  it("has the course's shapes and classes", () => {
    const shapes = [dataset.train_x, dataset.train_y, dataset.test_x, dataset.test_y].map((m) => [
      m.rows,
      m.cols,
    ]);
    expect(shapes).toEqual([
      [12288, 209],
      [1, 209],
      [12288, 50],
      [1, 50],
    ]);
    expect(dataset.classes).toEqual(["non-cat", "cat"]);
    expect(dataset.trainImages.shape).toEqual([209, 64, 64, 3]);
    expect(dataset.testImages.shape).toEqual([50, 64, 64, 3]);
  });

  it("matches numpy's reshape(m, -1).T / 255. at spot-checked entries, exactly", () => {
    // python3 -c "import numpy as np; x = np.load('train_x.npy'); X = x.reshape(x.shape[0], -1).T / 255.;
    //   print([repr(float(X[i, j])) for i, j in [(0,0), (1,0), (2,0), (12287,208), (5000,100), (1943,17)]])"
    // (1943 = row 10, column 7, channel 2 of image 17: x[17, 10, 7, 2] == 231.)
    const X = dataset.train_x;
    expect([
      at(X, 0, 0),
      at(X, 1, 0),
      at(X, 2, 0),
      at(X, 12287, 208),
      at(X, 5000, 100),
      at(X, 1943, 17),
    ]).toEqual([
      0.06666666666666667, 0.12156862745098039, 0.2196078431372549, 0, 0.5254901960784314, 0.9058823529411765,
    ]);
    // Same for test_x.npy: T[0, 0], T[12287, 49], T[777, 13].
    const T = dataset.test_x;
    expect([at(T, 0, 0), at(T, 12287, 49), at(T, 777, 13)]).toEqual([
      0.6196078431372549, 0.0196078431372549, 0.9058823529411765,
    ]);
  });

  it("matches numpy's sums and labels", () => {
    // python3 -c "import numpy as np; x = np.load('train_x.npy'); print(int(x.astype(np.int64).sum()),
    //   repr(float((x.reshape(209, -1).T / 255.).sum())), int(np.load('train_y.npy').sum()), np.load('test_y.npy').tolist())"
    expect(dataset.trainImages.data.reduce((s, v) => s + v, 0)).toBe(264542077);
    // numpy sums pairwise, we sum in order; the rounding of 2.5 M in-order additions is bounded by
    // n·ε ≈ 2.5e6 · 1.1e-16 ≈ 3e-10 relative, so 1e-9 (the entries themselves are checked exactly).
    const sum = dataset.train_x.data.reduce((s, v) => s + v, 0);
    expect(Math.abs(sum - 1037419.9098039216) / 1037419.9098039216).toBeLessThan(1e-9);
    expect(dataset.train_y.data.reduce((s, v) => s + v, 0)).toBe(72);
    expect(Array.from(dataset.test_y.data)).toEqual([
      1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0,
      0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0,
    ]);
  });

  it("gives identical X and Y from the HDF5 files and the .npy copies", async () => {
    const npy = right(await loadCatvnoncat(DATASET, { format: "npy" }));
    for (const key of ["train_x", "train_y", "test_x", "test_y"] as const) {
      expect([npy[key].rows, npy[key].cols]).toEqual([dataset[key].rows, dataset[key].cols]);
      expect(digest(npy[key])).toBe(digest(dataset[key]));
    }
    expect(npy.classes).toEqual(["non-cat", "cat"]);
  });

  it("keeps the raw test images for pictures", () => {
    // python3 -c "import numpy as np; print(np.load('test_x.npy')[13].reshape(-1)[777])"  → 231
    expect(imageAt(dataset.testImages, 13)[777]).toBe(231);
    expect(imageAt(dataset.testImages, 49).length).toBe(12288);
  });
});

describe("parseCatvnoncat (from bytes, as in a browser)", () => {
  it("gives the same data set as loadCatvnoncat, from either copy", async () => {
    const bytes = async (name: string) =>
      [name, new Uint8Array(await readFile(join(DATASET, name)))] as const;
    const h5 = right(
      parseCatvnoncat(
        Object.fromEntries(await Promise.all(["train_catvnoncat.h5", "test_catvnoncat.h5"].map(bytes))),
      ),
    );
    const npy = right(
      parseCatvnoncat(
        Object.fromEntries(
          await Promise.all(["train_x.npy", "train_y.npy", "test_x.npy", "test_y.npy"].map(bytes)),
        ),
        { format: "npy" },
      ),
    );
    for (const key of ["train_x", "train_y", "test_x", "test_y"] as const) {
      expect(digest(h5[key])).toBe(digest(dataset[key]));
      expect(digest(npy[key])).toBe(digest(dataset[key]));
    }
    expect(h5.classes).toEqual(["non-cat", "cat"]);
  });

  it("names the files it was not given, and errors name files as `source` says", async () => {
    expect(errorOf(parseCatvnoncat({}))).toBe(
      'parseCatvnoncat: no bytes for train_catvnoncat.h5 and test_catvnoncat.h5; pass an object holding "train_catvnoncat.h5", "test_catvnoncat.h5" (the bytes of the course\'s files, e.g. from fetch(...).arrayBuffer())',
    );
    const stub = new TextEncoder().encode("404: Not Found");
    expect(
      errorOf(
        parseCatvnoncat(
          { "train_catvnoncat.h5": stub, "test_catvnoncat.h5": stub },
          { source: (file) => `https://example.org/${file}` },
        ),
      ),
    ).toMatch(/^https:\/\/example\.org\/train_catvnoncat\.h5: not an HDF5 file/);
  });
});

describe("loadCatvnoncat on wrong folders and files", () => {
  it("names a missing file", async () => {
    const dir = await folder(["train_catvnoncat.h5"]);
    expect(errorOf(await loadCatvnoncat(dir))).toMatch(/^cannot read .*test_catvnoncat\.h5: ENOENT/);
  });

  it("names a missing dataset and lists what the file holds", async () => {
    const dir = await folder(["train_catvnoncat.h5"]);
    await copyFile(join(DATASET, "train_catvnoncat.h5"), join(dir, "test_catvnoncat.h5"));
    expect(errorOf(await loadCatvnoncat(dir))).toMatch(
      /test_catvnoncat\.h5: no dataset 'test_set_x'; the file holds: list_classes, train_set_x, train_set_y/,
    );
  });

  it("names a truncated file", async () => {
    const train = await readFile(join(DATASET, "train_catvnoncat.h5"));
    const dir = await folder(["test_catvnoncat.h5"], { "train_catvnoncat.h5": train.subarray(0, 8192) });
    expect(errorOf(await loadCatvnoncat(dir))).toMatch(
      /train_catvnoncat\.h5: truncated HDF5 file: it has 8192 bytes/,
    );
  });

  it("names a file that is not HDF5", async () => {
    const dir = await folder(["test_catvnoncat.h5"], {
      "train_catvnoncat.h5": new TextEncoder().encode("404: Not Found"),
    });
    expect(errorOf(await loadCatvnoncat(dir))).toMatch(/train_catvnoncat\.h5: not an HDF5 file/);
  });

  it("names labels that are not 0/1 (one label patched in a copy of the HDF5 file)", async () => {
    const train = new Uint8Array(await readFile(join(DATASET, "train_catvnoncat.h5")));
    // The labels are stored contiguously as little-endian int64: find them via the .npy copy's data.
    const labels = new Uint8Array(await readFile(join(DATASET, "train_y.npy"))).subarray(128);
    const offset = Buffer.from(train).indexOf(Buffer.from(labels));
    expect(offset).toBeGreaterThan(0);
    train[offset + 5 * 8] = 2;
    const dir = await folder(["test_catvnoncat.h5"], { "train_catvnoncat.h5": train });
    expect(errorOf(await loadCatvnoncat(dir))).toMatch(
      /dataset 'train_set_y': label 5 is 2; labels must be 0 \(non-cat\) or 1 \(cat\)/,
    );
  });

  it("names .npy images of the wrong shape or dtype", async () => {
    const copies = ["train_y.npy", "test_x.npy", "test_y.npy"];
    const fourChannels = npyFile("|u1", [209, 64, 64, 4], new Uint8Array(209 * 64 * 64 * 4));
    const dir = await folder(copies, { "train_x.npy": fourChannels });
    expect(errorOf(await loadCatvnoncat(dir, { format: "npy" }))).toMatch(
      /train_x\.npy is uint8 \(209, 64, 64, 4\); expected uint8 \(m, 64, 64, 3\) RGB images/,
    );
    const floats = npyFile("<f8", [1, 64, 64, 3], new Uint8Array(64 * 64 * 3 * 8));
    const dir2 = await folder(copies, { "train_x.npy": floats });
    expect(errorOf(await loadCatvnoncat(dir2, { format: "npy" }))).toMatch(
      /train_x\.npy is float64 \(1, 64, 64, 3\); expected uint8/,
    );
  });

  it("names labels whose count does not match the images", async () => {
    const dir = await folder(["train_x.npy", "test_x.npy", "test_y.npy"], {
      "train_y.npy": npyFile("<i8", [208], int64s(Array.from({ length: 208 }, () => 1))),
    });
    expect(errorOf(await loadCatvnoncat(dir, { format: "npy" }))).toMatch(
      /train_y\.npy is int64 \(208,\); expected 209 integer labels of shape \(209,\)/,
    );
  });
});

describe("flattenImages", () => {
  it("puts image i in column i, pixels in (row, column, channel) order, divided by 255", () => {
    // Two 2×2 RGB images holding 0..23: numpy's np.arange(24).reshape(2, 2, 2, 3).reshape(2, -1).T / 255.
    const X = flattenImages({ shape: [2, 2, 2, 3], data: Uint8Array.from({ length: 24 }, (_, i) => i) });
    expect([X.rows, X.cols]).toEqual([12, 2]);
    for (let f = 0; f < 12; f++) {
      expect(at(X, f, 0)).toBe(f / 255);
      expect(at(X, f, 1)).toBe((12 + f) / 255);
    }
  });

  it("divides by 255 as numpy does, not multiplies by 1/255", () => {
    // python3 -c "import numpy as np; print([repr(float(v / 255.)) for v in np.array([33, 37, 41], np.uint8)])"
    // (v * (1/255.) gives 0.12941176470588234, ... for these: one ulp off.)
    const X = flattenImages({ shape: [3, 1, 1, 1], data: Uint8Array.from([33, 37, 41]) });
    expect(Array.from(X.data)).toEqual([0.12941176470588237, 0.1450980392156863, 0.1607843137254902]);
  });
});

describe("toImageBatch / toLabelRow", () => {
  it("accept the course's shapes", () => {
    const images = { dtype: "uint8", shape: [1, 64, 64, 3], data: new Uint8Array(12288) } as const;
    expect(E.map((b: { readonly shape: unknown }) => b.shape)(toImageBatch(images, "x"))).toEqual(
      E.right([1, 64, 64, 3]),
    );
    const row = right(
      toLabelRow({ dtype: "int64", shape: [1, 3], data: Float64Array.from([0, 1, 1]) }, 3, "y"),
    );
    expect([row.rows, row.cols, Array.from(row.data)]).toEqual([1, 3, [0, 1, 1]]);
  });

  it("reject other image sizes and non-integer labels", () => {
    const small = { dtype: "uint8", shape: [5, 32, 32, 3], data: new Uint8Array(5 * 32 * 32 * 3) } as const;
    expect(errorOf(toImageBatch(small, "x.npy"))).toMatch(/x\.npy is uint8 \(5, 32, 32, 3\)/);
    expect(
      errorOf(toLabelRow({ dtype: "float64", shape: [2], data: Float64Array.from([0.5, 1]) }, 2, "y")),
    ).toMatch(/label 0 is 0\.5/);
    expect(errorOf(toLabelRow({ dtype: "string", shape: [2], data: ["a", "b"] }, 2, "y"))).toMatch(
      /y is string \(2,\)/,
    );
  });
});
