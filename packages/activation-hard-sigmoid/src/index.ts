import { defineActivation } from "@stepwise/core";

/**
 * Hard sigmoid as PyTorch (`nn.Hardsigmoid`) and Keras 3 define it: `relu6(z + 3)/6`, i.e. 0 for z ≤ −3,
 * 1 for z ≥ 3 and `z/6 + 1/2` between; computed in PyTorch's order, `min(max(z + 3, 0), 6)/6`.
 * `g'(z) = 1/6` for −3 < z < 3 and 0 elsewhere, at the kinks ±3 included (PyTorch's backward).
 */
export const hard_sigmoid = defineActivation({
  name: "hard_sigmoid",
  package: "@stepwise/activation-hard-sigmoid",
  description: "hard sigmoid (PyTorch, Keras 3): relu6(z + 3)/6",
  fn: (z) => Math.min(Math.max(z + 3, 0), 6) / 6,
  derivative: (z) => (z > -3 && z < 3 ? 1 / 6 : 0),
});

/**
 * Hard sigmoid as Keras 2 and `tf.keras` before Keras 3 define it: `clip(0.2·z + 0.5, 0, 1)`, i.e. 0 for
 * z ≤ −2.5 and 1 for z ≥ 2.5. `g'(z) = 0.2` for −2.5 < z < 2.5 and 0 elsewhere.
 */
export const hard_sigmoid_keras2 = defineActivation({
  name: "hard_sigmoid_keras2",
  package: "@stepwise/activation-hard-sigmoid",
  description: "hard sigmoid (Keras 2): clip(0.2·z + 0.5, 0, 1)",
  fn: (z) => Math.min(Math.max(0.2 * z + 0.5, 0), 1),
  derivative: (z) => (z > -2.5 && z < 2.5 ? 0.2 : 0),
});

/** What `stepwise --plugin @stepwise/activation-hard-sigmoid` registers: both definitions, named apart. */
export const plugins = [hard_sigmoid, hard_sigmoid_keras2];
