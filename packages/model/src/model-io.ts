import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Registry } from "@stepwise/core";
import { describeError } from "@stepwise/data";
import { sha256Hex, writeFileAtomic } from "@stepwise/data/node";
import { type StepwiseError, stepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { isSafetensorsBytes } from "./file-kind.js";
import {
  type LoadedModel,
  type ModelFile,
  manifestWeights,
  modelManifest,
  modelToSafetensors,
  parseModel,
} from "./model-file.js";

// Node only (`@stepwise/model/node`): model files on disk. The formats themselves are in model-file.ts.

const modelError = (source: string, message: string): StepwiseError =>
  stepwiseError("ModelFileError", `${source}: ${message}`);

/** `runs/x/model.json` → `model.safetensors`; a path without `.json` gets `.safetensors` appended. */
const weightsNameFor = (path: string): string => `${basename(path).replace(/\.json$/i, "")}.safetensors`;

/**
 * Writes a model. For `…/model.json` (what a run writes): the weights to `model.safetensors` beside it,
 * then model.json naming them with their SHA-256. Each file is written to a temp file and renamed into
 * place, weights first, so a reader never finds a model.json whose weights are missing or half-written.
 * For a path ending in `.safetensors`: that one file, which holds the architecture too.
 * Resolves to the path written.
 */
export const saveModel = async (path: string, file: ModelFile): Promise<E.Either<StepwiseError, string>> => {
  const weights = modelToSafetensors(file);
  if (/\.safetensors$/i.test(path)) return writeFileAtomic(path, weights);
  const name = weightsNameFor(path);
  const written = await writeFileAtomic(join(dirname(path), name), weights);
  if (E.isLeft(written)) return written;
  const manifest = modelManifest(file, { file: name, sha256: sha256Hex(weights) });
  return writeFileAtomic(path, new TextEncoder().encode(manifest));
};

const readModelBytes = async (
  path: string,
  missing: string,
): Promise<E.Either<StepwiseError, Uint8Array>> => {
  try {
    const buf = await readFile(path);
    return E.right(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch (e) {
    const code = (e as { readonly code?: unknown }).code;
    return E.left(modelError(path, code === "ENOENT" ? missing : `cannot be read (${describeError(e)})`));
  }
};

/**
 * Reads a model from disk: a run's `model.json` (with the weights file it names, whose SHA-256 must
 * match), a model's `.safetensors` alone, or a version 1 model.json with inline weights.
 */
export const loadModel = async (
  path: string,
  registry: Registry,
): Promise<E.Either<StepwiseError, LoadedModel>> => {
  const bytes = await readModelBytes(
    path,
    "no such file; pass the model.json of a training run (runs/<timestamp>/model.json)",
  );
  if (E.isLeft(bytes)) return bytes;
  if (isSafetensorsBytes(bytes.right)) return parseModel(bytes.right, registry, path);
  const json = new TextDecoder().decode(bytes.right);
  const named = manifestWeights(json, path);
  if (E.isLeft(named)) return named;
  if (named.right === undefined) return parseModel(json, registry, path);
  const { file, sha256 } = named.right;
  const weightsPath = join(dirname(path), file);
  const weights = await readModelBytes(
    weightsPath,
    `no such file; ${basename(path)} keeps its weights there — copy it together with ${basename(path)} (a run writes both)`,
  );
  if (E.isLeft(weights)) return weights;
  const actual = sha256Hex(weights.right);
  if (actual !== sha256)
    return E.left(
      modelError(
        weightsPath,
        `has SHA-256 ${actual.slice(0, 16)}…, but ${basename(path)} was written with weights of SHA-256 ${sha256.slice(0, 16)}…: the two files are not from the same save (a partial copy, or a save still in progress); copy both files of the run again`,
      ),
    );
  return parseModel({ json, weights: weights.right }, registry, path);
};
