import { identity } from "@stepwise/activation-identity";
import { leaky_relu } from "@stepwise/activation-leaky-relu";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { softmax } from "@stepwise/activation-softmax";
import { tanh } from "@stepwise/activation-tanh";
import { makeRegistry, type Registry } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import { mse } from "@stepwise/cost-mse";
import { optimizers } from "@stepwise/optimizer";
import type { StepwiseError } from "@stepwise/tensor";
import type * as E from "fp-ts/Either";

/** The plugins every Stepwise install has; more come from stepwise.config.json or --plugin. */
export const builtinRegistry = (): E.Either<StepwiseError, Registry> =>
  makeRegistry({
    activations: [relu, sigmoid, tanh, leaky_relu, identity, softmax],
    costs: [binary_cross_entropy, mse, categorical_cross_entropy],
    optimizers,
  });

/** Flags are kebab-case (`--cost binary-cross-entropy`); plugin names are the course's snake_case. */
export const pluginName = (flag: string): string => flag.trim().replaceAll("-", "_");
