import { type Cost, defineCost, definePluginFactory, formatPluginName } from "@stepwise/core";
import { invalidArgument, raise } from "@stepwise/tensor";

export interface HuberOptions {
  /** Where the loss turns from quadratic to linear (default 1, PyTorch's `HuberLoss(delta=1.0)`). */
  readonly delta?: number;
}

/**
 * Huber loss: with r = a − y, per unit `½r²` for |r| ≤ δ and `δ·(|r| − ½δ)` beyond; `dAL = clip(r, −δ, δ)`.
 * Summed over rows and averaged over the m examples, like every Stepwise cost (PyTorch averages over
 * every element instead). Named with its delta: `huber(delta=1)`.
 */
export const huberWith = ({ delta = 1 }: HuberOptions = {}): Cost => {
  if (!(Number.isFinite(delta) && delta > 0))
    raise(invalidArgument(`huber: delta is ${delta}; pass a finite delta > 0 (e.g. 1)`));
  return defineCost({
    name: formatPluginName("huber", [["delta", delta]]),
    package: "@stepwise/cost-huber",
    description: "Huber loss: 0.5·r² for |r| ≤ delta, delta·(|r| − 0.5·delta) beyond",
    loss: (a, y) => {
      const r = Math.abs(a - y);
      return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
    },
    derivative: (a, y) => Math.min(Math.max(a - y, -delta), delta),
  });
};

/** Huber loss with delta = 1. */
export const huber = huberWith();

/** `huber` and `huber(delta=0.5)` by name. */
export const huberFactory = definePluginFactory({
  kind: "cost",
  name: "huber",
  package: "@stepwise/cost-huber",
  description: "Huber loss: 0.5·r² for |r| ≤ delta, delta·(|r| − 0.5·delta) beyond",
  parameters: { delta: { default: 1, greaterThan: 0, description: "where quadratic turns linear" } },
  create: ({ delta }) => huberWith({ delta }),
});

/** What `stepwise --plugin @stepwise/cost-huber` registers. */
export const plugins = [huberFactory];
