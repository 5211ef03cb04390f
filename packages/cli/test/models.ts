import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { identity } from "@stepwise/activation-identity";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import type { Activation, Cost, Parameters } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { binary_cross_entropy_from_logits } from "@stepwise/cost-binary-cross-entropy-from-logits";
import { encodePng } from "@stepwise/data";
import { type ModelFile, serializeModel, toModelFile } from "@stepwise/model";
import { fromFunction } from "@stepwise/tensor";

export const tempDir = (prefix = "stepwise-cli-"): Promise<string> => mkdtemp(join(tmpdir(), prefix));

export interface TinyModel {
  readonly layers: ReadonlyArray<number>;
  readonly hidden?: Activation;
  readonly output?: Activation;
  readonly cost?: Cost;
  /** Every weight and bias, by key, row and column (default: small fixed numbers). */
  readonly value?: (key: string, i: number, j: number) => number;
  readonly hyperparameters?: ModelFile["hyperparameters"];
}

/** A small model file, built the way the trainer builds one. */
export const tinyModel = ({
  layers,
  hidden = relu,
  output = sigmoid,
  cost = binary_cross_entropy,
  value = (key, i, j) => (key.startsWith("W") ? ((i + 2 * j) % 5) / 50 - 0.03 : 0.01),
  hyperparameters = { classes: "non-cat,cat" },
}: TinyModel): ModelFile => {
  const parameters: Record<string, ReturnType<typeof fromFunction>> = {};
  for (let l = 1; l < layers.length; l++) {
    const rows = layers[l] as number;
    const cols = layers[l - 1] as number;
    parameters[`W${l}`] = fromFunction(rows, cols, (i, j) => value(`W${l}`, i, j));
    parameters[`b${l}`] = fromFunction(rows, 1, (i, j) => value(`b${l}`, i, j));
  }
  return toModelFile(parameters as Parameters, { hidden, output }, cost, hyperparameters);
};

/** Writes `text` (a model file's JSON, possibly edited) to `dir/name`. */
export const writeModelText = async (dir: string, name: string, text: string): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

export const writeModel = (dir: string, name: string, model: ModelFile): Promise<string> =>
  writeModelText(dir, name, serializeModel(model));

/** A gray `width × height` PNG. */
export const writePng = async (dir: string, name: string, width = 64, height = 64): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, encodePng(new Uint8Array(width * height * 3).fill(128), width, height));
  return path;
};

/** A one-unit model with an identity output whose logit is 5.6 for a gray picture of side 2. */
export const identityOutputModel = (): ModelFile =>
  tinyModel({
    layers: [12, 1],
    output: identity,
    cost: binary_cross_entropy_from_logits,
    value: (key) => (key === "b1" ? 5.6 : 0),
  });
