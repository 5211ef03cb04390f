import { axpby } from "@stepwise/tensor";
import { decay } from "./hyperparameters.js";
import { defineOptimizer, type MatrixRule } from "./rule.js";

/**
 * Nesterov momentum as PyTorch's `SGD(momentum=β, nesterov=True)` (torch 1.13, dampening 0): the heavy-ball
 * velocity, then a step along the gradient plus the velocity looked ahead once more:
 *
 *     v = β·v + dW             (at step 1 PyTorch sets v = dW, which β·0 + dW is exactly)
 *     W = W − learning_rate·(dW + β·v)
 */
const nesterovRule: MatrixRule<"beta", "v"> = (W, dW, { v }, { learning_rate, hyper: { beta } }) => {
  const vNext = axpby(beta, v, 1, dW);
  return { W: axpby(1, W, -learning_rate, axpby(1, dW, beta, vNext)), slots: { v: vNext } };
};

/**
 * `nesterov(beta=0.9)`. Linear in the gradient (every update is a combination of W, dW and v with scalar
 * coefficients), so @stepwise/model's dual plan may train with it, as with gd and momentum.
 */
export const nesterov = defineOptimizer({
  name: "nesterov",
  description:
    "Nesterov momentum (PyTorch's SGD, nesterov=True): v = β·v + dW, W = W − learning_rate·(dW + β·v)",
  package: "@stepwise/optimizer",
  parameters: { beta: decay(0.9, "the velocity's decay") },
  linearInGradient: true,
  slots: ["v"],
  step: nesterovRule,
});
