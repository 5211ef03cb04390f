import { defineMatrixActivation } from "@stepwise/core";
import { map, zipWith } from "@stepwise/tensor";

/**
 * The logistic sigmoid, the course's output activation: `A = 1 / (1 + exp(-Z))`, computed in that order
 * so the numbers match the course's numpy bit for bit where the exponentials agree. Saturates to exactly
 * 0 or 1 for |z| > ~37, never NaN. Backward is the course's `dA · s · (1 − s)` with s read from the cache.
 */
export const sigmoid = defineMatrixActivation({
  name: "sigmoid",
  package: "@stepwise/activation-sigmoid",
  description: "logistic sigmoid: 1 / (1 + exp(-z))",
  outputRange: "probability",
  forward: (Z) => map(Z, (z) => 1 / (1 + Math.exp(-z))),
  backward: (dA, { A }) => zipWith(dA, A, (da, s) => da * s * (1 - s)),
});

/** What `stepwise --plugin @stepwise/activation-sigmoid` registers. */
export const plugins = [sigmoid];
