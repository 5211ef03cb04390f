import { describe, expect, it } from "vitest";
import * as data from "../src/index.js";

describe("@stepwise/data public API", () => {
  it("exports exactly these values (a change here is a change of the package's contract)", () => {
    // The browser-safe entry; the Node-only functions are in @stepwise/data/node (test/node.test.ts).
    expect(Object.keys(data).sort()).toEqual([
      "CATVNONCAT_CLASSES",
      "CATVNONCAT_H5_FILES",
      "CATVNONCAT_NPY_FILES",
      "NUM_CHANNELS",
      "NUM_PX",
      "dataError",
      "decodeImage",
      "describeError",
      "encodePng",
      "flattenImages",
      "formatNdShape",
      "imageAt",
      "imageColumn",
      "imageToColumn",
      "parseCatvnoncat",
      "parseH5",
      "parseNpy",
      "parseNpyHeader",
      "pngDataUrl",
      "random_mini_batch_indices",
      "random_mini_batches",
      "resizeBicubic",
      "sameNdShape",
      "shapeSize",
      "toImageBatch",
      "toLabelRow",
    ]);
  });
});
