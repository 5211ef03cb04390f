import { defineMatrixActivation } from "@stepwise/core";
import { maximum, zipWith } from "@stepwise/tensor";

/**
 * ReLU, the course's hidden activation: `A = max(0, Z)`; backward passes dA where Z > 0 and zeroes it
 * elsewhere, exactly as the course's `relu_backward` (`dZ[Z <= 0] = 0`), so the derivative at 0 is 0.
 */
export const relu = defineMatrixActivation({
  name: "relu",
  package: "@stepwise/activation-relu",
  description: "rectified linear unit: max(0, z)",
  forward: (Z) => maximum(Z, 0),
  backward: (dA, { Z }) => zipWith(dA, Z, (da, z) => (z <= 0 ? 0 : da)),
});

/** What `stepwise --plugin @stepwise/activation-relu` registers. */
export const plugins = [relu];
