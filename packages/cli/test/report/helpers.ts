import { join } from "node:path";
import { decodeImage, type RgbImage } from "@stepwise/data";
import { loadFixture } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";

/** The course's data, as the repository holds it. */
export const DATASET = join(import.meta.dirname, "../../../../datasets/catvnoncat");

export const right = <A>(result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

export interface CourseRun {
  readonly costs: ReadonlyArray<number>;
  readonly learning_rate: number;
  readonly train_accuracy: number;
  readonly test_accuracy: number;
  readonly test_predictions: ReadonlyArray<number>;
}

/** coursera-L-layer.json as the file has it, through testkit's loader (fixtures/, or $STEPWISE_FIXTURES_DIR). */
export const courseRun = (): CourseRun => loadFixture("coursera-L-layer.json") as CourseRun;

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian). */
export const pngSize = (png: Uint8Array): { readonly width: number; readonly height: number } => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

export const decodePng = (png: Uint8Array): RgbImage => right(decodeImage(png, "png"));

/** Pixels darker than light grey: text and lines on a white background. */
export const darkPixels = (image: RgbImage): number => {
  let n = 0;
  for (let p = 0; p < image.data.length; p += 3)
    if ((image.data[p] ?? 255) + (image.data[p + 1] ?? 255) + (image.data[p + 2] ?? 255) < 3 * 160) n++;
  return n;
};

/** A `height × width` RGB image of one colour. */
export const solidImage = (
  width: number,
  height: number,
  rgb: readonly [number, number, number],
): Uint8Array => Uint8Array.from({ length: width * height * 3 }, (_, i) => rgb[i % 3] ?? 0);
