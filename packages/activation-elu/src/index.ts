import { type Activation, defineActivation, definePluginFactory, formatPluginName } from "@stepwise/core";
import { invalidArgument, raise } from "@stepwise/tensor";

export interface EluOptions {
  /** The value ELU approaches as z → −∞ is −alpha (default 1, as in PyTorch and Keras). */
  readonly alpha?: number;
}

/**
 * ELU (Clevert et al., 2015): `z` for z > 0, `alpha·(e^z − 1)` otherwise (computed with `expm1`, exact
 * near 0). `g'(z) = 1` for z > 0, `alpha·e^z` otherwise. Named with its alpha: `elu(alpha=1)`.
 */
export const eluWith = ({ alpha = 1 }: EluOptions = {}): Activation => {
  if (!(Number.isFinite(alpha) && alpha >= 0))
    raise(invalidArgument(`elu: alpha is ${alpha}; pass a finite alpha ≥ 0 (e.g. 1)`));
  return defineActivation({
    name: formatPluginName("elu", [["alpha", alpha]]),
    package: "@stepwise/activation-elu",
    description: "exponential linear unit: z if z > 0 else alpha·(e^z − 1)",
    fn: (z) => (z > 0 ? z : alpha * Math.expm1(z)),
    derivative: (z) => (z > 0 ? 1 : alpha * Math.exp(z)),
  });
};

/** ELU with alpha = 1. */
export const elu = eluWith();

/** `elu` and `elu(alpha=0.5)` by name. */
export const eluFactory = definePluginFactory({
  kind: "activation",
  name: "elu",
  package: "@stepwise/activation-elu",
  description: "exponential linear unit: z if z > 0 else alpha·(e^z − 1)",
  parameters: { alpha: { default: 1, min: 0, description: "−alpha is the limit as z → −∞" } },
  create: ({ alpha }) => eluWith({ alpha }),
});

/** What `stepwise --plugin @stepwise/activation-elu` registers. */
export const plugins = [eluFactory];
