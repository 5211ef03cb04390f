import {
  type Cost,
  checkParameters,
  checkTargets,
  layerCount,
  type Parameters,
  weight,
} from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { invalidArgument, type Matrix, type StepwiseError, sumOfSquares } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";

/** A cost plugin's J for targets checked at the edge (`checkTargets`): the cost's own labels included. */
export const checkedCost = (fn: string, cost: Cost, AL: Matrix, Y: Matrix): E.Either<StepwiseError, number> =>
  E.map(() => cost.compute_cost(AL, Y))(checkTargets(fn, AL, Y, cost));

/**
 * The course's `compute_cost`: binary cross-entropy, `J = −(1/m) Σ (Y log AL + (1 − Y) log(1 − AL))`.
 * Checks AL and Y first: one shape, at least one example, finite, and labels in [0, 1].
 */
export const compute_cost = (AL: Matrix, Y: Matrix): E.Either<StepwiseError, number> =>
  checkedCost("compute_cost", binary_cross_entropy, AL, Y);

/** The L2 strength λ: a finite number ≥ 0 (0 turns it off). */
export const checkLambd = (fn: string, lambd: number): E.Either<StepwiseError, number> =>
  Number.isFinite(lambd) && lambd >= 0
    ? E.right(lambd)
    : E.left(
        invalidArgument(
          `${fn}: lambd is ${lambd}; the L2 strength must be a finite number ≥ 0 (0 turns it off)`,
        ),
      );

/** `(λ / 2m) Σ_l ‖W_l‖²` on parameters a check has accepted: the loop's L2 penalty. */
export const l2Penalty = (parameters: Parameters, lambd: number, m: number): number => {
  if (lambd === 0) return 0;
  let total = 0;
  for (let l = 1; l <= layerCount(parameters); l++) total += sumOfSquares(weight(parameters, l));
  return (lambd / (2 * m)) * total;
};

/** `(λ / 2m) Σ_l ‖W_l‖²`, the L2 penalty the course adds to the cost, after checking its arguments. */
export const l2_regularization_cost = (
  parameters: Parameters,
  lambd: number,
  m: number,
): E.Either<StepwiseError, number> =>
  pipe(
    checkLambd("l2_regularization_cost", lambd),
    E.flatMap(() => checkParameters("l2_regularization_cost", parameters)),
    E.flatMap(() =>
      Number.isInteger(m) && m >= 1
        ? E.right(l2Penalty(parameters, lambd, m))
        : E.left(
            invalidArgument(`l2_regularization_cost: m is ${m}; pass the number of examples, an integer ≥ 1`),
          ),
    ),
  );

/**
 * The course's `compute_cost_with_regularization`: the data cost plus `(λ / 2m) Σ ‖W_l‖²`. The data cost
 * is the course's binary cross-entropy unless another cost plugin is passed. Checks its arguments first.
 */
export const compute_cost_with_regularization = (
  AL: Matrix,
  Y: Matrix,
  parameters: Parameters,
  lambd: number,
  cost: Cost = binary_cross_entropy,
): E.Either<StepwiseError, number> => {
  const fn = "compute_cost_with_regularization";
  return pipe(
    checkLambd(fn, lambd),
    E.flatMap(() => checkParameters(fn, parameters)),
    E.flatMap(() => checkedCost(fn, cost, AL, Y)),
    E.map((J) => J + l2Penalty(parameters, lambd, Y.cols)),
  );
};
