import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Registry } from "@stepwise/core";
import { decodeImage, imageToColumn, resizeBicubic } from "@stepwise/data";
import { readBytes } from "@stepwise/data/node";
import { type LoadedModel, predict } from "@stepwise/model";
import { loadModel } from "@stepwise/model/node";
import { concatColumns, type Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { type CliFailure, runtimeFailure } from "./cli-error.js";
import { explainMissingPlugin } from "./model-plugins.js";
import { isPluginThrew } from "./plugin-guard.js";
import { formatNumber, largestWeight } from "./weights-check.js";

export interface PredictFlags {
  readonly model: string;
  readonly images: ReadonlyArray<string>;
  readonly json: boolean;
}

/** "L-layer" or "2-layer", as the notebooks call their models. */
const modelKind = (layers: number): string => (layers === 2 ? "2-layer" : "L-layer");

/** A picture is side × side × 3 RGB values; the side a model's first layer implies, if any. */
const inputSide = (n_x: number): number | undefined => {
  const side = Math.round(Math.sqrt(n_x / 3));
  return side > 0 && 3 * side * side === n_x ? side : undefined;
};

/** A guess at what a first layer of n_x features was trained on, for the message. */
const featureGuess = (n_x: number): string => {
  const side = Math.round(Math.sqrt(n_x));
  if (side * side === n_x) return ` (${side}×${side}×1? a ${side}×${side} grayscale picture)`;
  return "";
};

interface Picture {
  readonly path: string;
  readonly column: Matrix;
}

type Outcome = { readonly path: string } & (
  | { readonly ok: true; readonly y: number; readonly label: string; readonly value: number }
  | { readonly ok: false; readonly error: string }
);

/** Reads one picture as the model's input column; warns when it is far smaller than what the model sees. */
const readPicture = async (
  path: string,
  side: number,
  warn: (line: string) => void,
): Promise<E.Either<string, Picture>> => {
  const bytes = await readBytes(path);
  if (E.isLeft(bytes)) return E.left(bytes.left.message);
  const image = decodeImage(bytes.right, path);
  if (E.isLeft(image)) return E.left(image.left.message);
  const { width, height } = image.right;
  if (2 * width < side || 2 * height < side)
    warn(
      `warning: ${basename(path)} is ${width}×${height} pixels, far smaller than the ${side}×${side} the model sees; it is scaled up, so the model sees little more than a blur of its colours`,
    );
  return E.right({ path, column: imageToColumn(resizeBicubic(image.right, side, side)) });
};

/** When the model's first layer is not a square RGB picture: what it expects, what a picture gives. */
const notAPictureModel = async (flags: PredictFlags, n_x: number): Promise<string> => {
  const [first] = flags.images;
  const bytes = first === undefined ? undefined : await readBytes(first);
  const image = bytes !== undefined && E.isRight(bytes) ? decodeImage(bytes.right) : undefined;
  const gives =
    image !== undefined && E.isRight(image) && first !== undefined
      ? `${basename(first)} gives ${image.right.width}×${image.right.height}×3 = ${image.right.width * image.right.height * 3}`
      : "a 64×64 picture gives 64×64×3 = 12288";
  return `${flags.model} expects ${n_x} input features per example${featureGuess(n_x)}, but a picture gives width × height × 3 RGB values — ${gives} — and no square RGB picture gives ${n_x}. This model was not trained on pictures like catvnoncat's; classify pictures with a model \`stepwise train\` wrote (its first layer is 12288 for 64×64 pictures), or give this model the ${n_x} numbers it was trained on through @stepwise/model's predict`;
};

/** Why a picture's output is not a finite number, and what to do. */
const nonFiniteOutput = (value: number, model: LoadedModel): string => {
  const [key, largest] = largestWeight(model.parameters);
  return largest > 1e100
    ? `the model's output is ${value}, not a finite number: its weights overflow (${key} has entries as large as ${formatNumber(largest)}), so the model file is unusable; train it again with a smaller learning rate`
    : `the model's output is ${value}, not a finite number, for this picture; the model file may be damaged; train it again`;
};

/** What one output column says: the label, and its probability when the output is one (else the score). */
const readOutput = (AL: Matrix, j: number, label: number): number =>
  (AL.rows === 1 ? AL.data[j] : AL.data[label * AL.cols + j]) as number;

const classify = (
  model: LoadedModel,
  pictures: ReadonlyArray<Picture>,
  classes: ReadonlyArray<string>,
): E.Either<string, ReadonlyArray<Outcome>> => {
  if (pictures.length === 0) return E.right([]);
  let result: ReturnType<typeof predict>;
  try {
    result = predict(concatColumns(pictures.map((p) => p.column)), undefined, model.parameters, model.spec);
  } catch (e) {
    if (isPluginThrew(e)) return E.left(e.message);
    throw e;
  }
  if (E.isLeft(result)) return E.left(result.left.message);
  const { predictions, probabilities: AL } = result.right;
  return E.right(
    pictures.map((picture, j): Outcome => {
      const column = Array.from({ length: AL.rows }, (_, i) => AL.data[i * AL.cols + j] as number);
      const bad = column.find((x) => !Number.isFinite(x));
      if (bad !== undefined) return { path: picture.path, ok: false, error: nonFiniteOutput(bad, model) };
      const y = predictions.data[j] as number;
      return { path: picture.path, ok: true, y, label: classes[y] ?? String(y), value: readOutput(AL, j, y) };
    }),
  );
};

/** `probability of "cat" 0.8123` for a probability output; `score 5.6026 (…)` for anything else. */
const describeValue = (
  model: LoadedModel,
  classes: ReadonlyArray<string>,
  outcome: Outcome & { ok: true },
) => {
  const { output } = model.spec;
  const range = output.meta.outputRange;
  const oneUnit = model.layer_dims[model.layer_dims.length - 1] === 1;
  if (range === "probability" && oneUnit)
    return `probability of "${classes[1] ?? "1"}" ${outcome.value.toFixed(4)}`;
  if (range === "probability" || range === "distribution")
    return `probability of "${outcome.label}" ${outcome.value.toFixed(4)}`;
  return oneUnit
    ? `score ${outcome.value.toFixed(4)} (a raw "${output.meta.name}" output; above ${output.meta.decisionThreshold ?? 0.5} means "${classes[1] ?? "1"}")`
    : `score of "${outcome.label}" ${outcome.value.toFixed(4)} (a raw "${output.meta.name}" output)`;
};

const isProbability = (model: LoadedModel): boolean => {
  const range = model.spec.output.meta.outputRange;
  return range === "probability" || range === "distribution";
};

/** The library's message, unless the CLI can say better why a plugin is missing. */
const loadFailure = async (path: string, registry: Registry, message: string): Promise<string> => {
  const text = await readFile(path, "utf8").catch(() => undefined);
  const better = text === undefined ? undefined : explainMissingPlugin(text, registry, process.cwd());
  return better === undefined ? message : `${path}: ${better}`;
};

/**
 * `stepwise predict --model run/model.json my_image.jpg …`: the notebook's last cell for each picture —
 * the probability, then `y = 1, your L-layer model predicts a "cat" picture.` A picture that cannot be
 * read or classified is reported and the others are still classified; the exit code then says so.
 */
export const predictCommand = async (
  flags: PredictFlags,
  registry: Registry,
  write: (line: string) => void,
  warn: (line: string) => void = () => undefined,
): Promise<E.Either<CliFailure, void>> => {
  const model = await loadModel(flags.model, registry);
  if (E.isLeft(model))
    return E.left(runtimeFailure(await loadFailure(flags.model, registry, model.left.message)));
  const { hyperparameters, layer_dims } = model.right;
  const classes = String(hyperparameters["classes"] ?? "non-cat,cat").split(",");
  if (hyperparameters["partial"] === true)
    warn(
      `warning: ${flags.model} is a partial model: its run stopped after ${hyperparameters["iterations_done"]} of ${hyperparameters["iterations"]} iterations, so its predictions may be poor`,
    );
  const n_x = layer_dims[0] ?? 12288;
  const side = inputSide(n_x);
  if (side === undefined) return E.left(runtimeFailure(await notAPictureModel(flags, n_x)));
  const read = await Promise.all(flags.images.map((path) => readPicture(path, side, warn)));
  const pictures = read.flatMap((r) => (E.isRight(r) ? [r.right] : []));
  const classified = classify(model.right, pictures, classes);
  if (E.isLeft(classified)) return E.left(runtimeFailure(classified.left));
  const byPath = new Map(classified.right.map((o) => [o.path, o]));
  const outcomes = flags.images.map((path, k): Outcome => {
    const r = read[k];
    return r !== undefined && E.isLeft(r)
      ? { path, ok: false, error: r.left }
      : (byPath.get(path) as Outcome);
  });
  const probability = isProbability(model.right);
  if (flags.json)
    write(
      JSON.stringify(
        outcomes.map((o) =>
          o.ok
            ? { image: o.path, y: o.y, class: o.label, [probability ? "probability" : "score"]: o.value }
            : { image: o.path, error: o.error },
        ),
      ),
    );
  else
    for (const o of outcomes) {
      if (!o.ok) continue;
      write(`${basename(o.path)}: ${describeValue(model.right, classes, o)}`);
      write(`y = ${o.y}, your ${modelKind(layer_dims.length - 1)} model predicts a "${o.label}" picture.`);
    }
  const failed = outcomes.filter((o): o is Outcome & { ok: false } => !o.ok);
  if (failed.length === 0) return E.right(undefined);
  const only = failed.length === 1 && outcomes.length === 1 ? failed[0] : undefined;
  return E.left(
    runtimeFailure(
      only !== undefined
        ? only.error.includes(only.path)
          ? only.error
          : `${only.path}: ${only.error}`
        : `${failed.length} of ${outcomes.length} pictures could not be classified${failed.length < outcomes.length ? " (the others are above)" : ""}:\n${failed.map((o) => `  ${o.error.includes(o.path) ? o.error : `${o.path}: ${o.error}`}`).join("\n")}`,
    ),
  );
};
