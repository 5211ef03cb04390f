import { add, axpby, divide, sqrt, square } from "@stepwise/tensor";
import { epsilon } from "./hyperparameters.js";
import { defineOptimizer, type MatrixRule } from "./rule.js";

/**
 * AdaGrad as PyTorch's `Adagrad` (torch 1.13, lr_decay 0, initial accumulator 0): every squared gradient
 * summed, never forgotten:
 *
 *     s = s + dW²
 *     W = W − learning_rate·dW / (√s + ε)
 */
const adagradRule: MatrixRule<"epsilon", "s"> = (W, dW, { s }, { learning_rate, hyper }) => {
  const sum = add(s, square(dW));
  return { W: axpby(1, W, -learning_rate, divide(dW, add(sqrt(sum), hyper.epsilon))), slots: { s: sum } };
};

/** `adagrad(epsilon=1e-10)`, PyTorch's default ε. */
export const adagrad = defineOptimizer({
  name: "adagrad",
  description: "AdaGrad (PyTorch's Adagrad): s = s + dW², W = W − learning_rate·dW / (√s + ε)",
  package: "@stepwise/optimizer",
  parameters: { epsilon: epsilon(1e-10) },
  linearInGradient: false,
  slots: ["s"],
  step: adagradRule,
});
