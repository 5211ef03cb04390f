import { abs, add, axpby, divide, maximum, multiply } from "@stepwise/tensor";
import { beta1, beta2, epsilon } from "./hyperparameters.js";
import { defineOptimizer, type MatrixRule } from "./rule.js";

const parameters = { beta1, beta2, epsilon: epsilon(1e-8) } as const;

/**
 * Adamax as PyTorch's `Adamax` (torch 1.13): Adam with the second moment's L2 norm replaced by an
 * exponentially weighted infinity norm, which needs no bias correction:
 *
 *     v = β1·v + (1 − β1)·dW
 *     u = max(β2·u, |dW| + ε)
 *     W = W − (learning_rate / (1 − β1^t))·v / u
 */
const adamaxRule: MatrixRule<keyof typeof parameters, "v" | "u"> = (
  W,
  dW,
  slots,
  { learning_rate, t, hyper },
) => {
  const v = axpby(hyper.beta1, slots.v, 1 - hyper.beta1, dW);
  const u = maximum(multiply(slots.u, hyper.beta2), add(abs(dW), hyper.epsilon));
  return { W: axpby(1, W, -(learning_rate / (1 - hyper.beta1 ** t)), divide(v, u)), slots: { v, u } };
};

/** `adamax(beta1=0.9, beta2=0.999, epsilon=1e-8)`, PyTorch's defaults. */
export const adamax = defineOptimizer({
  name: "adamax",
  description: "Adamax (PyTorch's Adamax): u = max(β2·u, |dW| + ε), W = W − learning_rate/(1 − β1^t)·v / u",
  package: "@stepwise/optimizer",
  parameters,
  linearInGradient: false,
  slots: ["v", "u"],
  step: adamaxRule,
});
