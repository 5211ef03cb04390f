import { type Activation, defineMatrixActivation } from "@stepwise/core";
import { invalidArgument, map, raise, zipWith } from "@stepwise/tensor";

export interface LeakyReluOptions {
  /** Slope for z < 0 (default 0.01, PyTorch's `negative_slope`). */
  readonly alpha?: number;
}

/**
 * Leaky ReLU: `z` for z > 0, `alpha·z` otherwise. The name records alpha (`leaky_relu(alpha=0.01)`) so a
 * saved model reloads with the same slope.
 */
export const leakyRelu = ({ alpha = 0.01 }: LeakyReluOptions = {}): Activation => {
  if (!(Number.isFinite(alpha) && alpha >= 0))
    raise(invalidArgument(`leaky_relu: alpha is ${alpha}; pass a finite slope ≥ 0 (e.g. 0.01)`));
  return defineMatrixActivation({
    name: `leaky_relu(alpha=${alpha})`,
    package: "@stepwise/activation-leaky-relu",
    description: "leaky rectified linear unit: z if z > 0 else alpha·z",
    forward: (Z) => map(Z, (z) => (z > 0 ? z : alpha * z)),
    backward: (dA, { Z }) => zipWith(dA, Z, (da, z) => (z > 0 ? da : alpha * da)),
  });
};

/** Leaky ReLU with PyTorch's default slope 0.01. */
export const leaky_relu = leakyRelu();
