import type { Cost, Parameters } from "@stepwise/core";
import type { NetworkSpec } from "@stepwise/forward-cache";
import { serializeModel, toModelFile } from "@stepwise/model";
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { RunConfig } from "./config.js";
import { choicesOf } from "./run.js";

/** What a model file records about the run, in the CLI's keys (packages/cli/src/train-command.ts configOf). */
const hyperparametersOf = (config: RunConfig, classes: ReadonlyArray<string> | undefined) => ({
  layers: config.layers.join(","),
  init: config.init,
  hidden: config.hidden,
  output: config.output,
  cost: config.cost,
  learning_rate: config.learning_rate,
  iterations: config.iterations,
  seed: config.seed,
  optimizer: config.optimizer,
  ...config.optimizerParams,
  mini_batch_size: config.mini_batch_size,
  lambd: config.lambd,
  keep_prob: config.keep_prob,
  plan: config.plan,
  data: config.data.kind === "toy" ? config.data.name : config.data.kind,
  trained_by: "@stepwise/playground",
  ...(classes === undefined ? {} : { classes: classes.join(",") }),
});

/** The trained model in the model package's own file format, which `stepwise predict` loads. */
export const exportModel = (
  config: RunConfig,
  parameters: Parameters,
  classes: ReadonlyArray<string> | undefined,
): E.Either<StepwiseError, { readonly text: string; readonly spec: NetworkSpec }> =>
  E.map(({ spec, cost }: { readonly spec: NetworkSpec; readonly cost: Cost }) => ({
    text: serializeModel(toModelFile(parameters, spec, cost, hyperparametersOf(config, classes))),
    spec,
  }))(choicesOf(config));
