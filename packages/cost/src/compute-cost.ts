import { type Cost, layerCount, type Parameters, weight } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { invalidArgument, type Matrix, raise, sumOfSquares } from "@stepwise/tensor";

/** The course's `compute_cost`: binary cross-entropy, `J = −(1/m) Σ (Y log AL + (1 − Y) log(1 − AL))`. */
export const compute_cost = (AL: Matrix, Y: Matrix): number => binary_cross_entropy.compute_cost(AL, Y);

const checkLambd = (fn: string, lambd: number): void => {
  if (!(Number.isFinite(lambd) && lambd >= 0))
    raise(
      invalidArgument(
        `${fn}: lambd is ${lambd}; the L2 strength must be a finite number ≥ 0 (0 turns it off)`,
      ),
    );
};

/** `(λ / 2m) Σ_l ‖W_l‖²`, the L2 penalty the course adds to the cost. */
export const l2_regularization_cost = (parameters: Parameters, lambd: number, m: number): number => {
  checkLambd("l2_regularization_cost", lambd);
  if (lambd === 0) return 0;
  let total = 0;
  for (let l = 1; l <= layerCount(parameters); l++) total += sumOfSquares(weight(parameters, l));
  return (lambd / (2 * m)) * total;
};

/**
 * The course's `compute_cost_with_regularization`: the data cost plus `(λ / 2m) Σ ‖W_l‖²`. The data cost
 * is the course's binary cross-entropy unless another cost plugin is passed.
 */
export const compute_cost_with_regularization = (
  AL: Matrix,
  Y: Matrix,
  parameters: Parameters,
  lambd: number,
  cost: Cost = binary_cross_entropy,
): number => {
  checkLambd("compute_cost_with_regularization", lambd);
  return cost.compute_cost(AL, Y) + l2_regularization_cost(parameters, lambd, Y.cols);
};
