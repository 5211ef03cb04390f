import { type ImageBatch, imageAt } from "@stepwise/data";
import { formatShape, type Matrix, type StepwiseError, shapeError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { MislabeledImage } from "./html.js";

/** What `predict` returns: labels (1, m) and the network's output AL, (1, m) sigmoid or (K, m) softmax. */
export interface PredictionLike {
  readonly predictions: Matrix;
  readonly probabilities: Matrix;
}

/** Column j's label: the value of a label row, or the argmax of a one-hot column. */
const labelAt = (Y: Matrix, j: number): number => {
  if (Y.rows === 1) return Y.data[j] ?? Number.NaN;
  let best = 0;
  for (let k = 1; k < Y.rows; k++)
    if ((Y.data[k * Y.cols + j] ?? 0) > (Y.data[best * Y.cols + j] ?? 0)) best = k;
  return best;
};

/** The probability the model gave its own answer: a or 1 − a for one sigmoid unit, AL[k, j] otherwise. */
const probabilityOf = (AL: Matrix, predicted: number, j: number): number =>
  AL.rows === 1
    ? predicted === 1
      ? (AL.data[j] ?? Number.NaN)
      : 1 - (AL.data[j] ?? Number.NaN)
    : (AL.data[predicted * AL.cols + j] ?? Number.NaN);

/**
 * The notebook's `print_mislabeled_images(classes, X, y, p)`: every test image whose prediction differs
 * from its label, with both class names and the model's confidence, in test-set order.
 */
export const findMislabeled = (
  images: ImageBatch,
  labels: Matrix,
  prediction: PredictionLike,
  classes: ReadonlyArray<string>,
): E.Either<StepwiseError, ReadonlyArray<MislabeledImage>> => {
  const [m, height, width, channels] = images.shape;
  const { predictions, probabilities } = prediction;
  if (channels !== 3)
    return E.left(shapeError(`findMislabeled: images have ${channels} channels; expected RGB (3)`));
  if (labels.cols !== m || predictions.rows !== 1 || predictions.cols !== m || probabilities.cols !== m)
    return E.left(
      shapeError(
        `findMislabeled: ${m} images but labels ${formatShape(labels)}, predictions ${formatShape(predictions)}, probabilities ${formatShape(probabilities)}; each needs one column per image`,
      ),
    );
  const name = (k: number): string => classes[k] ?? String(k);
  return E.right(
    Array.from({ length: m }, (_, j) => j).flatMap((j) => {
      const truth = labelAt(labels, j);
      const predicted = predictions.data[j] ?? Number.NaN;
      return truth === predicted
        ? []
        : [
            {
              index: j,
              rgb: imageAt(images, j),
              width,
              height,
              trueLabel: name(truth),
              predictedLabel: name(predicted),
              probability: probabilityOf(probabilities, predicted, j),
            },
          ];
    }),
  );
};
