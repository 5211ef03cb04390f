import { defineCost } from "@stepwise/core";

/**
 * Mean squared error with the ½ of the notes: per example `½ Σ_rows (a − y)²`, so `dAL = a − y`.
 * J is the mean of that over the m examples (columns).
 */
export const mse = defineCost({
  name: "mse",
  package: "@stepwise/cost-mse",
  description: "half squared error: 0.5 * sum_rows (a - y)^2",
  loss: (a, y) => 0.5 * (a - y) * (a - y),
  derivative: (a, y) => a - y,
});

/** What `stepwise --plugin @stepwise/cost-mse` registers. */
export const plugins = [mse];
