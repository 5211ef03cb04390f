import type { Cost } from "@stepwise/core";
import { add, log, type Matrix, multiply, negate, subtract } from "@stepwise/tensor";
import { binary_cross_entropy, probabilityLabels, probabilityOutput } from "./binary-cross-entropy.js";

/** numpy's `np.nansum`: the sum of the elements that are not NaN, in index order. */
const nansum = (m: Matrix): number => {
  let total = 0;
  for (const x of m.data) if (!Number.isNaN(x)) total += x;
  return total;
};

/**
 * Binary cross-entropy as the Course 2 notebooks compute it (`compute_loss` in the Initialization
 * notebook, `compute_cost` in the Regularization one):
 *
 *     logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
 *     cost = 1./m * np.nansum(logprobs)
 *
 * The same cost as `binary_cross_entropy` wherever that one is finite. Where a sigmoid has saturated to
 * exactly 1 (or 0) on an example it gets right, the term is 0·log 0 = NaN, and `nansum` drops it; where it
 * gets the example wrong the cost is +Infinity, as the notebook prints for its `randn·10` initialization.
 * The backward pass is the notebooks' too: with a sigmoid output, `dZL = A − Y` in closed form (their
 * `dz3 = 1./m * (a3 - Y)`), finite even where A is exactly 0 or 1; with any other output, the chain rule
 * through binary cross-entropy's `dAL`. Like every plugin it assumes targets the entry points have checked
 * (`checkTargets`), so no check runs here per iteration.
 */
export const binary_cross_entropy_nansum = Object.freeze<Cost>({
  meta: Object.freeze({
    kind: "cost",
    name: "binary_cross_entropy_nansum",
    package: "@stepwise/cost-binary-cross-entropy",
    description:
      "binary cross-entropy as Course 2's notebooks sum it (np.nansum drops 0·log 0), with dZL = A − Y for a sigmoid output",
    labels: probabilityLabels,
    accepts: probabilityOutput,
  }),
  compute_cost: (AL, Y) => {
    const logprobs = add(
      multiply(negate(log(AL)), Y),
      multiply(negate(log(subtract(1, AL))), subtract(1, Y)),
    );
    return (1 / Y.cols) * nansum(logprobs);
  },
  cost_backward: binary_cross_entropy.cost_backward,
  dZL: (AL, Y, output) => {
    if (output.meta.name !== "sigmoid") return undefined;
    return subtract(AL, Y);
  },
});
