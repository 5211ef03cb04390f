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
      "NUM_CHANNELS",
      "NUM_PX",
      "WORKSPACE_DATA_DIR",
      "checksumMismatch",
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
      "loadCatvnoncat",
      "parseH5",
      "parseNpy",
      "parseNpyHeader",
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
