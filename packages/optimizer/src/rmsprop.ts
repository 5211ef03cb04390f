import { add, axpby, divide, type Matrix, sqrt, square, subtract } from "@stepwise/tensor";
import { decay, epsilon, flag } from "./hyperparameters.js";
import { defineOptimizer, type MatrixRule } from "./rule.js";

const parameters = {
  rho: decay(0.99, "the squared gradient's decay (PyTorch's alpha)"),
  epsilon: epsilon(1e-8),
  momentum: { default: 0, min: 0, lessThan: 1, description: "the velocity's decay; 0: no velocity" },
  centered: flag("1: divide by the gradient's estimated standard deviation (s − m²), not its RMS"),
} as const;

type Hyper = keyof typeof parameters;
type Slot = "s" | "m" | "v";

/**
 * RMSProp as PyTorch's `RMSprop` (torch 1.13), the same expressions in the same order:
 *
 *     s = ρ·s + (1 − ρ)·dW²
 *     centered:  m = ρ·m + (1 − ρ)·dW,   avg = √(s − m²) + ε        otherwise  avg = √s + ε
 *     momentum:  v = μ·v + dW / avg,      W = W − learning_rate·v    otherwise  W = W − learning_rate·dW / avg
 *
 * The slots are PyTorch's too: `m` only when centered, `v` only with momentum > 0.
 */
const rmspropRule: MatrixRule<Hyper, Slot> = (W, dW, slots, { learning_rate, hyper }) => {
  const s = axpby(hyper.rho, slots.s, 1 - hyper.rho, square(dW));
  // `m` exists only when centered (see `slots` below), so it is read only then.
  const m = hyper.centered === 1 ? axpby(hyper.rho, slots.m, 1 - hyper.rho, dW) : undefined;
  const avg = add(sqrt(m === undefined ? s : subtract(s, square(m))), hyper.epsilon);
  const scaled = divide(dW, avg);
  const v: Matrix | undefined = hyper.momentum > 0 ? axpby(hyper.momentum, slots.v, 1, scaled) : undefined;
  return {
    W: axpby(1, W, -learning_rate, v ?? scaled),
    slots: { s, ...(m === undefined ? {} : { m }), ...(v === undefined ? {} : { v }) },
  };
};

/** `rmsprop(rho=0.99, epsilon=1e-8, momentum=0, centered=0)`, PyTorch's defaults. */
export const rmsprop = defineOptimizer({
  name: "rmsprop",
  description:
    "RMSProp (PyTorch's RMSprop): s = ρ·s + (1 − ρ)·dW², W = W − learning_rate·dW / (√s + ε); centered and momentum optional",
  package: "@stepwise/optimizer",
  parameters,
  linearInGradient: false,
  slots: (hyper): ReadonlyArray<Slot> => [
    "s",
    ...(hyper.centered === 1 ? (["m"] as const) : []),
    ...(hyper.momentum > 0 ? (["v"] as const) : []),
  ],
  step: rmspropRule,
});
