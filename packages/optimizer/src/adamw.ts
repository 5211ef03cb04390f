import { add, axpby, divide, multiply, sqrt, square } from "@stepwise/tensor";
import { beta1, beta2, epsilon } from "./hyperparameters.js";
import { defineOptimizer, type MatrixRule } from "./rule.js";

const parameters = {
  beta1,
  beta2,
  epsilon: epsilon(1e-8),
  weight_decay: { default: 0.01, min: 0, description: "the decoupled decay, W·(1 − learning_rate·λ)" },
} as const;

/**
 * AdamW as PyTorch's `AdamW` (torch 1.13): the weights shrink by learning_rate·λ first, decoupled from the
 * gradient (L2 in the cost would be scaled by Adam's 1/√s; this is not), then Adam's step, written as
 * PyTorch writes it:
 *
 *     W = W·(1 − learning_rate·λ)
 *     v = β1·v + (1 − β1)·dW,   s = β2·s + (1 − β2)·dW²
 *     W = W − (learning_rate / (1 − β1^t))·v / (√s / √(1 − β2^t) + ε)
 *
 * λ applies to every parameter, b_l too, as when PyTorch is given them all.
 */
const adamwRule: MatrixRule<keyof typeof parameters, "v" | "s"> = (
  W,
  dW,
  slots,
  { learning_rate, t, hyper },
) => {
  const decayed = multiply(W, 1 - learning_rate * hyper.weight_decay);
  const v = axpby(hyper.beta1, slots.v, 1 - hyper.beta1, dW);
  const s = axpby(hyper.beta2, slots.s, 1 - hyper.beta2, square(dW));
  const stepSize = learning_rate / (1 - hyper.beta1 ** t);
  const denominator = add(divide(sqrt(s), Math.sqrt(1 - hyper.beta2 ** t)), hyper.epsilon);
  return { W: axpby(1, decayed, -stepSize, divide(v, denominator)), slots: { v, s } };
};

/** `adamw(beta1=0.9, beta2=0.999, epsilon=1e-8, weight_decay=0.01)`, PyTorch's defaults. */
export const adamw = defineOptimizer({
  name: "adamw",
  description:
    "AdamW (PyTorch's AdamW): Adam with decoupled weight decay, W·(1 − learning_rate·λ) before the step",
  package: "@stepwise/optimizer",
  parameters,
  linearInGradient: false,
  slots: ["v", "s"],
  step: adamwRule,
});
