import { basename } from "node:path";
import type { Registry } from "@stepwise/core";
import { readImageColumn } from "@stepwise/data/node";
import { predict } from "@stepwise/model";
import { loadModel } from "@stepwise/model/node";
import { concatColumns } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { type CliFailure, runtimeFailure } from "./cli-error.js";

export interface PredictFlags {
  readonly model: string;
  readonly images: ReadonlyArray<string>;
  readonly json: boolean;
}

/** "L-layer" or "2-layer", as the notebooks call their models. */
const modelKind = (layers: number): string => (layers === 2 ? "2-layer" : "L-layer");

/**
 * `stepwise predict --model run/model.json my_image.jpg …`: the notebook's last cell for each picture —
 * the probability, then `y = 1, your L-layer model predicts a "cat" picture.`
 */
export const predictCommand = async (
  flags: PredictFlags,
  registry: Registry,
  write: (line: string) => void,
): Promise<E.Either<CliFailure, void>> => {
  const model = await loadModel(flags.model, registry);
  if (E.isLeft(model)) return E.left(runtimeFailure(model.left));
  const { parameters, spec, hyperparameters, layer_dims } = model.right;
  const classes = String(hyperparameters["classes"] ?? "non-cat,cat").split(",");
  const columns = [];
  for (const path of flags.images) {
    const column = await readImageColumn(path, Math.round(Math.sqrt((layer_dims[0] ?? 12288) / 3)));
    if (E.isLeft(column)) return E.left(runtimeFailure(column.left));
    columns.push(column.right);
  }
  const result = predict(concatColumns(columns), undefined, parameters, spec);
  if (E.isLeft(result)) return E.left(runtimeFailure(result.left));
  const { predictions, probabilities } = result.right;
  const rows = flags.images.map((path, i) => {
    const label = predictions.data[i] as number;
    return {
      image: path,
      y: label,
      class: classes[label] ?? String(label),
      probability: probabilities.data[i] as number,
    };
  });
  if (flags.json) write(JSON.stringify(rows));
  else
    for (const row of rows) {
      write(`${basename(row.image)}: probability of "${classes[1] ?? "1"}" ${row.probability.toFixed(4)}`);
      write(
        `y = ${row.y}, your ${modelKind(layer_dims.length - 1)} model predicts a "${row.class}" picture.`,
      );
    }
  return E.right(undefined);
};
