import { defineCost } from "@stepwise/core";

/**
 * Mean absolute error: per example `Σ_rows |a − y|`, so `dAL = sign(a − y)` (0 where a = y, the
 * subgradient PyTorch uses). J is the mean of that over the m examples (columns).
 */
export const mae = defineCost({
  name: "mae",
  package: "@stepwise/cost-mae",
  description: "absolute error: sum_rows |a - y|",
  loss: (a, y) => Math.abs(a - y),
  derivative: (a, y) => Math.sign(a - y),
});

/** What `stepwise --plugin @stepwise/cost-mae` registers. */
export const plugins = [mae];
