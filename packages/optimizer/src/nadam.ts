import { add, axpby, divide, sqrt, square } from "@stepwise/tensor";
import { beta1, beta2, epsilon } from "./hyperparameters.js";
import { defineOptimizer, type MatrixRule } from "./rule.js";

const parameters = {
  beta1,
  beta2,
  epsilon: epsilon(1e-8),
  momentum_decay: { default: 0.004, min: 0, description: "ψ in μ_t = β1·(1 − ½·0.96^(t·ψ))" },
} as const;

/** μ_t = β1·(1 − ½·0.96^(t·ψ)), the momentum schedule of Dozat's NAdam as PyTorch writes it. */
const muAt = (t: number, beta: number, psi: number): number => beta * (1 - 0.5 * 0.96 ** (t * psi));

/**
 * μ_1·μ_2·…·μ_t, multiplied in PyTorch's order. PyTorch keeps the running product in the state; it depends
 * on t alone, so here it is recomputed from t: the state stays one matrix per slot and parameter, and t
 * multiplications per matrix per step cost nothing beside the matrix work.
 */
const muProduct = (t: number, beta: number, psi: number): number => {
  let product = 1;
  for (let i = 1; i <= t; i++) product = product * muAt(i, beta, psi);
  return product;
};

/**
 * NAdam as PyTorch's `NAdam` (torch 1.13): Adam with Nesterov's look-ahead on the first moment, and μ_t
 * warming up as above. With P_t = Π_{i≤t} μ_i:
 *
 *     v = β1·v + (1 − β1)·dW,   s = β2·s + (1 − β2)·dW²,   denom = √(s / (1 − β2^t)) + ε
 *     W = W − learning_rate·(1 − μ_t)/(1 − P_t)·dW / denom
 *           − learning_rate·μ_{t+1}/(1 − P_t·μ_t·μ_{t+1})·v / denom
 *
 * The second denominator is torch 1.13's: its `mu_product_next = mu_product * mu * mu_next` multiplies
 * μ_t in twice (Dozat's paper, and later PyTorch releases, have 1 − P_t·μ_{t+1}). torch-optim-bn.json
 * records 1.13, and its trajectory matches this form to 2e-16 and the paper's only to 7e-5, so this is what
 * `nadam` computes: a run here is the run a PyTorch 1.13 user saw. The difference fades as P_t → 0.
 */
const nadamRule: MatrixRule<keyof typeof parameters, "v" | "s"> = (
  W,
  dW,
  slots,
  { learning_rate, t, hyper },
) => {
  const { beta1: b1, beta2: b2, momentum_decay: psi } = hyper;
  const mu = muAt(t, b1, psi);
  const muNext = muAt(t + 1, b1, psi);
  const product = muProduct(t, b1, psi);
  // torch 1.13: mu_product (already × μ_t) * mu * mu_next; see above.
  const productNext = product * mu * muNext;
  const v = axpby(b1, slots.v, 1 - b1, dW);
  const s = axpby(b2, slots.s, 1 - b2, square(dW));
  const denominator = add(sqrt(divide(s, 1 - b2 ** t)), hyper.epsilon);
  const afterGradient = axpby(1, W, (-learning_rate * (1 - mu)) / (1 - product), divide(dW, denominator));
  return {
    W: axpby(1, afterGradient, (-learning_rate * muNext) / (1 - productNext), divide(v, denominator)),
    slots: { v, s },
  };
};

/** `nadam(beta1=0.9, beta2=0.999, epsilon=1e-8, momentum_decay=0.004)`, PyTorch's defaults. */
export const nadam = defineOptimizer({
  name: "nadam",
  description: "NAdam (PyTorch's NAdam): Adam with a Nesterov look-ahead on the first moment",
  package: "@stepwise/optimizer",
  parameters,
  linearInGradient: false,
  slots: ["v", "s"],
  step: nadamRule,
});
