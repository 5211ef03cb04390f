import { type Checked, layerCount, type Parameters } from "@stepwise/core";
import {
  type BatchNormNetworkSpec,
  checkForward,
  courseSpec,
  isBatchNormSpec,
  L_model_forward_bn_inference,
  modelForward,
  type NetworkSpec,
  type RunningStats,
} from "@stepwise/forward-cache";
import {
  argmaxPerColumn,
  formatShape,
  greater,
  invalidArgument,
  type Matrix,
  type StepwiseError,
  shapeError,
  unsafeMatrix,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { fusedKernelsApply } from "./fused/choose.js";
import { fusedForward } from "./fused/forward.js";

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
 * The network's output at prediction time: `L_model_forward`'s AL, or for a spec with batch norm
 * `L_model_forward_bn_inference`, which normalizes with the running statistics (so each example's output
 * depends on it alone, and one picture is a valid batch).
 */
const outputOf = (
  X: Matrix,
  parameters: Parameters,
  spec: NetworkSpec | BatchNormNetworkSpec,
  running: RunningStats | undefined,
): E.Either<StepwiseError, Matrix> => {
  if (!isBatchNormSpec(spec))
    // L_model_forward's checks, then its output: through the fused step's kernels when they apply (the
    // same bits, without the caches prediction never reads).
    return E.map((checked: Checked<Parameters>) =>
      fusedKernelsApply(X.backend, spec, layerCount(checked))
        ? fusedForward(X, checked)
        : modelForward(X, checked, spec)[0],
    )(checkForward("L_model_forward", X, parameters, spec));
  return running === undefined
    ? E.left(
        invalidArgument(
          "predict: the network has batch norm, which predicts with its running statistics; pass them (TrainResult.running, or LoadedModel.running for a model file)",
        ),
      )
    : L_model_forward_bn_inference(X, parameters, running, spec);
};

/**
 * The course's `predict(X, y, parameters)`: runs the network forward and labels each example (threshold 0.5
 * on a sigmoid output, as the course does); with Y it also reports the accuracy (the course prints it; here
 * it is returned). A network with batch norm (a spec with `batchNorm`) predicts in inference mode, with the
 * running statistics `running` that training kept.
 */
export const predict = (
  X: Matrix,
  Y: Matrix | undefined,
  parameters: Parameters,
  spec: NetworkSpec | BatchNormNetworkSpec = courseSpec,
  running?: RunningStats,
): E.Either<StepwiseError, Prediction> =>
  pipe(
    outputOf(X, parameters, spec, running),
    E.chain((AL) =>
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
