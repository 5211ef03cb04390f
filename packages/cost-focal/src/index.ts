import { type Cost, defineCost, definePluginFactory, formatPluginName } from "@stepwise/core";
import { invalidArgument, raise } from "@stepwise/tensor";

export interface FocalOptions {
  /** Focusing parameter γ ≥ 0 (default 2, the paper's): how much easy examples are down-weighted. */
  readonly gamma?: number;
  /** Weight α ∈ [0, 1] of the positive class; negatives get 1 − α (default 0.25, the paper's). */
  readonly alpha?: number;
}

/**
 * Binary focal loss (Lin et al., 2017, "Focal Loss for Dense Object Detection") on probabilities p from a
 * sigmoid output, per unit:
 *
 *   `FL(p, y) = −α·y·(1 − p)^γ·log p − (1 − α)·(1 − y)·p^γ·log(1 − p)`
 *
 * which for y ∈ {0, 1} is the paper's `−α_t (1 − p_t)^γ log p_t`; γ = 0 gives α-weighted binary
 * cross-entropy. `dAL = α·y·(γ(1 − p)^(γ−1)·log p − (1 − p)^γ/p) + (1 − α)(1 − y)·(p^γ/(1 − p) − γ·p^(γ−1)·log(1 − p))`.
 * A term whose weight is 0 contributes exactly 0. Like the course's cross-entropy, p must lie strictly
 * inside (0, 1). Named with both parameters, γ first: `focal(gamma=2, alpha=0.25)`.
 */
export const focalWith = ({ gamma = 2, alpha = 0.25 }: FocalOptions = {}): Cost => {
  if (!(Number.isFinite(gamma) && gamma >= 0))
    raise(invalidArgument(`focal: gamma is ${gamma}; pass a finite gamma ≥ 0 (e.g. 2)`));
  if (!(alpha >= 0 && alpha <= 1))
    raise(invalidArgument(`focal: alpha is ${alpha}; pass an alpha in [0, 1]`));
  const positive = (p: number) => (1 - p) ** gamma;
  const negative = (p: number) => p ** gamma;
  return defineCost({
    name: formatPluginName("focal", [
      ["gamma", gamma],
      ["alpha", alpha],
    ]),
    package: "@stepwise/cost-focal",
    description: "binary focal loss: -alpha·y·(1-p)^gamma·log p - (1-alpha)·(1-y)·p^gamma·log(1-p)",
    labels: { min: 0, max: 1, description: "0 or 1" },
    accepts: {
      outputRange: ["probability"],
      hint: "Like binary cross-entropy it takes log p and log(1 − p), which need p in (0, 1): use the output sigmoid.",
    },
    loss: (p, y) =>
      (y === 0 || alpha === 0 ? 0 : -alpha * y * positive(p) * Math.log(p)) +
      (y === 1 || alpha === 1 ? 0 : -(1 - alpha) * (1 - y) * negative(p) * Math.log1p(-p)),
    derivative: (p, y) =>
      (y === 0 || alpha === 0
        ? 0
        : alpha * y * ((gamma === 0 ? 0 : gamma * (1 - p) ** (gamma - 1) * Math.log(p)) - positive(p) / p)) +
      (y === 1 || alpha === 1
        ? 0
        : (1 - alpha) *
          (1 - y) *
          (negative(p) / (1 - p) - (gamma === 0 ? 0 : gamma * p ** (gamma - 1) * Math.log1p(-p)))),
  });
};

/** Focal loss with the paper's γ = 2, α = 0.25. */
export const focal = focalWith();

/** `focal`, `focal(gamma=1)`, `focal(gamma=2, alpha=0.5)` by name. */
export const focalFactory = definePluginFactory({
  kind: "cost",
  name: "focal",
  package: "@stepwise/cost-focal",
  description: "binary focal loss on sigmoid probabilities",
  parameters: {
    gamma: { default: 2, min: 0, description: "focusing parameter" },
    alpha: { default: 0.25, min: 0, max: 1, description: "weight of the positive class" },
  },
  create: ({ gamma, alpha }) => focalWith({ gamma, alpha }),
});

/** What `stepwise --plugin @stepwise/cost-focal` registers. */
export const plugins = [focalFactory];
