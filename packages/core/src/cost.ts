import {
  formatShape,
  invalidArgument,
  type Matrix,
  type StepwiseError,
  shapeError,
  sumAll,
  zipWith,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { Activation, OutputRange } from "./activation.js";
import { checkExamples, checkFiniteData, checkOneBackend } from "./checked.js";
import type { PluginMeta } from "./plugin.js";
import { describeRange, inRange, type NumberRange } from "./range.js";

/** Which labels (the numbers in Y) a cost accepts: binary cross-entropy's lie in [0, 1]. */
export interface LabelRange extends NumberRange {
  /** What they mean, for messages: `0 or 1, the course's non-cat and cat`. */
  readonly description?: string;
}

/** Which outputs a cost is defined for; `checkOutputCost` checks a pairing against it before training. */
export interface OutputRequirement {
  /** The output ranges (see OutputRange) the cost accepts. */
  readonly outputRange: ReadonlyArray<OutputRange>;
  /** The fewest output units it needs (categorical cross-entropy: 2, one per class). */
  readonly minUnits?: number;
  /** Why, and what to pair it with instead; ends the error message. */
  readonly hint?: string;
}

/**
 * What a cost says about itself. `labels` is checked at the edge with the data (unset: any finite number);
 * `accepts` is checked against the network's output before training (unset: any output, as mse, mae,
 * huber and hinge take).
 */
export interface CostMeta extends PluginMeta<"cost"> {
  readonly labels?: LabelRange;
  readonly accepts?: OutputRequirement;
}

/**
 * A cost plugin: the mean over the m examples (columns) of a per-example loss, and `dAL`, the derivative of
 * the per-example loss with respect to AL (`linear_backward` divides by m, as in the course).
 *
 * Like every plugin, a building block: its methods assume targets that `checkTargets` accepts (Y of
 * AL's shape, finite, labels the cost accepts, one example or more), which every entry point that
 * takes Y (`compute_cost`, `L_model_backward`, `L_layer_model`) checks first.
 */
export interface Cost {
  readonly meta: CostMeta;
  readonly compute_cost: (AL: Matrix, Y: Matrix) => number;
  readonly cost_backward: (AL: Matrix, Y: Matrix) => Matrix;
  /**
   * Optional: the output layer's `dZL` in closed form, for output activations this cost pairs with (the
   * course's `dZ[L] = A[L] − Y` for a sigmoid and cross-entropy), or undefined to go through `cost_backward`
   * and the activation's backward. The closed form stays finite where AL is exactly 0 or 1, where `dAL`
   * is not. Like `cost_backward`, it is not divided by m.
   */
  readonly dZL?: (AL: Matrix, Y: Matrix, output: Activation) => Matrix | undefined;
}

export interface ElementwiseCostSpec {
  readonly name: string;
  readonly description?: string;
  readonly package?: string;
  /** The labels the loss is meant for (default: any finite number). */
  readonly labels?: LabelRange;
  readonly accepts?: OutputRequirement;
  /** The loss contributed by one output unit; a column's loss is the sum over its rows. */
  readonly loss: (a: number, y: number) => number;
  /** ∂loss/∂a. */
  readonly derivative: (a: number, y: number) => number;
}

/** `J = (1/m) Σ_columns Σ_rows loss(a, y)`, `dAL = ∂loss/∂a` elementwise. */
export const defineCost = ({ loss, derivative, labels, ...described }: ElementwiseCostSpec): Cost =>
  Object.freeze({
    meta: Object.freeze({
      kind: "cost" as const,
      ...described,
      ...(labels === undefined ? {} : { labels: Object.freeze({ ...labels }) }),
    }),
    compute_cost: (AL: Matrix, Y: Matrix) => sumAll(zipWith(AL, Y, loss)) / AL.cols,
    cost_backward: (AL: Matrix, Y: Matrix) => zipWith(AL, Y, derivative),
  });

/** Every label in the cost's range, else the first that is not, by its position. */
export const checkLabels = (fn: string, Y: Matrix, cost: Cost): E.Either<StepwiseError, Matrix> => {
  const labels = cost.meta.labels;
  if (labels === undefined) return E.right(Y);
  const bad = Y.data.findIndex((y) => !inRange(labels, y));
  return bad < 0
    ? E.right(Y)
    : E.left(
        invalidArgument(
          `${fn}: Y element (${Math.floor(bad / Y.cols)}, ${bad % Y.cols}) is ${Y.data[bad]}; ${cost.meta.name} takes labels that are ${describeRange(labels)}${labels.description === undefined ? "" : ` (${labels.description})`}`,
        ),
      );
};

/**
 * What a cost needs of AL and Y, checked at the edge: Y of AL's shape (one column per example, one row
 * per output unit), at least one example, both finite and on one backend, and labels the cost accepts
 * (`cost.meta.labels`). Each message names the function, the position or shapes, and the fix.
 */
export const checkTargets = (fn: string, AL: Matrix, Y: Matrix, cost?: Cost): E.Either<StepwiseError, void> =>
  pipe(
    AL.rows === Y.rows && AL.cols === Y.cols
      ? E.right(Y)
      : E.left(
          shapeError(
            `${fn}: AL is ${formatShape(AL)} but Y is ${formatShape(Y)}; Y needs one column per example and one row per output unit`,
          ),
        ),
    E.flatMap(() => checkExamples(fn, "Y", Y)),
    E.flatMap(() =>
      checkOneBackend(fn, [
        ["AL", AL],
        ["Y", Y],
      ]),
    ),
    E.flatMap(() =>
      checkFiniteData(
        fn,
        "AL",
        AL,
        "the network's output is not finite: its parameters have diverged (lower the learning rate) or hold NaN",
      ),
    ),
    E.flatMap(() =>
      checkFiniteData(fn, "Y", Y, "the labels must be finite numbers: look at how they were loaded"),
    ),
    E.flatMap(() => (cost === undefined ? E.right(Y) : checkLabels(fn, Y, cost))),
    E.map(() => undefined),
  );
