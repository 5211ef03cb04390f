import { invalidArgument, type Matrix, raise, type StepwiseError, unsafeMatrix } from "@stepwise/tensor";
import { decode as decodePngFile, encode as encodePngFile } from "fast-png";
import * as E from "fp-ts/lib/Either.js";
import jpeg from "jpeg-js";
import { NUM_PX } from "./catvnoncat.js";
import { dataError, describeError } from "./ndarray.js";

/** An 8-bit RGB picture, pixels in (row, column, channel) order: numpy's `(height, width, 3)`. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

const isPng = (b: Uint8Array): boolean =>
  b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a;
const isJpeg = (b: Uint8Array): boolean => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** PNG rows of 1/2/4-bit samples are bit-packed and byte-aligned; spread them to one byte each. */
const unpackLowDepth = (packed: Uint8Array, width: number, height: number, depth: number): Uint8Array => {
  const out = new Uint8Array(width * height);
  const rowBytes = Math.ceil((width * depth) / 8);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      const byte = packed[y * rowBytes + (bit >> 3)] ?? 0;
      out[y * width + x] = (byte >> (8 - depth - (bit & 7))) & mask;
    }
  return out;
};

const pngToRgb = (bytes: Uint8Array): RgbImage => {
  const png = decodePngFile(bytes);
  const { width, height, depth, channels, palette } = png;
  const pixels = width * height;
  // 16-bit samples keep their high byte; low-depth samples are unpacked (and scaled, unless indices).
  const samples =
    depth === 16
      ? Uint8Array.from(png.data, (v) => v >> 8)
      : depth < 8
        ? unpackLowDepth(Uint8Array.from(png.data), width, height, depth).map((v) =>
            palette === undefined ? (v * 255) / ((1 << depth) - 1) : v,
          )
        : Uint8Array.from(png.data);
  if (samples.length < pixels * channels) throw new Error(`pixel data is short: ${samples.length} samples`);
  const out = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    const s = p * channels;
    if (palette !== undefined) {
      const color = palette[samples[s] ?? 0];
      if (color === undefined) throw new Error(`palette index ${samples[s]} is outside the palette`);
      out.set(color.slice(0, 3), p * 3);
    } else if (channels <= 2) {
      // Gray (and gray + alpha): the same value on R, G and B, as PIL's convert("RGB").
      out.fill(samples[s] ?? 0, p * 3, p * 3 + 3);
    } else {
      out[p * 3] = samples[s] ?? 0;
      out[p * 3 + 1] = samples[s + 1] ?? 0;
      out[p * 3 + 2] = samples[s + 2] ?? 0;
    }
  }
  return { width, height, data: out };
};

const jpegToRgb = (bytes: Uint8Array): RgbImage => {
  const { width, height, data } = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
  return { width, height, data };
};

/**
 * Decodes a PNG or JPEG to 8-bit RGB. Alpha is dropped (not composited), exactly as PIL's
 * `Image.convert("RGB")` does; gray becomes R = G = B.
 */
export const decodeImage = (bytes: Uint8Array, name = "image"): E.Either<StepwiseError, RgbImage> => {
  const format = isPng(bytes) ? "PNG" : isJpeg(bytes) ? "JPEG" : undefined;
  if (format === undefined)
    return E.left(
      dataError(
        `${name}: not a PNG or JPEG image (unrecognised first bytes); convert it to .png or .jpg first`,
      ),
    );
  try {
    const image = format === "PNG" ? pngToRgb(bytes) : jpegToRgb(bytes);
    return image.width > 0 && image.height > 0
      ? E.right(image)
      : E.left(dataError(`${name}: the ${format} image is empty (${image.width}×${image.height})`));
  } catch (e) {
    return E.left(dataError(`${name}: corrupt or unsupported ${format} image (${describeError(e)})`));
  }
};

// Pillow's resampling (libImaging/Resample.c), reproduced step for step so that a PNG gives the same
// pixels as `Image.open(f).convert("RGB").resize(size)`: a separable bicubic (a = -0.5) whose support
// widens with the downscale factor (antialiasing), with 22-bit fixed-point weights and 8-bit rounding
// after each pass.
const PRECISION_BITS = 32 - 8 - 2;
const HALF = 1 << (PRECISION_BITS - 1);

const bicubic = (t: number): number => {
  const a = -0.5;
  const x = Math.abs(t);
  if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
  if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
  return 0;
};

interface Coefficients {
  readonly ksize: number;
  /** For each output index: first input index, number of inputs. */
  readonly bounds: Int32Array;
  readonly weights: Int32Array;
}

const coefficients = (inSize: number, outSize: number): Coefficients => {
  const scale = inSize / outSize;
  const filterscale = Math.max(scale, 1);
  const support = 2 * filterscale;
  const ksize = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2);
  const weights = new Int32Array(outSize * ksize);
  const k = new Float64Array(ksize);
  for (let xx = 0; xx < outSize; xx++) {
    const center = (xx + 0.5) * scale;
    const ss = 1 / filterscale;
    // C's (int) cast truncates toward zero.
    const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
    const count = Math.min(Math.trunc(center + support + 0.5), inSize) - xmin;
    let ww = 0;
    for (let x = 0; x < count; x++) {
      const w = bicubic((x + xmin - center + 0.5) * ss);
      k[x] = w;
      ww += w;
    }
    for (let x = 0; x < count; x++) {
      const w = ww === 0 ? (k[x] as number) : (k[x] as number) / ww;
      weights[xx * ksize + x] = Math.trunc(
        w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS),
      );
    }
    bounds[xx * 2] = xmin;
    bounds[xx * 2 + 1] = count;
  }
  return { ksize, bounds, weights };
};

const clip8 = (v: number): number =>
  v >= 1 << (PRECISION_BITS + 8) ? 255 : v <= 0 ? 0 : v >> PRECISION_BITS;

const resampleHorizontal = (img: RgbImage, width: number): RgbImage => {
  const { ksize, bounds, weights } = coefficients(img.width, width);
  const out = new Uint8Array(width * img.height * 3);
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width * 3;
    for (let xx = 0; xx < width; xx++) {
      const xmin = bounds[xx * 2] as number;
      const count = bounds[xx * 2 + 1] as number;
      let r = HALF;
      let g = HALF;
      let b = HALF;
      for (let x = 0; x < count; x++) {
        const w = weights[xx * ksize + x] as number;
        const p = row + (xmin + x) * 3;
        r += (img.data[p] as number) * w;
        g += (img.data[p + 1] as number) * w;
        b += (img.data[p + 2] as number) * w;
      }
      const o = (y * width + xx) * 3;
      out[o] = clip8(r);
      out[o + 1] = clip8(g);
      out[o + 2] = clip8(b);
    }
  }
  return { width, height: img.height, data: out };
};

const resampleVertical = (img: RgbImage, height: number): RgbImage => {
  const { ksize, bounds, weights } = coefficients(img.height, height);
  const stride = img.width * 3;
  const out = new Uint8Array(img.width * height * 3);
  for (let yy = 0; yy < height; yy++) {
    const ymin = bounds[yy * 2] as number;
    const count = bounds[yy * 2 + 1] as number;
    for (let i = 0; i < stride; i++) {
      let s = HALF;
      for (let y = 0; y < count; y++)
        s += (img.data[(ymin + y) * stride + i] as number) * (weights[yy * ksize + y] as number);
      out[yy * stride + i] = clip8(s);
    }
  }
  return { width: img.width, height, data: out };
};

/** PIL's `image.resize((width, height))` with its default BICUBIC filter, pixel for pixel. */
export const resizeBicubic = (img: RgbImage, width: number, height: number): RgbImage => {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    raise(invalidArgument(`resizeBicubic: width and height must be integers > 0, got ${width}×${height}`));
  const horizontal = width === img.width ? img : resampleHorizontal(img, width);
  return height === img.height ? horizontal : resampleVertical(horizontal, height);
};

/** The notebook's `image / 255.` then `reshape((num_px * num_px * 3, 1))`: one example as a column. */
export const imageToColumn = (img: RgbImage): Matrix =>
  unsafeMatrix(
    img.data.length,
    1,
    Float64Array.from(img.data, (v) => v / 255),
  );

/**
 * A user's own picture as the model sees it, like the notebook's last cell:
 * `np.array(Image.open(f).convert("RGB").resize((64, 64))) / 255.` reshaped to a (12288, 1) column.
 */
export const imageColumn = (
  bytes: Uint8Array,
  name = "image",
  size: number = NUM_PX,
): E.Either<StepwiseError, Matrix> =>
  E.map((img: RgbImage) => imageToColumn(resizeBicubic(img, size, size)))(decodeImage(bytes, name));

/** RGB bytes (row, column, channel) as a PNG file, e.g. a 64×64 test image for a report. */
export const encodePng = (rgb: Uint8Array, width: number, height: number): Uint8Array => {
  if (rgb.length !== width * height * 3)
    raise(
      invalidArgument(
        `encodePng: ${width}×${height} RGB needs ${width * height * 3} bytes, got ${rgb.length}`,
      ),
    );
  return encodePngFile({ width, height, data: rgb, channels: 3, depth: 8 });
};

/** Base64 with `btoa` (Node and browsers alike; `Buffer` is Node's), in chunks that fit in one call's arguments. */
const base64 = (bytes: Uint8Array): string => {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** `encodePng` as a `data:image/png;base64,…` URL for a self-contained HTML page. */
export const pngDataUrl = (rgb: Uint8Array, width: number, height: number): string =>
  `data:image/png;base64,${base64(encodePng(rgb, width, height))}`;
