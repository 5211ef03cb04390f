import { join } from "node:path";
import type { Matrix, StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import {
  CATVNONCAT_H5_FILES,
  CATVNONCAT_NPY_FILES,
  type CatvnoncatFormat,
  type Dataset,
  NUM_PX,
  parseCatvnoncat,
} from "./catvnoncat.js";
import { readBytes } from "./files.js";
import { type H5File, parseH5 } from "./h5.js";
import { imageColumn } from "./image.js";
import type { NdArray } from "./ndarray.js";
import { parseNpy } from "./npy.js";

// Node only (see node.ts): each reader is readBytes followed by the browser-safe parser of the same format.

/** Reads an HDF5 file from disk and parses it. */
export const readH5 = async (path: string): Promise<E.Either<StepwiseError, H5File>> =>
  E.flatMap(await readBytes(path), (bytes) => parseH5(bytes, path));

/** One dataset of an HDF5 file on disk, h5py's `np.array(h5py.File(path)[key])`. */
export const readH5Dataset = async (path: string, key: string): Promise<E.Either<StepwiseError, NdArray>> =>
  E.flatMap(await readH5(path), (file) => file.dataset(key));

/** Reads and parses a `.npy` file. */
export const readNpy = async (path: string): Promise<E.Either<StepwiseError, NdArray>> =>
  E.flatMap(await readBytes(path), (bytes) => parseNpy(bytes, path));

/** `imageColumn` of a file on disk. */
export const readImageColumn = async (
  path: string,
  size: number = NUM_PX,
): Promise<E.Either<StepwiseError, Matrix>> =>
  E.flatMap(await readBytes(path), (bytes) => imageColumn(bytes, path, size));

/**
 * The course's `load_data()` plus flattening, from a folder holding `train_catvnoncat.h5` and
 * `test_catvnoncat.h5` (or, with `format: "npy"`, the four .npy copies): `parseCatvnoncat` of the files.
 */
export const loadCatvnoncat = async (
  dir: string,
  options: { readonly format?: CatvnoncatFormat } = {},
): Promise<E.Either<StepwiseError, Dataset>> => {
  const names: ReadonlyArray<string> = options.format === "npy" ? CATVNONCAT_NPY_FILES : CATVNONCAT_H5_FILES;
  const read = await Promise.all(
    names.map(async (name) =>
      E.map((bytes: Uint8Array) => [name, bytes] as const)(await readBytes(join(dir, name))),
    ),
  );
  return pipe(
    E.sequenceArray(read),
    E.flatMap((entries) =>
      parseCatvnoncat(Object.fromEntries(entries), { ...options, source: (file) => join(dir, file) }),
    ),
  );
};
