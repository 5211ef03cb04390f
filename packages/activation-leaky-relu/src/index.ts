import {
  type Activation,
  defineMatrixActivation,
  definePluginFactory,
  formatPluginName,
} from "@stepwise/core";
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
    name: formatPluginName("leaky_relu", [["alpha", alpha]]),
    package: "@stepwise/activation-leaky-relu",
    description: "leaky rectified linear unit: z if z > 0 else alpha·z",
    forward: (Z) => map(Z, (z) => (z > 0 ? z : alpha * z)),
    backward: (dA, { Z }) => zipWith(dA, Z, (da, z) => (z > 0 ? da : alpha * da)),
  });
};

/** Leaky ReLU with PyTorch's default slope 0.01. */
export const leaky_relu = leakyRelu();

/** `leaky_relu` and `leaky_relu(alpha=0.2)` by name, for the registry, model files and `--hidden`. */
export const leakyReluFactory = definePluginFactory({
  kind: "activation",
  name: "leaky_relu",
  package: "@stepwise/activation-leaky-relu",
  description: "leaky rectified linear unit: z if z > 0 else alpha·z",
  parameters: { alpha: { default: 0.01, min: 0, description: "slope for z < 0" } },
  create: ({ alpha }) => leakyRelu({ alpha }),
});

/** What `stepwise --plugin @stepwise/activation-leaky-relu` registers. */
export const plugins = [leakyReluFactory];
