import {
  type Activation,
  type Cost,
  getActivation,
  getCost,
  isRecord,
  layerDimsOf,
  type Parameters,
  type Registry,
  validateParameters,
} from "@stepwise/core";
import type { NetworkSpec } from "@stepwise/forward-cache";
import { fromFlat, type Matrix, type StepwiseError, stepwiseError, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { isSafetensorsBytes } from "./file-kind.js";
import { decodeSafetensors, encodeSafetensors, type F64Tensor, type Safetensors } from "./safetensors.js";

/*
 * Model files, as values (no file system here: `@stepwise/model/node` reads and writes them).
 *
 * - Version 2, what a run writes: `model.json` holds the architecture (layer sizes, plugin names and
 *   packages, hyper-parameters) and names its weights file with the file's SHA-256; `model.safetensors`
 *   holds every parameter as a float64 tensor, bit for bit, and carries the same architecture as a JSON
 *   string in its `__metadata__`, so it loads on its own too.
 * - Version 1, what earlier releases wrote: one JSON text with the parameters inline. Still read;
 *   `serializeModel` still writes it.
 */

export const MODEL_FORMAT = "stepwise-model";
/** The version a run writes (`model.json` naming its weights file). */
export const MODEL_VERSION = 2;
/** The version of the one-text format with inline weights. */
export const INLINE_MODEL_VERSION = 1;
/** The weights file a run writes beside its model.json. */
export const WEIGHTS_FILE = "model.safetensors";
/** The `__metadata__` key of a model's safetensors file that holds its architecture (a JSON string). */
export const SAFETENSORS_MODEL_KEY = "stepwise_model";

interface PluginRef {
  readonly name: string;
  readonly package?: string;
}

/** Everything about a model but its weights: what model.json (and the weights' metadata) hold. */
export interface ModelArchitecture {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_VERSION;
  readonly layer_dims: ReadonlyArray<number>;
  /** `hidden` is one activation for every hidden layer, or a list with one per hidden layer. */
  readonly plugins: {
    readonly hidden: PluginRef | ReadonlyArray<PluginRef>;
    readonly output: PluginRef;
    readonly cost: PluginRef;
  };
  readonly hyperparameters: Readonly<Record<string, string | number | boolean | null>>;
}

/** A model to write: its architecture and its parameters. */
export interface ModelFile extends ModelArchitecture {
  readonly parameters: Parameters;
}

/** What a version 2 `model.json` holds: the architecture and where the weights are. */
export interface ModelManifest extends ModelArchitecture {
  /** The weights file, a name in the model.json's folder. */
  readonly weights: string;
  /** The SHA-256 of the weights file (lowercase hex), checked when the model is loaded from files. */
  readonly weights_sha256: string;
}

/** A model read back: parameters and the plugins it names, resolved through a registry. */
export interface LoadedModel {
  readonly parameters: Parameters;
  readonly spec: NetworkSpec;
  readonly cost: Cost;
  readonly layer_dims: ReadonlyArray<number>;
  readonly hyperparameters: ModelArchitecture["hyperparameters"];
}

/**
 * What `parseModel` reads: a model.json text (inline weights, version 1), a model's `.safetensors` bytes
 * (standalone), or a version 2 model.json with the bytes of the weights file it names.
 */
export type ModelSource = string | Uint8Array | { readonly json: string; readonly weights: Uint8Array };

const isActivationList = (hidden: NetworkSpec["hidden"]): hidden is ReadonlyArray<Activation> =>
  Array.isArray(hidden);

const refOf = ({ meta }: { readonly meta: PluginRef }): PluginRef =>
  meta.package === undefined ? { name: meta.name } : { name: meta.name, package: meta.package };

export const toModelFile = (
  parameters: Parameters,
  spec: NetworkSpec,
  cost: Cost,
  hyperparameters: ModelArchitecture["hyperparameters"],
): ModelFile => ({
  format: MODEL_FORMAT,
  version: MODEL_VERSION,
  layer_dims: layerDimsOf(parameters),
  plugins: {
    hidden: isActivationList(spec.hidden) ? spec.hidden.map(refOf) : refOf(spec.hidden),
    output: refOf(spec.output),
    cost: refOf(cost),
  },
  hyperparameters,
  parameters,
});

const architectureOf = ({ format, version, layer_dims, plugins, hyperparameters }: ModelArchitecture) => ({
  format,
  version,
  layer_dims,
  plugins,
  hyperparameters,
});

const presentParameters = (parameters: Parameters): ReadonlyArray<readonly [string, Matrix]> =>
  Object.entries(parameters).flatMap(([key, m]) => (m === undefined ? [] : [[key, m] as const]));

/**
 * The model's weights as a safetensors file: `W1, b1, …` as float64 tensors of shape `[rows, cols]`, bit
 * for bit, and the architecture in `__metadata__.stepwise_model`. Python reads the tensors with
 * `safetensors.numpy.load_file(path)`.
 */
export const modelToSafetensors = (file: ModelFile): Uint8Array =>
  encodeSafetensors(
    Object.fromEntries(
      presentParameters(file.parameters).map(([key, m]) => [key, { shape: [m.rows, m.cols], data: m.data }]),
    ),
    { [SAFETENSORS_MODEL_KEY]: JSON.stringify(architectureOf(file)) },
  );

/** The version 2 model.json text: the architecture, and the weights file's name and SHA-256. */
export const modelManifest = (
  file: ModelArchitecture,
  weights: { readonly file: string; readonly sha256: string },
): string => {
  const manifest: ModelManifest = {
    ...architectureOf(file),
    weights: weights.file,
    weights_sha256: weights.sha256,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
};

/**
 * The version 1 format: one JSON text with every parameter inline as `{ shape, data }`. JSON numbers
 * written by `JSON.stringify` are the shortest strings that read back to the same double, so the round
 * trip is lossless (except the sign of -0, which JSON cannot express). Larger and slower than
 * safetensors; every Stepwise release reads it.
 */
export const serializeModel = (file: ModelFile): string =>
  `${JSON.stringify({
    ...architectureOf(file),
    version: INLINE_MODEL_VERSION,
    parameters: Object.fromEntries(
      presentParameters(file.parameters).map(([key, m]) => [
        key,
        { shape: [m.rows, m.cols], data: Array.from(m.data) },
      ]),
    ),
  })}\n`;

const modelError = (source: string, message: string): StepwiseError =>
  stepwiseError("ModelFileError", `${source}: ${message}`);

const readInlineMatrix = (source: string, key: string, entry: unknown): E.Either<StepwiseError, Matrix> => {
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

const readTensor = (
  source: string,
  key: string,
  { shape, data }: F64Tensor,
): E.Either<StepwiseError, Matrix> => {
  const [rows, cols] = shape;
  if (shape.length !== 2 || rows === undefined || cols === undefined)
    return E.left(
      modelError(
        source,
        `tensor ${key} has shape [${shape.join(", ")}]; parameters are matrices [rows, cols]`,
      ),
    );
  const bad = data.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0)
    return E.left(
      modelError(
        source,
        `tensor ${key}: element ${bad} is ${data[bad]}; model files hold finite numbers only`,
      ),
    );
  return E.right(unsafeMatrix(rows, cols, data));
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

/** `plugins.hidden`: one activation, or one per hidden layer (as many as layer_dims has hidden layers). */
const resolveHidden = (
  source: string,
  ref: unknown,
  layerDims: unknown,
  registry: Registry,
): E.Either<StepwiseError, NetworkSpec["hidden"]> => {
  const lookup = (n: string) => getActivation(registry, n);
  if (!Array.isArray(ref)) return resolvePlugin(source, "hidden", ref, lookup);
  const hiddenLayers = Array.isArray(layerDims) ? layerDims.length - 2 : undefined;
  if (ref.length !== hiddenLayers)
    return E.left(
      modelError(
        source,
        `plugins.hidden lists ${ref.length} activation(s) but layer_dims ${JSON.stringify(layerDims)} has ${hiddenLayers ?? "no"} hidden layer(s); the file is damaged or was edited — train again`,
      ),
    );
  return E.sequenceArray(ref.map((r: unknown, i) => resolvePlugin(source, `hidden[${i}]`, r, lookup)));
};

const parseJson = (text: string, source: string): E.Either<StepwiseError, Record<string, unknown>> => {
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
  if (json["version"] !== MODEL_VERSION && json["version"] !== INLINE_MODEL_VERSION)
    return E.left(
      modelError(
        source,
        `has format version ${JSON.stringify(json["version"])}; this Stepwise reads versions ${INLINE_MODEL_VERSION} and ${MODEL_VERSION}. Use the Stepwise release that wrote it, or train again`,
      ),
    );
  return E.right(json);
};

/** Where a version 2 model.json says its weights are. */
const weightsRef = (
  json: Record<string, unknown>,
  source: string,
): E.Either<StepwiseError, { readonly file: string; readonly sha256: string }> => {
  const file = json["weights"];
  const sha256 = json["weights_sha256"];
  if (typeof file !== "string" || typeof sha256 !== "string" || !/^[0-9a-f]{64}$/.test(sha256))
    return E.left(
      modelError(
        source,
        `has neither "parameters" nor "weights": "<file>" with its "weights_sha256"; it is not a complete model file — train again or restore it`,
      ),
    );
  if (file === "" || file === "." || file === ".." || /[/\\]/.test(file))
    return E.left(
      modelError(source, `"weights" must name a file in the model's folder, got ${JSON.stringify(file)}`),
    );
  return E.right({ file, sha256 });
};

/** The weights file a version 2 model.json names, and its SHA-256; `undefined` for inline weights. */
export const manifestWeights = (
  text: string,
  source = "model.json",
): E.Either<StepwiseError, { readonly file: string; readonly sha256: string } | undefined> =>
  pipe(
    parseJson(text, source),
    E.flatMap((json) => (json["parameters"] === undefined ? weightsRef(json, source) : E.right(undefined))),
  );

/** Checks the architecture and the parameters together and resolves the plugins through `registry`. */
const assemble = (
  source: string,
  json: Record<string, unknown>,
  parameters: E.Either<StepwiseError, ReadonlyArray<readonly [string, Matrix]>>,
  registry: Registry,
): E.Either<StepwiseError, LoadedModel> => {
  const plugins = isRecord(json["plugins"]) ? json["plugins"] : {};
  const hyperparameters = (
    isRecord(json["hyperparameters"]) ? json["hyperparameters"] : {}
  ) as ModelArchitecture["hyperparameters"];
  return pipe(
    E.Do,
    E.bind("hidden", () => resolveHidden(source, plugins["hidden"], json["layer_dims"], registry)),
    E.bind("output", () =>
      resolvePlugin(source, "output", plugins["output"], (n) => getActivation(registry, n)),
    ),
    E.bind("cost", () => resolvePlugin(source, "cost", plugins["cost"], (n) => getCost(registry, n))),
    E.bind("parameters", () =>
      E.map((entries: ReadonlyArray<readonly [string, Matrix]>): Parameters => Object.fromEntries(entries))(
        parameters,
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

const matricesOf = (
  source: string,
  tensors: Readonly<Record<string, F64Tensor>>,
): E.Either<StepwiseError, ReadonlyArray<readonly [string, Matrix]>> =>
  E.traverseArray(([key, tensor]: readonly [string, F64Tensor]) =>
    E.map((m: Matrix) => [key, m] as const)(readTensor(source, key, tensor)),
  )(Object.entries(tensors));

const fromInlineJson = (
  text: string,
  registry: Registry,
  source: string,
): E.Either<StepwiseError, LoadedModel> =>
  pipe(
    parseJson(text, source),
    E.flatMap((json) => {
      const inline = json["parameters"];
      if (inline === undefined && typeof json["weights"] === "string")
        return E.left(
          modelError(
            source,
            `keeps its weights in ${json["weights"]}; load the model from its path with loadModel (@stepwise/model/node), or pass both files: parseModel({ json, weights }, registry)`,
          ),
        );
      if (!isRecord(inline)) return E.left(modelError(source, `has no "parameters" object`));
      const parameters = E.traverseArray(([key, entry]: readonly [string, unknown]) =>
        E.map((m: Matrix) => [key, m] as const)(readInlineMatrix(source, key, entry)),
      )(Object.entries(inline));
      return assemble(source, json, parameters, registry);
    }),
  );

const fromSafetensors = (
  bytes: Uint8Array,
  registry: Registry,
  source: string,
): E.Either<StepwiseError, LoadedModel> =>
  pipe(
    decodeSafetensors(bytes, source),
    E.flatMap(({ tensors, metadata }) => {
      const model = metadata[SAFETENSORS_MODEL_KEY];
      return model === undefined
        ? E.left(
            modelError(
              source,
              `has no "${SAFETENSORS_MODEL_KEY}" entry in its __metadata__, so it does not say which activations and cost it was trained with; load it through the model.json written beside it`,
            ),
          )
        : E.map((json: Record<string, unknown>) => [json, tensors] as const)(
            parseJson(model, `${source} (__metadata__.${SAFETENSORS_MODEL_KEY})`),
          );
    }),
    E.flatMap(([json, tensors]) => assemble(source, json, matricesOf(source, tensors), registry)),
  );

const fromManifest = (
  text: string,
  weights: Uint8Array,
  registry: Registry,
  source: string,
): E.Either<StepwiseError, LoadedModel> =>
  pipe(
    parseJson(text, source),
    E.flatMap((json) =>
      json["parameters"] === undefined
        ? E.map(({ file }: { readonly file: string }) => [json, file] as const)(weightsRef(json, source))
        : E.left(modelError(source, "holds its parameters inline; pass its text alone to parseModel")),
    ),
    E.flatMap(([json, file]) =>
      assemble(
        source,
        json,
        E.flatMap(({ tensors }: Safetensors) => matricesOf(file, tensors))(decodeSafetensors(weights, file)),
        registry,
      ),
    ),
  );

/**
 * Reads a model from values and checks everything: the format and version, the plugins (resolved through
 * `registry`), the shapes and that every number is finite. `source` names the model in error messages.
 * For `{ json, weights }` the SHA-256 that model.json records is not checked here (that needs a hash
 * function; `loadModel` in `@stepwise/model/node` checks it).
 */
export const parseModel = (
  input: ModelSource,
  registry: Registry,
  source = "model.json",
): E.Either<StepwiseError, LoadedModel> => {
  if (typeof input === "string") return fromInlineJson(input, registry, source);
  if (input instanceof Uint8Array)
    return isSafetensorsBytes(input)
      ? fromSafetensors(input, registry, source)
      : fromInlineJson(new TextDecoder().decode(input), registry, source);
  return fromManifest(input.json, input.weights, registry, source);
};
