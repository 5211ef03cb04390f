import { defineActivation } from "@stepwise/core";

/**
 * Softsign: `g(z) = z/(1 + |z|)`, a tanh-like curve that approaches ±1 polynomially rather than
 * exponentially. `g'(z) = 1/(1 + |z|)²`.
 */
export const softsign = defineActivation({
  name: "softsign",
  package: "@stepwise/activation-softsign",
  description: "softsign: z/(1 + |z|)",
  fn: (z) => z / (1 + Math.abs(z)),
  derivative: (z) => 1 / ((1 + Math.abs(z)) * (1 + Math.abs(z))),
});

/** What `stepwise --plugin @stepwise/activation-softsign` registers. */
export const plugins = [softsign];
