import { defineMatrixActivation } from "@stepwise/core";

/** The identity, `A = Z`: the output activation for regression (with the mse cost). */
export const identity = defineMatrixActivation({
  name: "identity",
  package: "@stepwise/activation-identity",
  decisionThreshold: 0,
  description: "identity: z",
  outputRange: "real",
  forward: (Z) => Z,
  backward: (dA) => dA,
});

/** What `stepwise --plugin @stepwise/activation-identity` registers. */
export const plugins = [identity];
