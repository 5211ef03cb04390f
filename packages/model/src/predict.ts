import type { Parameters } from "@stepwise/core";
import { courseSpec, L_model_forward, type NetworkSpec } from "@stepwise/forward-cache";
import {
  argmaxPerColumn,
  formatShape,
  greater,
  type Matrix,
  type StepwiseError,
  shapeError,
  unsafeMatrix,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";

export interface Prediction {
  /** One row of labels: 0/1 for a one-unit (sigmoid) output, the class index for a softmax output. */
  readonly predictions: Matrix;
  /** The network's output AL. */
  readonly probabilities: Matrix;
  /** Fraction of examples predicted right, when Y was given. */
  readonly accuracy?: number;
}

/**
 * Labels from AL: one output unit is split at the output activation's decision threshold (0.5 for
 * sigmoid's probabilities, 0 for identity's logits), several by the argmax per column.
 */
const labelsOf = (AL: Matrix, threshold: number): Matrix =>
  AL.rows === 1
    ? greater(AL, threshold)
    : unsafeMatrix(1, AL.cols, Float64Array.from(argmaxPerColumn(AL)), AL.backend);

/** Y as one row of labels: itself when it has one row, the one-hot argmax otherwise. */
const labelRow = (Y: Matrix): Matrix =>
  Y.rows === 1 ? Y : unsafeMatrix(1, Y.cols, Float64Array.from(argmaxPerColumn(Y)), Y.backend);

const accuracyOf = (predictions: Matrix, Y: Matrix): number => {
  const truth = labelRow(Y);
  let right = 0;
  for (let j = 0; j < predictions.cols; j++) if (predictions.data[j] === truth.data[j]) right++;
  return predictions.cols === 0 ? Number.NaN : right / predictions.cols;
};

/**
 * The course's `predict(X, y, parameters)`: runs the network forward and labels each example (threshold 0.5
 * on a sigmoid output, as the course does); with Y it
 * also reports the accuracy (the course prints it; here it is returned).
 */
export const predict = (
  X: Matrix,
  Y: Matrix | undefined,
  parameters: Parameters,
  spec: NetworkSpec = courseSpec,
): E.Either<StepwiseError, Prediction> =>
  pipe(
    L_model_forward(X, parameters, spec),
    E.chain(([AL]) =>
      Y !== undefined && (Y.cols !== AL.cols || (Y.rows !== 1 && Y.rows !== AL.rows))
        ? E.left(
            shapeError(
              `predict: Y is ${formatShape(Y)} but the network outputs ${formatShape(AL)}; Y needs one column per example`,
            ),
          )
        : E.right(AL),
    ),
    E.map((AL) => {
      const predictions = labelsOf(AL, spec.output.meta.decisionThreshold ?? 0.5);
      return Y === undefined
        ? { predictions, probabilities: AL }
        : { predictions, probabilities: AL, accuracy: accuracyOf(predictions, Y) };
    }),
  );
