import { defineActivation } from "@stepwise/core";
import { erfc } from "./erf.js";

export { erf, erfc } from "./erf.js";

const SQRT1_2 = Math.SQRT1_2;
const ONE_OVER_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const C = 0.044715;

/** σ(x) without overflow: 1/(1 + e^−x) for x ≥ 0, e^x/(1 + e^x) below. */
const sigmoid = (x: number): number => {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
};

/**
 * GELU, exact: `g(z) = z·Φ(z) = ½·z·(1 + erf(z/√2))` (PyTorch's `approximate="none"`), computed as
 * `½·z·erfc(−z/√2)` so the left tail keeps its relative accuracy. `g'(z) = Φ(z) + z·φ(z)` with
 * φ(z) = e^(−z²/2)/√(2π).
 */
export const gelu = defineActivation({
  name: "gelu",
  package: "@stepwise/activation-gelu",
  description: "Gaussian error linear unit, exact: z·Φ(z) = 0.5·z·(1 + erf(z/√2))",
  fn: (z) => 0.5 * z * erfc(-z * SQRT1_2),
  derivative: (z) => 0.5 * erfc(-z * SQRT1_2) + z * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * z * z),
});

/**
 * GELU, tanh approximation (Hendrycks & Gimpel; PyTorch's `approximate="tanh"`, BERT/GPT-2's "gelu_new"):
 * `g(z) = ½·z·(1 + tanh(u))` with `u = √(2/π)·(z + 0.044715·z³)`, computed as the equal `z·σ(2u)` so the
 * left tail does not cancel. `g'(z) = σ(2u) + 2·z·σ(2u)·(1 − σ(2u))·√(2/π)·(1 + 3·0.044715·z²)`.
 */
export const gelu_tanh = defineActivation({
  name: "gelu_tanh",
  package: "@stepwise/activation-gelu",
  description: "Gaussian error linear unit, tanh approximation: 0.5·z·(1 + tanh(√(2/π)(z + 0.044715z³)))",
  fn: (z) => z * sigmoid(2 * SQRT_2_OVER_PI * (z + C * z * z * z)),
  derivative: (z) => {
    const s = sigmoid(2 * SQRT_2_OVER_PI * (z + C * z * z * z));
    return s + 2 * z * s * (1 - s) * SQRT_2_OVER_PI * (1 + 3 * C * z * z);
  },
});

/** What `stepwise --plugin @stepwise/activation-gelu` registers: both forms, named apart. */
export const plugins = [gelu, gelu_tanh];
