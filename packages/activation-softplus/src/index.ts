import { defineActivation } from "@stepwise/core";

/**
 * Softplus: `g(z) = log(1 + e^z)`, computed as `max(z, 0) + log1p(e^(−|z|))`, which never overflows
 * (the naive form is Infinity from z ≈ 710) and keeps full accuracy for large negative z (where it is
 * ≈ e^z). `g'(z) = σ(z)`, the logistic sigmoid, also computed without overflow.
 */
export const softplus = defineActivation({
  name: "softplus",
  package: "@stepwise/activation-softplus",
  description: "softplus: log(1 + e^z), a smooth relu",
  fn: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
  derivative: (z) => {
    if (z >= 0) return 1 / (1 + Math.exp(-z));
    const e = Math.exp(z);
    return e / (1 + e);
  },
});

/** What `stepwise --plugin @stepwise/activation-softplus` registers. */
export const plugins = [softplus];
