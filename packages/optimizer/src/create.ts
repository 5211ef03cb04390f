import {
  type Hyperparameters,
  isPluginFactory,
  type Optimizer,
  type OptimizerDefinition,
  type PluginFactory,
  pluginWith,
  type Schedule,
} from "@stepwise/core";
import { invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { adadelta } from "./adadelta.js";
import { adagrad } from "./adagrad.js";
import { adam } from "./adam.js";
import { adamax } from "./adamax.js";
import { adamw } from "./adamw.js";
import { gd } from "./gradient-descent.js";
import { heavyBallMomentum, momentum } from "./momentum.js";
import { nadam } from "./nadam.js";
import { nesterov } from "./nesterov.js";
import { rmsprop } from "./rmsprop.js";
import { toSchedule } from "./schedules.js";

/**
 * Every optimizer of this package, for `makeRegistry({ optimizers })`: plugin factories, as activations'.
 * The course's four first, then PyTorch's (torch.optim's formulas, checked against torch-optim-bn.json).
 */
export const optimizers: ReadonlyArray<PluginFactory<"optimizer">> = [
  gd,
  momentum,
  heavyBallMomentum,
  adam,
  nesterov,
  rmsprop,
  adagrad,
  adadelta,
  adamw,
  adamax,
  nadam,
];

/**
 * The definition an optimizer option names: a definition as it is (its hyper-parameters are in its name,
 * `adam(beta1=0.8, …)`), or a factory with `hyper` by name (the CLI's `--beta1`), the rest at their
 * defaults. Names and ranges are checked by core's plugin-name machinery, as for every plugin.
 */
export const optimizerDefinition = (
  optimizer: OptimizerDefinition | PluginFactory<"optimizer">,
  hyper: Hyperparameters = {},
): E.Either<StepwiseError, OptimizerDefinition> =>
  isPluginFactory(optimizer)
    ? pluginWith(optimizer, hyper)
    : Object.keys(hyper).length === 0
      ? E.right(optimizer)
      : E.left(
          invalidArgument(
            `${optimizer.meta.name}: its hyper-parameters are set in its name; write them there (or pass its plugin factory with ${Object.keys(hyper).join(", ")})`,
          ),
        );

/**
 * The checked entry point for configs and code: an optimizer (definition, or factory with hyper-parameters
 * by name) and a learning rate (a number, or a schedule) → the JAX-style optimizer, or the error that says
 * what to fix. The optimizer's `update` then trusts what it is given.
 */
export const createOptimizer = (
  optimizer: OptimizerDefinition | PluginFactory<"optimizer">,
  learning_rate: number | Schedule,
  hyper: Hyperparameters = {},
): E.Either<StepwiseError, Optimizer> =>
  E.flatMap((definition: OptimizerDefinition) =>
    E.map((schedule: Schedule) => definition.create(schedule))(
      toSchedule(`${definition.meta.name}.create`, learning_rate),
    ),
  )(optimizerDefinition(optimizer, hyper));
