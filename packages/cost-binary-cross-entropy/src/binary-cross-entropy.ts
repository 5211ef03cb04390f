import { type Cost, checkTargets } from "@stepwise/core";
import { add, divide, log, multiply, negate, raise, subtract, sumAll } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/**
 * The course's binary cross-entropy, written as the course writes it so the numbers agree:
 * `J = (−1/m) Σ (Y log AL + (1 − Y) log(1 − AL))` and `dAL = −(Y / AL − (1 − Y) / (1 − AL))`.
 * AL must lie strictly inside (0, 1); at exactly 0 or 1 the log is infinite, as in the course (use
 * `binary_cross_entropy_from_logits` when outputs saturate).
 */
export const binary_cross_entropy = Object.freeze<Cost>({
  meta: Object.freeze({
    kind: "cost",
    name: "binary_cross_entropy",
    package: "@stepwise/cost-binary-cross-entropy",
    description: "binary cross-entropy for a sigmoid output: -(y log a + (1-y) log(1-a))",
  }),
  compute_cost: (AL, Y) => {
    const checked = checkTargets("compute_cost", AL, Y);
    if (E.isLeft(checked)) raise(checked.left);
    const m = Y.cols;
    return (-1 / m) * sumAll(add(multiply(Y, log(AL)), multiply(subtract(1, Y), log(subtract(1, AL)))));
  },
  cost_backward: (AL, Y) => {
    const checked = checkTargets("cost_backward", AL, Y);
    if (E.isLeft(checked)) raise(checked.left);
    return negate(subtract(divide(Y, AL), divide(subtract(1, Y), subtract(1, AL))));
  },
});
