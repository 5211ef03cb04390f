import { type ImageBatch, imageAt } from "@stepwise/data";
import { unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { findMislabeled } from "../../src/report/index.js";
import { right } from "./helpers.js";

const row = (values: ReadonlyArray<number>) => unsafeMatrix(1, values.length, Float64Array.from(values));

/** m images of 2×2 RGB, image i filled with the value i. */
const batch = (m: number): ImageBatch => ({
  shape: [m, 2, 2, 3],
  data: Uint8Array.from({ length: m * 12 }, (_, k) => Math.floor(k / 12)),
});

describe("findMislabeled", () => {
  it("returns the wrongly predicted images in order, with names and the model's confidence", () => {
    const images = batch(4);
    const found = right(
      findMislabeled(
        images,
        row([1, 0, 1, 0]),
        { predictions: row([1, 1, 0, 0]), probabilities: row([0.9, 0.7, 0.2, 0.1]) },
        ["non-cat", "cat"],
      ),
    );
    expect(found.map(({ rgb: _, ...rest }) => rest)).toEqual([
      { index: 1, width: 2, height: 2, trueLabel: "non-cat", predictedLabel: "cat", probability: 0.7 },
      { index: 2, width: 2, height: 2, trueLabel: "cat", predictedLabel: "non-cat", probability: 0.8 },
    ]);
    expect(found[0]?.rgb).toEqual(imageAt(images, 1));
    expect(found[1]?.rgb).toEqual(imageAt(images, 2));
  });

  it("reads softmax outputs and one-hot labels, naming unknown classes by index", () => {
    const labels = unsafeMatrix(3, 2, Float64Array.from([1, 0, 0, 0, 0, 1]));
    const probabilities = unsafeMatrix(3, 2, Float64Array.from([0.2, 0.1, 0.5, 0.3, 0.3, 0.6]));
    const found = right(
      findMislabeled(batch(2), labels, { predictions: row([1, 2]), probabilities }, ["a", "b"]),
    );
    expect(
      found.map(({ index, trueLabel, predictedLabel, probability }) => [
        index,
        trueLabel,
        predictedLabel,
        probability,
      ]),
    ).toEqual([[0, "a", "b", 0.5]]);
  });

  it("is empty when every prediction is right", () => {
    expect(
      right(
        findMislabeled(
          batch(2),
          row([0, 1]),
          { predictions: row([0, 1]), probabilities: row([0.1, 0.9]) },
          [],
        ),
      ),
    ).toEqual([]);
  });

  it("rejects predictions that do not match the images", () => {
    const result = findMislabeled(
      batch(3),
      row([0, 1, 1]),
      { predictions: row([0, 1]), probabilities: row([0, 1]) },
      [],
    );
    expect(E.isLeft(result) && result.left._tag).toBe("ShapeError");
  });
});
