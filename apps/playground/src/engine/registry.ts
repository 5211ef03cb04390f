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
import {
  type AnyPlugin,
  formatPluginName,
  makeRegistry,
  type Registry,
  registeredNames,
} from "@stepwise/core";
import { plugins as binaryCrossEntropy } from "@stepwise/cost-binary-cross-entropy";
import { plugins as binaryCrossEntropyFromLogits } from "@stepwise/cost-binary-cross-entropy-from-logits";
import { plugins as categoricalCrossEntropy } from "@stepwise/cost-categorical-cross-entropy";
import { plugins as focal } from "@stepwise/cost-focal";
import { plugins as hinge } from "@stepwise/cost-hinge";
import { plugins as huber } from "@stepwise/cost-huber";
import { plugins as mae } from "@stepwise/cost-mae";
import { plugins as mse } from "@stepwise/cost-mse";
import { initializers } from "@stepwise/init";
import { optimizers } from "@stepwise/optimizer";
import * as E from "fp-ts/lib/Either.js";

/**
 * The plugins the playground offers: the same list as the CLI's built-in registry
 * (packages/cli/src/registry.ts), so a model trained here names plugins `stepwise predict` knows.
 */
export const playgroundPlugins: ReadonlyArray<AnyPlugin> = [
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

const built = makeRegistry({ plugins: playgroundPlugins });
if (E.isLeft(built)) throw new Error(built.left.message); // a duplicate name among our own plugins: a bug

export const registry: Registry = built.right;

/**
 * Every name a select box offers, per kind. Optimizers by their base names (`adam`, `gd`, …): their
 * hyper-parameters get fields of their own beside the select (`optimizerDefaults`).
 */
export const pluginNames = {
  activation: registeredNames(registry, "activation"),
  cost: registeredNames(registry, "cost"),
  optimizer: [...registry.factories.optimizer.keys(), ...registry.optimizers.keys()].sort(),
} as const;

/** An optimizer's hyper-parameters and their defaults (`{ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }`). */
export const optimizerDefaults = (name: string): Readonly<Record<string, number>> =>
  Object.fromEntries(
    Object.entries(registry.factories.optimizer.get(name)?.parameters ?? {}).map(([key, spec]) => [
      key,
      spec.default,
    ]),
  );

/**
 * The optimizer's plugin name with the hyper-parameters set in the fields, as every plugin carries its
 * parameters: `adam` with `{ beta1: 0.8 }` is `adam(beta1=0.8)` (the others at their defaults).
 */
export const optimizerNameOf = (name: string, parameters: Readonly<Record<string, number>>): string =>
  formatPluginName(name, Object.entries(parameters));

/** The initializers `@stepwise/init` offers by name. */
export const initializerNames: ReadonlyArray<string> = Object.keys(initializers);
