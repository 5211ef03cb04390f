import {
  CATVNONCAT_H5_FILES,
  type Dataset,
  flattenImages,
  type H5File,
  type ImageBatch,
  parseH5,
  toImageBatch,
  toLabelRow,
} from "@stepwise/data";
import { type Matrix, type StepwiseError, stepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";

const split = (
  file: H5File,
  prefix: "train" | "test",
): E.Either<StepwiseError, readonly [Matrix, Matrix, ImageBatch]> =>
  pipe(
    E.Do,
    E.apS("x", file.dataset(`${prefix}_set_x`)),
    E.apS("y", file.dataset(`${prefix}_set_y`)),
    E.bind("images", ({ x }) => toImageBatch(x, `${file.name}: dataset '${prefix}_set_x'`)),
    E.bind("labels", ({ y, images }) =>
      toLabelRow(y, images.shape[0], `${file.name}: dataset '${prefix}_set_y'`),
    ),
    E.map(({ images, labels }) => [flattenImages(images), labels, images] as const),
  );

/**
 * The course's `load_data()` and flattening from the two HDF5 files' bytes, parsed with
 * `@stepwise/data`'s HDF5 reader (no file system: the bytes come from `fetch`).
 */
export const catvnoncatFromBytes = (train: Uint8Array, test: Uint8Array): E.Either<StepwiseError, Dataset> =>
  pipe(
    E.Do,
    E.apS("trainFile", parseH5(train, CATVNONCAT_H5_FILES[0])),
    E.apS("testFile", parseH5(test, CATVNONCAT_H5_FILES[1])),
    E.bind("train", ({ trainFile }) => split(trainFile, "train")),
    E.bind("test", ({ testFile }) => split(testFile, "test")),
    E.bind("classes", ({ testFile }) =>
      E.map((a: { readonly data: ArrayLike<unknown> }) => Array.from(a.data, String))(
        testFile.dataset("list_classes"),
      ),
    ),
    E.map(({ train: [train_x, train_y, trainImages], test: [test_x, test_y, testImages], classes }) => ({
      train_x,
      train_y,
      test_x,
      test_y,
      classes,
      trainImages,
      testImages,
    })),
  );

/** Fetches the two files from the site's own assets (`base` is the site's root URL). */
export const fetchCatvnoncat = async (base: string): Promise<E.Either<StepwiseError, Dataset>> => {
  const get = async (name: string): Promise<Uint8Array> => {
    const url = new URL(`datasets/catvnoncat/${name}`, base);
    const response = await fetch(url);
    if (!response.ok)
      throw new Error(
        `cannot fetch ${url.href}: HTTP ${response.status}; the site's build should include it`,
      );
    return new Uint8Array(await response.arrayBuffer());
  };
  try {
    const [train, test] = await Promise.all(CATVNONCAT_H5_FILES.map(get));
    return catvnoncatFromBytes(train as Uint8Array, test as Uint8Array);
  } catch (e) {
    return E.left(stepwiseError("DataError", e instanceof Error ? e.message : String(e)));
  }
};
