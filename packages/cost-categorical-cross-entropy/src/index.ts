import { defineCost } from "@stepwise/core";

/**
 * Categorical cross-entropy for a softmax output and one-hot (or probability) targets: per example
 * `−Σ_rows y log a`, so `dAL = −y / a`. A row with y = 0 contributes 0 even where a = 0.
 */
export const categorical_cross_entropy = defineCost({
  name: "categorical_cross_entropy",
  package: "@stepwise/cost-categorical-cross-entropy",
  description: "categorical cross-entropy: -sum_rows y log a",
  labels: { min: 0, max: 1, description: "one-hot columns, or probabilities" },
  accepts: {
    outputRange: ["distribution"],
    minUnits: 2,
    hint: "It needs each column to be a probability distribution over the classes: use the output softmax with one unit per class (≥ 2); for a single yes/no unit use sigmoid with binary_cross_entropy.",
  },
  loss: (a, y) => (y === 0 ? 0 : -y * Math.log(a)),
  derivative: (a, y) => (y === 0 ? 0 : -y / a),
});

/** What `stepwise --plugin @stepwise/cost-categorical-cross-entropy` registers. */
export const plugins = [categorical_cross_entropy];
