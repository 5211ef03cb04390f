import { readFile } from "node:fs/promises";
import {
  type Cost,
  getActivation,
  getCost,
  layerDimsOf,
  type Parameters,
  type Registry,
  validateParameters,
} from "@stepwise/core";
import { writeFileAtomic } from "@stepwise/data";
import type { NetworkSpec } from "@stepwise/forward-cache";
import { fromFlat, type Matrix, type StepwiseError, stepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";

export const MODEL_FORMAT = "stepwise-model";
export const MODEL_VERSION = 1;

interface PluginRef {
  readonly name: string;
  readonly package?: string;
}

/** What `model.json` holds. Parameters are nested-free: shape plus row-major data, full float64. */
export interface ModelFile {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_VERSION;
  readonly layer_dims: ReadonlyArray<number>;
  readonly plugins: { readonly hidden: PluginRef; readonly output: PluginRef; readonly cost: PluginRef };
  readonly hyperparameters: Readonly<Record<string, string | number | boolean | null>>;
  readonly parameters: Readonly<
    Record<string, { readonly shape: readonly [number, number]; readonly data: ReadonlyArray<number> }>
  >;
}

/** A model read back: parameters and the plugins it names, resolved through a registry. */
export interface LoadedModel {
  readonly parameters: Parameters;
  readonly spec: NetworkSpec;
  readonly cost: Cost;
  readonly layer_dims: ReadonlyArray<number>;
  readonly hyperparameters: ModelFile["hyperparameters"];
}

const refOf = ({ meta }: { readonly meta: PluginRef }): PluginRef =>
  meta.package === undefined ? { name: meta.name } : { name: meta.name, package: meta.package };

export const toModelFile = (
  parameters: Parameters,
  spec: NetworkSpec,
  cost: Cost,
  hyperparameters: ModelFile["hyperparameters"],
): ModelFile => ({
  format: MODEL_FORMAT,
  version: MODEL_VERSION,
  layer_dims: layerDimsOf(parameters),
  plugins: { hidden: refOf(spec.hidden), output: refOf(spec.output), cost: refOf(cost) },
  hyperparameters,
  parameters: Object.fromEntries(
    Object.entries(parameters).flatMap(([key, m]) =>
      m === undefined ? [] : [[key, { shape: [m.rows, m.cols] as const, data: Array.from(m.data) }]],
    ),
  ),
});

/**
 * JSON numbers written by `JSON.stringify` are the shortest strings that read back to the same double,
 * so the round trip is lossless (except the sign of -0, which JSON cannot express).
 */
export const serializeModel = (file: ModelFile): string => `${JSON.stringify(file)}\n`;

/** Writes the model atomically: a temp file beside it, then a rename, so no reader sees half a file. */
export const saveModel = async (path: string, file: ModelFile): Promise<E.Either<StepwiseError, string>> =>
  writeFileAtomic(path, new TextEncoder().encode(serializeModel(file)));

const modelError = (source: string, message: string): StepwiseError =>
  stepwiseError("ModelFileError", `${source}: ${message}`);

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u);

const readMatrix = (source: string, key: string, entry: unknown): E.Either<StepwiseError, Matrix> => {
  if (!isRecord(entry) || !Array.isArray(entry["shape"]) || !Array.isArray(entry["data"]))
    return E.left(modelError(source, `parameter ${key} must be { "shape": [rows, cols], "data": [...] }`));
  const [rows, cols] = entry["shape"] as unknown[];
  const data = entry["data"] as unknown[];
  const bad = data.findIndex((x) => typeof x !== "number" || !Number.isFinite(x));
  if (bad >= 0) {
    // Say what the file holds (JSON.stringify would print Infinity, read from 1e999, as null) and where.
    const x = data[bad];
    const width = Number(cols) > 0 ? Number(cols) : 1;
    return E.left(
      modelError(
        source,
        `parameter ${key}: ${key}[${Math.floor(bad / width)}, ${bad % width}] (element ${bad} of its data) is ${typeof x === "number" ? `${x}, not a finite number${Math.abs(x) === Number.POSITIVE_INFINITY ? " (a number such as 1e999 is beyond a float64's range)" : ""}` : `${JSON.stringify(x)}, not a number`}; model files hold finite numbers only`,
      ),
    );
  }
  return pipe(
    fromFlat(Number(rows), Number(cols), data as number[]),
    E.mapLeft((e) => modelError(source, `parameter ${key}: ${e.message}`)),
  );
};

const resolvePlugin = <P>(
  source: string,
  what: string,
  ref: unknown,
  lookup: (name: string) => E.Either<StepwiseError, P>,
): E.Either<StepwiseError, P> => {
  if (!isRecord(ref) || typeof ref["name"] !== "string")
    return E.left(modelError(source, `plugins.${what} must be { "name": "..." }`));
  const name = ref["name"];
  const pkg = typeof ref["package"] === "string" ? ref["package"] : undefined;
  return pipe(
    lookup(name),
    E.mapLeft(() =>
      modelError(
        source,
        `the model needs the ${what === "cost" ? "cost" : "activation"} "${name}"${pkg === undefined ? "" : ` from ${pkg}`}, which is not registered; ${pkg === undefined ? "add the package that provides it" : `install ${pkg}`} and list it under "plugins" in stepwise.config.json (or pass --plugin ${pkg ?? "<package>"})`,
      ),
    ),
  );
};

/** Validates everything in a model file's text and resolves its plugins through `registry`. */
export const parseModel = (
  text: string,
  registry: Registry,
  source = "model.json",
): E.Either<StepwiseError, LoadedModel> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return E.left(
      modelError(
        source,
        `is not valid JSON (${e instanceof Error ? e.message : String(e)}); the file may be truncated — train again or restore it`,
      ),
    );
  }
  if (!isRecord(json) || json["format"] !== MODEL_FORMAT)
    return E.left(modelError(source, `is not a Stepwise model file (expected "format": "${MODEL_FORMAT}")`));
  if (json["version"] !== MODEL_VERSION)
    return E.left(
      modelError(
        source,
        `has format version ${JSON.stringify(json["version"])}; this Stepwise reads version ${MODEL_VERSION}. Use the Stepwise release that wrote it, or train again`,
      ),
    );
  const plugins = isRecord(json["plugins"]) ? json["plugins"] : {};
  const rawParameters = isRecord(json["parameters"]) ? json["parameters"] : undefined;
  if (rawParameters === undefined) return E.left(modelError(source, `has no "parameters" object`));
  const hyperparameters = (
    isRecord(json["hyperparameters"]) ? json["hyperparameters"] : {}
  ) as ModelFile["hyperparameters"];
  return pipe(
    E.Do,
    E.bind("hidden", () =>
      resolvePlugin(source, "hidden", plugins["hidden"], (n) => getActivation(registry, n)),
    ),
    E.bind("output", () =>
      resolvePlugin(source, "output", plugins["output"], (n) => getActivation(registry, n)),
    ),
    E.bind("cost", () => resolvePlugin(source, "cost", plugins["cost"], (n) => getCost(registry, n))),
    E.bind("parameters", () =>
      pipe(
        Object.entries(rawParameters),
        E.traverseArray(([key, entry]) =>
          pipe(
            readMatrix(source, key, entry),
            E.map((m) => [key, m] as const),
          ),
        ),
        E.map((entries): Parameters => Object.fromEntries(entries)),
      ),
    ),
    E.chainFirst(({ parameters }) =>
      pipe(
        validateParameters("model file", parameters),
        E.mapLeft((e) => modelError(source, e.message)),
      ),
    ),
    E.chainFirst(({ parameters }) => {
      const declared = json["layer_dims"];
      const actual = layerDimsOf(parameters);
      return JSON.stringify(declared) === JSON.stringify(actual)
        ? E.right(undefined)
        : E.left(
            modelError(
              source,
              `layer_dims says ${JSON.stringify(declared)} but the parameters have ${JSON.stringify(actual)}`,
            ),
          );
    }),
    E.map(({ hidden, output, cost, parameters }) => ({
      parameters,
      spec: { hidden, output },
      cost,
      layer_dims: layerDimsOf(parameters),
      hyperparameters,
    })),
  );
};

export const loadModel = async (
  path: string,
  registry: Registry,
): Promise<E.Either<StepwiseError, LoadedModel>> => {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    return E.left(
      modelError(
        path,
        code === "ENOENT"
          ? "no such file; pass the model.json of a training run (runs/<timestamp>/model.json)"
          : `cannot be read (${String(e)})`,
      ),
    );
  }
  return parseModel(text, registry, path);
};
