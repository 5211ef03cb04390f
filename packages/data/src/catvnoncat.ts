import { type Matrix, type StepwiseError, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { type H5File, parseH5 } from "./h5.js";
import { dataError, formatNdShape, type NdArray } from "./ndarray.js";
import { parseNpy } from "./npy.js";

/** The course's image side and channels: every picture is 64×64 RGB. */
export const NUM_PX = 64;
export const NUM_CHANNELS = 3;

export const CATVNONCAT_H5_FILES = ["train_catvnoncat.h5", "test_catvnoncat.h5"] as const;
export const CATVNONCAT_NPY_FILES = ["train_x.npy", "train_y.npy", "test_x.npy", "test_y.npy"] as const;

/** The course's `classes`, used when the source has none (the .npy copies). */
export const CATVNONCAT_CLASSES: ReadonlyArray<string> = ["non-cat", "cat"];

/** m uint8 images of `height × width × channels`, numpy's `(m, height, width, channels)` in C order. */
export interface ImageBatch {
  readonly shape: readonly [m: number, height: number, width: number, channels: number];
  readonly data: Uint8Array;
}

/**
 * The course's `load_data()` after its flattening cell: X is `(12288, m)` in [0, 1], Y is `(1, m)` of
 * 0/1. The raw images stay available for pictures (the trainer's report shows mislabeled test images).
 */
export interface Dataset {
  readonly train_x: Matrix;
  readonly train_y: Matrix;
  readonly test_x: Matrix;
  readonly test_y: Matrix;
  readonly classes: ReadonlyArray<string>;
  readonly trainImages: ImageBatch;
  readonly testImages: ImageBatch;
}

export type CatvnoncatFormat = "h5" | "npy";

/**
 * numpy's `x.reshape(m, -1).T / 255.`: column i is image i with its pixels in (row, column, channel)
 * order, each value divided by 255 (not multiplied by 1/255, which rounds differently).
 */
export const flattenImages = (images: ImageBatch): Matrix => {
  const [m, height, width, channels] = images.shape;
  const features = height * width * channels;
  const out = new Float64Array(features * m);
  for (let i = 0; i < m; i++) {
    const src = i * features;
    for (let f = 0; f < features; f++) out[f * m + i] = (images.data[src + f] as number) / 255;
  }
  return unsafeMatrix(features, m, out);
};

/** Image `i` of a batch as `height × width × channels` bytes (for `encodePng`). */
export const imageAt = (images: ImageBatch, i: number): Uint8Array => {
  const [, height, width, channels] = images.shape;
  const size = height * width * channels;
  return images.data.subarray(i * size, (i + 1) * size);
};

/** Checks that an array is `(m, 64, 64, 3)` uint8 images. */
export const toImageBatch = (array: NdArray, where: string): E.Either<StepwiseError, ImageBatch> => {
  const [m, height, width, channels] = array.shape;
  if (
    array.dtype !== "uint8" ||
    array.shape.length !== 4 ||
    m === undefined ||
    height !== NUM_PX ||
    width !== NUM_PX ||
    channels !== NUM_CHANNELS
  )
    return E.left(
      dataError(
        `${where} is ${array.dtype} ${formatNdShape(array.shape)}; expected uint8 (m, ${NUM_PX}, ${NUM_PX}, ${NUM_CHANNELS}) RGB images as in the course's catvnoncat files`,
      ),
    );
  return E.right({ shape: [m, height, width, channels], data: array.data });
};

/** Checks that labels are `(m,)` (or `(1, m)`) zeros and ones and makes them the row Y `(1, m)`. */
export const toLabelRow = (array: NdArray, m: number, where: string): E.Either<StepwiseError, Matrix> => {
  const shapeOk =
    (array.shape.length === 1 && array.shape[0] === m) ||
    (array.shape.length === 2 && array.shape[0] === 1 && array.shape[1] === m);
  if (array.dtype === "string" || !shapeOk)
    return E.left(
      dataError(
        `${where} is ${array.dtype} ${formatNdShape(array.shape)}; expected ${m} integer labels of shape (${m},), one per image`,
      ),
    );
  const labels = Float64Array.from(array.data);
  const bad = labels.findIndex((v) => v !== 0 && v !== 1);
  if (bad >= 0)
    return E.left(
      dataError(
        `${where}: label ${bad} is ${labels[bad]}; labels must be 0 (non-cat) or 1 (cat). Is it the course's catvnoncat file?`,
      ),
    );
  return E.right(unsafeMatrix(1, m, labels));
};

interface Split {
  readonly x: Matrix;
  readonly y: Matrix;
  readonly images: ImageBatch;
}

const split = (
  images: NdArray,
  labels: NdArray,
  xWhere: string,
  yWhere: string,
): E.Either<StepwiseError, Split> =>
  pipe(
    toImageBatch(images, xWhere),
    E.flatMap((batch) =>
      E.map((y: Matrix) => ({ x: flattenImages(batch), y, images: batch }))(
        toLabelRow(labels, batch.shape[0], yWhere),
      ),
    ),
  );

const classNames = (file: H5File): E.Either<StepwiseError, ReadonlyArray<string>> =>
  pipe(
    file.dataset("list_classes"),
    E.flatMap((a) =>
      a.dtype === "string" && a.data.length === 2
        ? E.right(a.data)
        : E.left(
            dataError(
              `${file.name}: dataset 'list_classes' is ${a.dtype} ${formatNdShape(a.shape)}; expected 2 strings [b'non-cat', b'cat']`,
            ),
          ),
    ),
  );

const splitFromH5 = (file: H5File, prefix: "train" | "test"): E.Either<StepwiseError, Split> =>
  pipe(
    E.Do,
    E.apS("x", file.dataset(`${prefix}_set_x`)),
    E.apS("y", file.dataset(`${prefix}_set_y`)),
    E.flatMap(({ x, y }) =>
      split(x, y, `${file.name}: dataset '${prefix}_set_x'`, `${file.name}: dataset '${prefix}_set_y'`),
    ),
  );

const assemble = (train: Split, test: Split, classes: ReadonlyArray<string>): Dataset => ({
  train_x: train.x,
  train_y: train.y,
  test_x: test.x,
  test_y: test.y,
  classes,
  trainImages: train.images,
  testImages: test.images,
});

/** The course's files as bytes, keyed by file name (`train_catvnoncat.h5`, …, or `train_x.npy`, …). */
export type CatvnoncatFiles = Readonly<Record<string, Uint8Array>>;

export interface ParseCatvnoncatOptions {
  /** Which copies `files` holds: the two .h5 files (default) or the four .npy files. */
  readonly format?: CatvnoncatFormat;
  /** How error messages name a file (default: its name; the Node loader passes the full path). */
  readonly source?: (file: string) => string;
}

const bytesOf = (
  files: CatvnoncatFiles,
  names: ReadonlyArray<string>,
): E.Either<StepwiseError, ReadonlyArray<Uint8Array>> => {
  const missing = names.filter((n) => files[n] === undefined);
  return missing.length === 0
    ? E.right(names.map((n) => files[n] as Uint8Array))
    : E.left(
        dataError(
          `parseCatvnoncat: no bytes for ${missing.join(" and ")}; pass an object holding ${names.map((n) => `"${n}"`).join(", ")} (the bytes of the course's files, e.g. from fetch(...).arrayBuffer())`,
        ),
      );
};

const fromH5 = (files: CatvnoncatFiles, source: (file: string) => string): E.Either<StepwiseError, Dataset> =>
  pipe(
    bytesOf(files, CATVNONCAT_H5_FILES),
    E.flatMap(([train, test]) =>
      pipe(
        E.Do,
        E.apS("trainFile", parseH5(train as Uint8Array, source("train_catvnoncat.h5"))),
        E.apS("testFile", parseH5(test as Uint8Array, source("test_catvnoncat.h5"))),
      ),
    ),
    E.bind("train", ({ trainFile }) => splitFromH5(trainFile, "train")),
    E.bind("test", ({ testFile }) => splitFromH5(testFile, "test")),
    E.bind("classes", ({ testFile }) => classNames(testFile)),
    E.map(({ train, test, classes }) => assemble(train, test, classes)),
  );

const fromNpy = (
  files: CatvnoncatFiles,
  source: (file: string) => string,
): E.Either<StepwiseError, Dataset> => {
  const [trainX, trainY, testX, testY] = [
    source("train_x.npy"),
    source("train_y.npy"),
    source("test_x.npy"),
    source("test_y.npy"),
  ];
  return pipe(
    bytesOf(files, CATVNONCAT_NPY_FILES),
    E.flatMap(([a, b, c, d]) =>
      pipe(
        E.Do,
        E.apS("trainX", parseNpy(a as Uint8Array, trainX)),
        E.apS("trainY", parseNpy(b as Uint8Array, trainY)),
        E.apS("testX", parseNpy(c as Uint8Array, testX)),
        E.apS("testY", parseNpy(d as Uint8Array, testY)),
      ),
    ),
    E.bind("train", (a) => split(a.trainX, a.trainY, trainX, trainY)),
    E.bind("test", (a) => split(a.testX, a.testY, testX, testY)),
    E.map(({ train, test }) => assemble(train, test, CATVNONCAT_CLASSES)),
  );
};

/**
 * The course's `load_data()` plus flattening, from the files' bytes (no file system, so it runs in a
 * browser too): `train_catvnoncat.h5` and `test_catvnoncat.h5`, or with `format: "npy"` the four .npy
 * copies. `loadCatvnoncat(dir)` in `@stepwise/data/node` reads them from a folder.
 */
export const parseCatvnoncat = (
  files: CatvnoncatFiles,
  options: ParseCatvnoncatOptions = {},
): E.Either<StepwiseError, Dataset> => {
  const source = options.source ?? ((file: string) => file);
  return options.format === "npy" ? fromNpy(files, source) : fromH5(files, source);
};
