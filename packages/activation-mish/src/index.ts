import { defineActivation } from "@stepwise/core";

/** softplus(z) = log(1 + e^z) without overflow. */
const softplus = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

/** σ(z) without overflow. */
const sigmoid = (z: number): number => {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
};

/**
 * Mish (Misra, 2019): `g(z) = z·tanh(softplus(z))`. With t = tanh(softplus(z)),
 * `g'(z) = t + z·(1 − t²)·σ(z)`, since softplus' = σ. Finite everywhere: softplus is computed stably.
 */
export const mish = defineActivation({
  name: "mish",
  package: "@stepwise/activation-mish",
  description: "mish: z·tanh(softplus(z))",
  fn: (z) => z * Math.tanh(softplus(z)),
  derivative: (z) => {
    const t = Math.tanh(softplus(z));
    return t + z * (1 - t * t) * sigmoid(z);
  },
});

/** What `stepwise --plugin @stepwise/activation-mish` registers. */
export const plugins = [mish];
