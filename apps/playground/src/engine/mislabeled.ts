import { type ImageBatch, imageAt } from "@stepwise/data";
import type { Prediction } from "@stepwise/model";
import type { Matrix } from "@stepwise/tensor";
import type { Mislabeled } from "./protocol.js";

/** The test images whose predicted label differs from the truth, like the notebook's `print_mislabeled_images`. */
export const mislabeledImages = (
  images: ImageBatch,
  labels: Matrix,
  prediction: Prediction,
  classes: ReadonlyArray<string>,
): ReadonlyArray<Mislabeled> => {
  const [m, height, width] = images.shape;
  const name = (k: number): string => classes[k] ?? String(k);
  const out: Mislabeled[] = [];
  for (let j = 0; j < m; j++) {
    const truth = labels.data[j] ?? Number.NaN;
    const predicted = prediction.predictions.data[j] ?? Number.NaN;
    if (truth !== predicted)
      out.push({
        index: j,
        rgb: imageAt(images, j).slice(),
        width,
        height,
        trueLabel: name(truth),
        predictedLabel: name(predicted),
        probability: prediction.probabilities.data[j] ?? Number.NaN,
      });
  }
  return out;
};
