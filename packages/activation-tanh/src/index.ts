import { defineMatrixActivation } from "@stepwise/core";
import { tanh as tanhOf, zipWith } from "@stepwise/tensor";

/** Hyperbolic tangent: `A = tanh(Z)`, `dZ = dA · (1 − A²)` (the course's planar-data hidden layer). */
export const tanh = defineMatrixActivation({
  name: "tanh",
  package: "@stepwise/activation-tanh",
  decisionThreshold: 0,
  description: "hyperbolic tangent",
  forward: tanhOf,
  backward: (dA, { A }) => zipWith(dA, A, (da, a) => da * (1 - a * a)),
});

/** What `stepwise --plugin @stepwise/activation-tanh` registers. */
export const plugins = [tanh];
