import type { Cost, Parameters } from "@stepwise/core";
import type { NetworkSpec } from "@stepwise/forward-cache";
import { modelManifest, modelToSafetensors, toModelFile, WEIGHTS_FILE } from "@stepwise/model";
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

/** A trained model as the model package writes it: model.json naming model.safetensors, and the weights. */
export interface ExportedModel {
  readonly json: string;
  /** The weights (float64, bit for bit) with the architecture in the metadata: a complete model alone. */
  readonly safetensors: Uint8Array;
  readonly spec: NetworkSpec;
}

const sha256Hex = async (bytes: Uint8Array): Promise<string> =>
  Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", Uint8Array.from(bytes))), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");

/**
 * The trained model in the model package's file format (`toModelFile`, `modelToSafetensors`,
 * `modelManifest`), which `stepwise predict` and `@stepwise/model` load: `model.json` with
 * `model.safetensors` beside it, or `model.safetensors` alone.
 */
export const exportModel = async (
  config: RunConfig,
  parameters: Parameters,
  classes: ReadonlyArray<string> | undefined,
): Promise<E.Either<StepwiseError, ExportedModel>> => {
  const choices = choicesOf(config);
  if (E.isLeft(choices)) return choices;
  const { spec, cost }: { readonly spec: NetworkSpec; readonly cost: Cost } = choices.right;
  const file = toModelFile(parameters, spec, cost, hyperparametersOf(config, classes));
  const safetensors = modelToSafetensors(file);
  const json = modelManifest(file, { file: WEIGHTS_FILE, sha256: await sha256Hex(safetensors) });
  return E.right({ json, safetensors, spec });
};
