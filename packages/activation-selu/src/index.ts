import { defineActivation } from "@stepwise/core";

/**
 * SELU's α and λ (Klambauer et al., 2017): PyTorch's 1.6732632423543772848170429916717 and
 * 1.0507009873554804934193349852946, rounded to the nearest float64.
 */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_SCALE = 1.0507009873554805;

/**
 * SELU: `λ·z` for z > 0, `λ·α·(e^z − 1)` otherwise, with the fixed α ≈ 1.6733 and λ ≈ 1.0507 that make
 * activations self-normalizing (pair it with LeCun-normal initialization, N(0, 1/n_{l−1})).
 * `g'(z) = λ` for z > 0, `λ·α·e^z` otherwise.
 */
export const selu = defineActivation({
  name: "selu",
  package: "@stepwise/activation-selu",
  description: "scaled exponential linear unit: λ·z if z > 0 else λ·α·(e^z − 1)",
  fn: (z) => SELU_SCALE * (z > 0 ? z : SELU_ALPHA * Math.expm1(z)),
  derivative: (z) => SELU_SCALE * (z > 0 ? 1 : SELU_ALPHA * Math.exp(z)),
});

/** What `stepwise --plugin @stepwise/activation-selu` registers. */
export const plugins = [selu];
