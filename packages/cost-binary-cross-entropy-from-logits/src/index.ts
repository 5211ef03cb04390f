import { defineCost } from "@stepwise/core";

/**
 * Binary cross-entropy on logits z (pair it with the `identity` output; σ(z) is the probability):
 * per unit `−(y·log σ(z) + (1 − y)·log(1 − σ(z)))`, computed as `max(z, 0) − z·y + log1p(e^(−|z|))`,
 * which is finite for every finite z: no sigmoid that saturates to exactly 0 or 1, so no log(0).
 * `dAL = σ(z) − y`, with σ computed without overflow. The same numbers as PyTorch's
 * `BCEWithLogitsLoss` (summed over rows, averaged over examples).
 */
export const binary_cross_entropy_from_logits = defineCost({
  name: "binary_cross_entropy_from_logits",
  package: "@stepwise/cost-binary-cross-entropy-from-logits",
  description: "binary cross-entropy on logits: max(z, 0) - z·y + log(1 + e^-|z|)",
  labels: { min: 0, max: 1, description: "0 or 1, or a probability of 1" },
  accepts: {
    outputRange: ["real"],
    hint: "It applies the sigmoid itself, so it needs the raw logit: use the output identity (or, for an output that already is a probability, the cost binary_cross_entropy).",
  },
  loss: (z, y) => Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))),
  derivative: (z, y) => {
    if (z >= 0) return 1 / (1 + Math.exp(-z)) - y;
    const e = Math.exp(z);
    return e / (1 + e) - y;
  },
});

/** What `stepwise --plugin @stepwise/cost-binary-cross-entropy-from-logits` registers. */
export const plugins = [binary_cross_entropy_from_logits];
