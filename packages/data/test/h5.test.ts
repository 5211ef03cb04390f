import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type H5File, parseH5 } from "../src/h5.js";
import type { NdArray } from "../src/ndarray.js";
import { parseNpy } from "../src/npy.js";
import { readH5, readH5Dataset } from "../src/read.js";

/** The course's files, as the repository holds them. */
const DATASET = join(import.meta.dirname, "../../../datasets/catvnoncat");
const TRAIN = new Uint8Array(readFileSync(join(DATASET, "train_catvnoncat.h5")));

const right = <A>(result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const errorOf = (result: E.Either<{ readonly _tag: string; readonly message: string }, unknown>): string => {
  if (E.isRight(result)) throw new Error("expected an error");
  expect(result.left._tag).toBe("DataError");
  return result.left.message;
};

/** Deterministic noise: SHA-256 blocks of a counter. */
const noise = (length: number): Uint8Array => {
  const out = new Uint8Array(length);
  for (let i = 0; i * 32 < length; i++)
    out.set(
      createHash("sha256")
        .update(`block ${i}`)
        .digest()
        .subarray(0, Math.min(32, length - i * 32)),
      i * 32,
    );
  return out;
};

const trainFile: H5File = right(parseH5(TRAIN, "train_catvnoncat.h5"));

describe("parseH5 on the course's file", () => {
  it("lists the root datasets", () => {
    expect(trainFile.keys).toEqual(["list_classes", "train_set_x", "train_set_y"]);
  });

  it("reads uint8 images, int64 labels and S7 class names with numpy's shapes", () => {
    const x = right(trainFile.dataset("train_set_x"));
    expect([x.dtype, x.shape]).toEqual(["uint8", [209, 64, 64, 3]]);
    const y = right(trainFile.dataset("train_set_y"));
    expect([y.dtype, y.shape]).toEqual(["int64", [209]]);
    // numpy drops the NUL padding of fixed-width bytes: [b'non-cat', b'cat'].
    expect(right(trainFile.dataset("list_classes"))).toEqual({
      dtype: "string",
      shape: [2],
      data: ["non-cat", "cat"],
    });
  });

  it("gives the same arrays as the .npy copies, byte for byte", () => {
    const npy = (name: string): NdArray =>
      right(parseNpy(new Uint8Array(readFileSync(join(DATASET, name))), name));
    // Compared through a SHA-256 of the raw bytes: toEqual on 2.5 M elements takes seconds.
    const summary = (a: NdArray) => ({
      dtype: a.dtype,
      shape: a.shape,
      length: a.data.length,
      sha256:
        a.dtype === "string"
          ? a.data.join("\n")
          : createHash("sha256")
              .update(new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength))
              .digest("hex"),
    });
    const x = summary(right(trainFile.dataset("train_set_x")));
    expect(x.length).toBe(209 * 64 * 64 * 3);
    expect(x).toEqual(summary(npy("train_x.npy")));
    expect(summary(right(trainFile.dataset("train_set_y")))).toEqual(summary(npy("train_y.npy")));
  });

  it("names a missing dataset and lists what is there", () => {
    expect(errorOf(trainFile.dataset("test_set_x"))).toBe(
      "train_catvnoncat.h5: no dataset 'test_set_x'; the file holds: list_classes, train_set_x, train_set_y. Is it the right file?",
    );
  });
});

describe("parseH5 on bad files", () => {
  it("rejects bytes that are not HDF5", () => {
    expect(errorOf(parseH5(noise(4096), "noise.h5"))).toMatch(/^noise\.h5: not an HDF5 file/);
    expect(errorOf(parseH5(new TextEncoder().encode("<!DOCTYPE html><html>404</html>"), "page.h5"))).toMatch(
      /not an HDF5 file .*an HTML page/,
    );
    expect(errorOf(parseH5(new Uint8Array(0), "empty.h5"))).toMatch(/not an HDF5 file/);
  });

  it("names an 8 KB truncated copy (what some mirrors serve)", () => {
    expect(errorOf(parseH5(TRAIN.subarray(0, 8192), "train_catvnoncat.h5"))).toBe(
      "train_catvnoncat.h5: truncated HDF5 file: it has 8192 bytes but its superblock says 2572022 (some mirrors serve 8 KB stubs); fetch it again and check its SHA-256",
    );
  });

  it("names a copy missing only its last bytes, which the parser alone would accept", () => {
    expect(errorOf(parseH5(TRAIN.subarray(0, TRAIN.length - 1000), "t.h5"))).toMatch(
      /truncated HDF5 file: it has 2571022 bytes but its superblock says 2572022/,
    );
  });

  it("names a file cut inside its superblock", () => {
    expect(errorOf(parseH5(TRAIN.subarray(0, 30), "t.h5"))).toMatch(/superblock cannot be read/);
  });

  it("names damaged metadata instead of throwing", () => {
    const damaged = TRAIN.slice();
    damaged.fill(0, 96, 2048);
    expect(errorOf(parseH5(damaged, "d.h5"))).toMatch(
      /^d\.h5: cannot be read as HDF5 \(.+\); the file is damaged/,
    );
  });
});

describe("readH5 / readH5Dataset", () => {
  it("reads one dataset of a file on disk", async () => {
    const y = right(await readH5Dataset(join(DATASET, "test_catvnoncat.h5"), "test_set_y"));
    expect([y.dtype, y.shape, Array.from<unknown>(y.data).slice(0, 6)]).toEqual([
      "int64",
      [50],
      [1, 1, 1, 1, 1, 0],
    ]);
  });

  it("names a missing file", async () => {
    expect(errorOf(await readH5("/nonexistent/train_catvnoncat.h5"))).toMatch(
      /^cannot read \/nonexistent\/train_catvnoncat\.h5: ENOENT/,
    );
  });
});
