import type { Cost } from "@stepwise/core";
import { add, divide, log, multiply, negate, subtract, sumAll } from "@stepwise/tensor";

/** The labels binary cross-entropy takes (shared with the nansum form). */
export const probabilityLabels = Object.freeze({
  min: 0,
  max: 1,
  description: "0 or 1, such as the course's non-cat and cat",
});

/** The outputs it is defined for: a probability in (0, 1). */
export const probabilityOutput = Object.freeze({
  outputRange: Object.freeze(["probability"] as const),
  hint: "It takes log a and log(1 − a), which need a in (0, 1): use the output sigmoid, or the output identity with the cost binary_cross_entropy_from_logits.",
});

/**
 * The course's binary cross-entropy, written as the course writes it so the numbers agree:
 * `J = (−1/m) Σ (Y log AL + (1 − Y) log(1 − AL))` and `dAL = −(Y / AL − (1 − Y) / (1 − AL))`.
 * AL must lie strictly inside (0, 1); at exactly 0 or 1 the log is infinite, as in the course (use
 * `binary_cross_entropy_from_logits` when outputs saturate). Labels lie in [0, 1]; like every plugin it
 * assumes targets the entry points have checked (`checkTargets`), so no check runs here per iteration.
 */
export const binary_cross_entropy = Object.freeze<Cost>({
  meta: Object.freeze({
    kind: "cost",
    name: "binary_cross_entropy",
    package: "@stepwise/cost-binary-cross-entropy",
    description: "binary cross-entropy for a sigmoid output: -(y log a + (1-y) log(1-a))",
    labels: probabilityLabels,
    accepts: probabilityOutput,
  }),
  compute_cost: (AL, Y) => {
    const m = Y.cols;
    return (-1 / m) * sumAll(add(multiply(Y, log(AL)), multiply(subtract(1, Y), log(subtract(1, AL)))));
  },
  cost_backward: (AL, Y) => negate(subtract(divide(Y, AL), divide(subtract(1, Y), subtract(1, AL)))),
});
