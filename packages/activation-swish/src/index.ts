import { type Activation, defineActivation, definePluginFactory, formatPluginName } from "@stepwise/core";
import { invalidArgument, raise } from "@stepwise/tensor";

/** σ(x) without overflow. */
const sigmoid = (x: number): number => {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
};

/**
 * SiLU, the sigmoid-weighted linear unit (Elfwing et al., 2017; PyTorch's `nn.SiLU`): `g(z) = z·σ(z)`,
 * `g'(z) = σ(z)·(1 + z·(1 − σ(z)))`. It is swish with β = 1.
 */
export const silu = defineActivation({
  name: "silu",
  package: "@stepwise/activation-swish",
  description: "sigmoid-weighted linear unit: z·σ(z) (swish with beta = 1)",
  fn: (z) => z * sigmoid(z),
  derivative: (z) => {
    const s = sigmoid(z);
    return s * (1 + z * (1 - s));
  },
});

export interface SwishOptions {
  /** Default 1, where swish is SiLU. β = 0 gives z/2; β → ∞ approaches relu. */
  readonly beta?: number;
}

/**
 * Swish (Ramachandran et al., 2017): `g(z) = z·σ(β·z)`, `g'(z) = σ(βz) + β·z·σ(βz)·(1 − σ(βz))`.
 * Named with its beta: `swish(beta=1)`, which computes exactly what `silu` does.
 */
export const swishWith = ({ beta = 1 }: SwishOptions = {}): Activation => {
  if (!(Number.isFinite(beta) && beta >= 0))
    raise(invalidArgument(`swish: beta is ${beta}; pass a finite beta ≥ 0 (e.g. 1)`));
  return defineActivation({
    name: formatPluginName("swish", [["beta", beta]]),
    package: "@stepwise/activation-swish",
    description: "swish: z·σ(beta·z)",
    fn: (z) => z * sigmoid(beta * z),
    derivative: (z) => {
      const s = sigmoid(beta * z);
      return s + beta * z * s * (1 - s);
    },
  });
};

/** `swish` and `swish(beta=1.5)` by name. */
export const swishFactory = definePluginFactory({
  kind: "activation",
  name: "swish",
  package: "@stepwise/activation-swish",
  description: "swish: z·σ(beta·z)",
  parameters: { beta: { default: 1, min: 0, description: "sharpness of the sigmoid gate" } },
  create: ({ beta }) => swishWith({ beta }),
});

/** What `stepwise --plugin @stepwise/activation-swish` registers: `silu` and the `swish(beta)` family. */
export const plugins = [silu, swishFactory];
