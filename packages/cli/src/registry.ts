import { plugins as elu } from "@stepwise/activation-elu";
import { plugins as gelu } from "@stepwise/activation-gelu";
import { plugins as hardSigmoid } from "@stepwise/activation-hard-sigmoid";
import { plugins as identity } from "@stepwise/activation-identity";
import { plugins as leakyRelu } from "@stepwise/activation-leaky-relu";
import { plugins as mish } from "@stepwise/activation-mish";
import { plugins as relu } from "@stepwise/activation-relu";
import { plugins as selu } from "@stepwise/activation-selu";
import { plugins as sigmoid } from "@stepwise/activation-sigmoid";
import { plugins as softmax } from "@stepwise/activation-softmax";
import { plugins as softplus } from "@stepwise/activation-softplus";
import { plugins as softsign } from "@stepwise/activation-softsign";
import { plugins as swish } from "@stepwise/activation-swish";
import { plugins as tanh } from "@stepwise/activation-tanh";
import { type AnyPlugin, makeRegistry, type Registry } from "@stepwise/core";
import { plugins as binaryCrossEntropy } from "@stepwise/cost-binary-cross-entropy";
import { plugins as binaryCrossEntropyFromLogits } from "@stepwise/cost-binary-cross-entropy-from-logits";
import { plugins as categoricalCrossEntropy } from "@stepwise/cost-categorical-cross-entropy";
import { plugins as focal } from "@stepwise/cost-focal";
import { plugins as hinge } from "@stepwise/cost-hinge";
import { plugins as huber } from "@stepwise/cost-huber";
import { plugins as mae } from "@stepwise/cost-mae";
import { plugins as mse } from "@stepwise/cost-mse";
import { optimizers } from "@stepwise/optimizer";
import type { StepwiseError } from "@stepwise/tensor";
import type * as E from "fp-ts/lib/Either.js";

/**
 * The plugins every Stepwise install has: every first-party plugin package of this repository (the
 * course's and the rest; each is a few dependency-free lines, contract-tested here), and the optimizers.
 * Third-party and local plugins come from stepwise.config.json or --plugin (see plugins.ts).
 */
export const builtinPlugins: ReadonlyArray<AnyPlugin> = [
  ...relu,
  ...sigmoid,
  ...tanh,
  ...leakyRelu,
  ...identity,
  ...softmax,
  ...elu,
  ...selu,
  ...gelu,
  ...softplus,
  ...swish,
  ...mish,
  ...hardSigmoid,
  ...softsign,
  ...binaryCrossEntropy,
  ...mse,
  ...categoricalCrossEntropy,
  ...mae,
  ...huber,
  ...hinge,
  ...binaryCrossEntropyFromLogits,
  ...focal,
  ...optimizers,
];

export const builtinRegistry = (): E.Either<StepwiseError, Registry> =>
  makeRegistry({ plugins: builtinPlugins });

/**
 * Flags are kebab-case (`--cost binary-cross-entropy`); plugin names are the course's snake_case. Only the
 * base name is converted, so `leaky-relu(alpha=-1e-3)` keeps its minus signs.
 */
export const pluginName = (flag: string): string => {
  const text = flag.trim();
  const open = text.indexOf("(");
  return open < 0
    ? text.replaceAll("-", "_")
    : `${text.slice(0, open).replaceAll("-", "_")}${text.slice(open)}`;
};
