import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encode as encodePngWithChannels } from "fast-png";
import * as E from "fp-ts/lib/Either.js";
import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import {
  decodeImage,
  encodePng,
  imageColumn,
  imageToColumn,
  pngDataUrl,
  type RgbImage,
  resizeBicubic,
} from "../src/image.js";
import { readImageColumn } from "../src/read.js";

const right = <A>(result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const errorOf = (result: E.Either<{ readonly _tag: string; readonly message: string }, unknown>): string => {
  if (E.isRight(result)) throw new Error("expected an error");
  expect(result.left._tag).toBe("DataError");
  return result.left.message;
};

/**
 * A deterministic test picture; the Python side builds the same array with
 *   def pattern(w, h, c=3):
 *       y, x, ch = np.meshgrid(np.arange(h), np.arange(w), np.arange(c), indexing='ij')
 *       return ((x*7 + y*13 + ch*71 + ((x*y) % 29)*5) % 256).astype(np.uint8)
 */
const pattern = (width: number, height: number, channels = 3): Uint8Array => {
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < channels; c++)
        out[(y * width + x) * channels + c] = (x * 7 + y * 13 + c * 71 + ((x * y) % 29) * 5) % 256;
  return out;
};

const sha = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

describe("resizeBicubic matches Pillow's Image.resize((64, 64)) pixel for pixel", () => {
  // Expected values from Pillow 9.4 (Debian's python3-pil), whose default resample for RGB is BICUBIC:
  //   out = np.array(Image.fromarray(pattern(w, h)).resize((64, 64)))
  //   print(hashlib.sha256(out.tobytes()).hexdigest(), out.reshape(-1)[:6].tolist(), out[10, 20].tolist())
  it.each([
    [
      "downscaling 150×113",
      150,
      113,
      "08ca50cb44573094eb4613b8900fdf88b2d25e30e84646b8f0074acc0fdc4a33",
      [12, 83, 154, 32, 103, 178],
      [124, 200, 93],
    ],
    [
      "upscaling 40×30",
      40,
      30,
      "22ba156117ba073708fc126a31150cffbb56a36f6632c3c5f0ae92db832eef55",
      [0, 69, 140, 1, 72, 143],
      [173, 97, 93],
    ],
  ])("%s", (_, width, height, digest, first6, pixel10x20) => {
    const out = resizeBicubic({ width, height, data: pattern(width, height) }, 64, 64);
    expect([out.width, out.height]).toEqual([64, 64]);
    expect(Array.from(out.data.subarray(0, 6))).toEqual(first6);
    const p = (10 * 64 + 20) * 3;
    expect(Array.from(out.data.subarray(p, p + 3))).toEqual(pixel10x20);
    expect(sha(out.data)).toBe(digest);
  });

  it("returns the same pixels when the size does not change", () => {
    const img: RgbImage = { width: 64, height: 64, data: pattern(64, 64) };
    expect(resizeBicubic(img, 64, 64).data).toEqual(img.data);
  });

  it("throws on a size that is not a positive integer (a caller bug)", () => {
    expect(() => resizeBicubic({ width: 1, height: 1, data: new Uint8Array(3) }, 0, 64)).toThrow(
      /integers > 0/,
    );
  });
});

describe("decodeImage", () => {
  it("decodes an RGB PNG exactly", () => {
    const rgb = pattern(37, 21);
    expect(right(decodeImage(encodePng(rgb, 37, 21)))).toEqual({ width: 37, height: 21, data: rgb });
  });

  it("drops alpha and spreads gray like PIL's convert('RGB'), then resizes like Pillow", () => {
    // PNGs written with fast-png's encoder; expected from
    //   np.array(Image.open(png).convert('RGB').resize((64, 64))) with png = pattern(20, 10, 4) as RGBA,
    //   and pattern(20, 10, 1) as L.
    const rgba = encodePngWithChannels({
      width: 20,
      height: 10,
      data: pattern(20, 10, 4),
      channels: 4,
      depth: 8,
    });
    const fromRgba = right(decodeImage(rgba));
    expect(sha(resizeBicubic(fromRgba, 64, 64).data)).toBe(
      "61834f676198ef12dd7a500940edfbfd08de7379fa3d7ce9d3124d265a698e1f",
    );
    const gray = encodePngWithChannels({
      width: 20,
      height: 10,
      data: pattern(20, 10, 1),
      channels: 1,
      depth: 8,
    });
    const fromGray = right(decodeImage(gray));
    expect(Array.from(fromGray.data.subarray(3 * 7, 3 * 8))).toEqual([49, 49, 49]);
    expect(sha(resizeBicubic(fromGray, 64, 64).data)).toBe(
      "6068a4aa7cf34ae8e766e309e4055a0fe12e32b091521cc30e0f9170017f5a22",
    );
  });

  it("decodes palette and 1-bit PNGs as PIL does", () => {
    // Made with PIL: a 5×2 'P' image with palette [black, red, green], (1, 0) red, (4, 1) green; a 10×3 '1'
    // image with (0, 0) and (9, 2) set. Expected: np.array(Image.open(f).convert('RGB')).reshape(-1).
    const palette = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAUAAAACAgMAAADtBP7OAAAACVBMVEUAAAD/AAAA/wD0g79+AAAADklEQVR4nGMQYGBgaAAAANYAkcLJIwoAAAAASUVORK5CYII=",
      "base64",
    );
    const expected = new Uint8Array(30);
    expected.set([255, 0, 0], 3);
    expected.set([0, 255, 0], 27);
    expect(right(decodeImage(new Uint8Array(palette)))).toEqual({ width: 5, height: 2, data: expected });
    const bits = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAoAAAADAQAAAACCRqPYAAAAEUlEQVR4nGNoYGBgYGBgcAAABEkAwdkX5w0AAAAASUVORK5CYII=",
      "base64",
    );
    const white = new Uint8Array(90);
    white.set([255, 255, 255], 0);
    white.set([255, 255, 255], 87);
    expect(right(decodeImage(new Uint8Array(bits)))).toEqual({ width: 10, height: 3, data: white });
  });

  it("decodes a JPEG close to what was encoded", () => {
    // A smooth picture survives JPEG quality 95 to within a few levels; JPEG is lossy, so no exact check.
    const width = 48;
    const height = 40;
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++)
      rgb.set([(i % width) * 5, Math.floor(i / width) * 6, 128], i * 3);
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([...rgb.subarray(i * 3, i * 3 + 3), 255], i * 4);
    const file = new Uint8Array(jpeg.encode({ width, height, data: rgba }, 95).data);
    const img = right(decodeImage(file, "smooth.jpg"));
    expect([img.width, img.height, img.data.length]).toEqual([width, height, width * height * 3]);
    const meanError = img.data.reduce((s, v, i) => s + Math.abs(v - (rgb[i] as number)), 0) / img.data.length;
    expect(meanError).toBeLessThan(2);
  });

  it("names files that are not PNG or JPEG", () => {
    expect(errorOf(decodeImage(new TextEncoder().encode("GIF89a..."), "cat.gif"))).toBe(
      "cat.gif: not a PNG or JPEG image (unrecognised first bytes); convert it to .png or .jpg first",
    );
    expect(errorOf(decodeImage(new Uint8Array(0), "empty.png"))).toMatch(/not a PNG or JPEG/);
  });

  it("names a corrupt PNG or JPEG instead of throwing", () => {
    const png = encodePng(pattern(30, 30), 30, 30);
    expect(errorOf(decodeImage(png.subarray(0, 60), "cut.png"))).toMatch(
      /^cut\.png: corrupt or unsupported PNG image \(.+\)$/,
    );
    const damaged = png.slice();
    damaged.fill(0xab, 45, 80);
    expect(errorOf(decodeImage(damaged, "damaged.png"))).toMatch(
      /^damaged\.png: corrupt or unsupported PNG image/,
    );
    const rgba = new Uint8Array(16 * 16 * 4).fill(200);
    const jpg = new Uint8Array(jpeg.encode({ width: 16, height: 16, data: rgba }, 90).data);
    expect(errorOf(decodeImage(jpg.subarray(0, jpg.length / 2), "cut.jpg"))).toMatch(
      /^cut\.jpg: corrupt or unsupported JPEG image \(.+\)$/,
    );
  });
});

describe("imageColumn", () => {
  it("is the notebook's (12288, 1) column: resized, (row, column, channel), divided by 255", () => {
    const file = encodePng(pattern(150, 113), 150, 113);
    const x = right(imageColumn(file, "cat.png"));
    expect([x.rows, x.cols]).toEqual([12288, 1]);
    // The resized pixels from the Pillow test above, divided by 255 exactly as numpy does.
    expect(Array.from(x.data.subarray(0, 6))).toEqual([12, 83, 154, 32, 103, 178].map((v) => v / 255));
    expect(x.data.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it("imageToColumn keeps every value", () => {
    const x = imageToColumn({ width: 1, height: 1, data: Uint8Array.from([0, 33, 255]) });
    expect(Array.from(x.data)).toEqual([0, 33 / 255, 1]);
  });

  it("reads a JPEG from disk and names a missing or corrupt one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stepwise-image-"));
    try {
      const rgba = new Uint8Array(100 * 80 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 7) % 256));
      await writeFile(
        join(dir, "my_image.jpg"),
        jpeg.encode({ width: 100, height: 80, data: rgba }, 90).data,
      );
      const x = right(await readImageColumn(join(dir, "my_image.jpg")));
      expect([x.rows, x.cols]).toEqual([12288, 1]);
      expect(x.data.every((v) => v >= 0 && v <= 1)).toBe(true);
      await writeFile(join(dir, "bad.jpg"), Uint8Array.from([0xff, 0xd8, 0xff, 0x01, 0x02, 0x03]));
      expect(errorOf(await readImageColumn(join(dir, "bad.jpg")))).toMatch(
        /bad\.jpg: corrupt or unsupported JPEG/,
      );
      expect(errorOf(await readImageColumn(join(dir, "none.png")))).toMatch(/none\.png: ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("encodePng / pngDataUrl", () => {
  it("round-trips a 64×64 RGB picture and makes a data URL", () => {
    const rgb = pattern(64, 64);
    const png = encodePng(rgb, 64, 64);
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(right(decodeImage(png)).data).toEqual(rgb);
    const url = pngDataUrl(rgb, 64, 64);
    expect(url.startsWith("data:image/png;base64,")).toBe(true);
    expect(Buffer.from(url.slice("data:image/png;base64,".length), "base64")).toEqual(Buffer.from(png));
  });

  it("throws when the bytes do not fit the size (a caller bug)", () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/needs 12 bytes, got 10/);
  });
});
