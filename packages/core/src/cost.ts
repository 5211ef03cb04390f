import { formatShape, type Matrix, type StepwiseError, shapeError, sumAll, zipWith } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { Activation } from "./activation.js";
import type { PluginMeta } from "./plugin.js";

/**
 * A cost plugin: the mean over the m examples (columns) of a per-example loss, and `dAL`, the derivative of
 * the per-example loss with respect to AL (`linear_backward` divides by m, as in the course).
 */
export interface Cost {
  readonly meta: PluginMeta<"cost">;
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
  /** The loss contributed by one output unit; a column's loss is the sum over its rows. */
  readonly loss: (a: number, y: number) => number;
  /** ∂loss/∂a. */
  readonly derivative: (a: number, y: number) => number;
}

/** `J = (1/m) Σ_columns Σ_rows loss(a, y)`, `dAL = ∂loss/∂a` elementwise. */
export const defineCost = ({ loss, derivative, ...described }: ElementwiseCostSpec): Cost =>
  Object.freeze({
    meta: Object.freeze({ kind: "cost" as const, ...described }),
    compute_cost: (AL: Matrix, Y: Matrix) => sumAll(zipWith(AL, Y, loss)) / AL.cols,
    cost_backward: (AL: Matrix, Y: Matrix) => zipWith(AL, Y, derivative),
  });

/** Checks that Y has AL's shape, as every cost needs; the message names the function and both shapes. */
export const checkTargets = (fn: string, AL: Matrix, Y: Matrix): E.Either<StepwiseError, void> =>
  AL.rows === Y.rows && AL.cols === Y.cols
    ? E.right(undefined)
    : E.left(
        shapeError(
          `${fn}: AL is ${formatShape(AL)} but Y is ${formatShape(Y)}; Y needs one column per example and one row per output unit`,
        ),
      );
