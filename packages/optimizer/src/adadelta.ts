import { add, axpby, divide, multiply, sqrt, square } from "@stepwise/tensor";
import { epsilon } from "./hyperparameters.js";
import { defineOptimizer, type MatrixRule } from "./rule.js";

const parameters = {
  rho: { default: 0.9, min: 0, max: 1, description: "the decay of both running averages" },
  epsilon: epsilon(1e-6),
} as const;

/**
 * AdaDelta as PyTorch's `Adadelta` (torch 1.13): the step is scaled by the RMS of past steps over the RMS of
 * past gradients, so it carries its own units; the learning rate only scales it (PyTorch's default is 1).
 *
 *     s = ρ·s + (1 − ρ)·dW²
 *     Δ = √(u + ε) / √(s + ε) · dW
 *     u = ρ·u + (1 − ρ)·Δ²
 *     W = W − learning_rate·Δ
 */
const adadeltaRule: MatrixRule<keyof typeof parameters, "s" | "u"> = (
  W,
  dW,
  slots,
  { learning_rate, hyper: { rho, epsilon: eps } },
) => {
  const s = axpby(rho, slots.s, 1 - rho, square(dW));
  const delta = multiply(divide(sqrt(add(slots.u, eps)), sqrt(add(s, eps))), dW);
  const u = axpby(rho, slots.u, 1 - rho, square(delta));
  return { W: axpby(1, W, -learning_rate, delta), slots: { s, u } };
};

/** `adadelta(rho=0.9, epsilon=1e-6)`, PyTorch's defaults; train it with learning rate 1, as PyTorch does. */
export const adadelta = defineOptimizer({
  name: "adadelta",
  description:
    "AdaDelta (PyTorch's Adadelta): Δ = √(u + ε)/√(s + ε)·dW, W = W − learning_rate·Δ (learning rate 1 is usual)",
  package: "@stepwise/optimizer",
  parameters,
  linearInGradient: false,
  slots: ["s", "u"],
  step: adadeltaRule,
});
