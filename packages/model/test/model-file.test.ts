import { readFileSync } from "node:fs";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { tanh } from "@stepwise/activation-tanh";
import { makeRegistry } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { initialize_parameters_deep } from "@stepwise/init";
import { seedOrThrow } from "@stepwise/random";
import { equals, type Matrix, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  decodeSafetensors,
  encodeSafetensors,
  type LoadedModel,
  modelManifest,
  modelToSafetensors,
  parseModel,
  serializeModel,
  toModelFile,
} from "../src/index.js";

const registry = E.getOrElseW(() => {
  throw new Error("registry");
})(makeRegistry({ activations: [relu, sigmoid], costs: [binary_cross_entropy] }));

const [initial] = E.getOrElseW(() => {
  throw new Error("init");
})(initialize_parameters_deep([50, 7, 3, 1], seedOrThrow(1)));
// Values JSON cannot carry but safetensors must: -0 and a subnormal.
const parameters = { ...initial, b1: unsafeMatrix(7, 1, Float64Array.of(-0, 5e-324, 0, 0, 0, 0, 1e308)) };
const spec = { hidden: relu, output: sigmoid };
const hyperparameters = { learning_rate: 0.0075, iterations: 2500 };
const file = toModelFile(parameters, spec, binary_cross_entropy, hyperparameters);

const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

const loaded = (result: E.Either<{ message: string }, LoadedModel>): LoadedModel => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const bitsOf = (m: Matrix): string =>
  Array.from(new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength)).join(",");

const expectSameModel = (model: LoadedModel): void => {
  expect(Object.keys(model.parameters)).toEqual(["W1", "b1", "W2", "b2", "W3", "b3"]);
  for (const [key, m] of Object.entries(parameters))
    expect(bitsOf(model.parameters[key as "W1"] as Matrix), key).toBe(bitsOf(m as Matrix));
  expect(model.spec.hidden).toBe(relu);
  expect(model.spec.output).toBe(sigmoid);
  expect(model.cost).toBe(binary_cross_entropy);
  expect(model.layer_dims).toEqual([50, 7, 3, 1]);
  expect(model.hyperparameters).toEqual(hyperparameters);
};

describe("a model with one activation per hidden layer", () => {
  const perLayer = { hidden: [tanh, relu], output: sigmoid };
  const perLayerRegistry = E.getOrElseW(() => {
    throw new Error("registry");
  })(makeRegistry({ activations: [relu, sigmoid, tanh], costs: [binary_cross_entropy] }));

  it("writes the list and reads it back, in order", () => {
    const written = toModelFile(initial, perLayer, binary_cross_entropy, hyperparameters);
    expect(written.plugins.hidden).toEqual([
      { name: "tanh", package: "@stepwise/activation-tanh" },
      { name: "relu", package: "@stepwise/activation-relu" },
    ]);
    const model = loaded(parseModel(serializeModel(written), perLayerRegistry));
    expect(model.spec.hidden).toEqual([tanh, relu]);
    const viaSafetensors = loaded(parseModel(modelToSafetensors(written), perLayerRegistry, "m.safetensors"));
    expect(viaSafetensors.spec.hidden).toEqual([tanh, relu]);
  });

  it("refuses a list whose length is not the number of hidden layers", () => {
    const written = toModelFile(initial, { hidden: [tanh], output: sigmoid }, binary_cross_entropy, {});
    expect(message(parseModel(serializeModel(written), perLayerRegistry))).toBe(
      "model.json: plugins.hidden lists 1 activation(s) but layer_dims [50,7,3,1] has 2 hidden layer(s); the file is damaged or was edited — train again",
    );
  });
});

const architecture = {
  format: "stepwise-model",
  version: 2,
  layer_dims: [50, 7, 3, 1],
  plugins: {
    hidden: { name: "relu", package: "@stepwise/activation-relu" },
    output: { name: "sigmoid", package: "@stepwise/activation-sigmoid" },
    cost: { name: "binary_cross_entropy", package: "@stepwise/cost-binary-cross-entropy" },
  },
  hyperparameters,
};

describe("model weights in safetensors", () => {
  const bytes = modelToSafetensors(file);

  it("hold every parameter as a float64 [rows, cols] tensor and the architecture in __metadata__", () => {
    const decoded = decodeSafetensors(bytes);
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    expect(Object.keys(decoded.right.tensors)).toEqual(["W1", "b1", "W2", "b2", "W3", "b3"]);
    expect(decoded.right.tensors["W1"]?.shape).toEqual([7, 50]);
    expect(decoded.right.tensors["b3"]?.shape).toEqual([1, 1]);
    expect(JSON.parse(decoded.right.metadata["stepwise_model"] ?? "")).toEqual(architecture);
    // 8 bytes of length, the header, then 8 bytes per parameter and nothing else.
    const count = 7 * 50 + 7 + 3 * 7 + 3 + 3 + 1;
    const header = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(bytes.length).toBe(8 + header + 8 * count);
  });

  it("load on their own, bit for bit (-0 and subnormals included)", () => {
    expectSameModel(loaded(parseModel(bytes, registry, "model.safetensors")));
  });

  it("load with the model.json that names them", () => {
    const json = modelManifest(file, { file: "model.safetensors", sha256: "0".repeat(64) });
    expect(JSON.parse(json)).toEqual({
      ...architecture,
      weights: "model.safetensors",
      weights_sha256: "0".repeat(64),
    });
    expectSameModel(loaded(parseModel({ json, weights: bytes }, registry)));
  });

  it("a model.json naming its weights says how to load it when passed alone", () => {
    const json = modelManifest(file, { file: "model.safetensors", sha256: "0".repeat(64) });
    expect(message(parseModel(json, registry))).toBe(
      "model.json: keeps its weights in model.safetensors; load the model from its path with loadModel (@stepwise/model/node), or pass both files: parseModel({ json, weights }, registry)",
    );
  });

  it("refuses weights without the architecture, non-matrix tensors and non-finite values", () => {
    const bare = encodeSafetensors({ W1: { shape: [1, 1], data: Float64Array.of(1) } });
    expect(message(parseModel(bare, registry, "w.safetensors"))).toContain(
      'w.safetensors: has no "stepwise_model" entry in its __metadata__',
    );
    const meta = { stepwise_model: JSON.stringify({ ...architecture, layer_dims: [1, 1] }) };
    const vector = encodeSafetensors(
      { W1: { shape: [1], data: Float64Array.of(1) }, b1: { shape: [1, 1], data: Float64Array.of(0) } },
      meta,
    );
    expect(message(parseModel(vector, registry, "w.safetensors"))).toBe(
      "w.safetensors: tensor W1 has shape [1]; parameters are matrices [rows, cols]",
    );
    const nan = encodeSafetensors(
      {
        W1: { shape: [1, 1], data: Float64Array.of(Number.NaN) },
        b1: { shape: [1, 1], data: Float64Array.of(0) },
      },
      meta,
    );
    expect(message(parseModel(nan, registry, "w.safetensors"))).toBe(
      "w.safetensors: tensor W1: element 0 is NaN; model files hold finite numbers only",
    );
  });
});

describe("version 1 model files (inline JSON weights)", () => {
  const inline = serializeModel({ ...file, parameters: initial });

  it("are still written by serializeModel and round-trip every float64", () => {
    expect(JSON.parse(inline)).toMatchObject({ version: 1, layer_dims: [50, 7, 3, 1] });
    const model = loaded(parseModel(inline, registry));
    for (const key of Object.keys(initial))
      expect(equals(model.parameters[key as "W1"] as Matrix, initial[key as "W1"] as Matrix), key).toBe(true);
  });

  it("written by an earlier release still load (fixtures/model-v1.json)", () => {
    // Written by saveModel before model files became model.json + model.safetensors. Its W1 and W2 are
    // python3 -c "import numpy as np; np.random.seed(1); print(np.random.randn(3,4)/np.sqrt(4), np.random.randn(1,3)/np.sqrt(3))"
    const text = readFileSync(new URL("fixtures/model-v1.json", import.meta.url), "utf8");
    const model = loaded(parseModel(text, registry, "model-v1.json"));
    expect(model.layer_dims).toEqual([4, 3, 1]);
    expect(Array.from(model.parameters["W1"]?.data ?? [])).toEqual([
      0.8121726818316208, -0.3058782068250377, -0.26408587613172785, -0.5364843110780853, 0.43270381466233926,
      -1.1507693484401413, 0.87240588210824, -0.3806034504475514, 0.15951954802854929, -0.12468518773870504,
      0.731053968522487, -1.030070354748827,
    ]);
    expect(Array.from(model.parameters["W2"]?.data ?? [])).toEqual([
      -0.18614765952856505, -0.2217338850512578, 0.6545820927313367,
    ]);
    expect(model.hyperparameters).toEqual({
      learning_rate: 0.0075,
      iterations: 2500,
      classes: "non-cat,cat",
    });
    expect(model.spec.hidden).toBe(relu);
  });

  it("a truncated text says so", () => {
    expect(message(parseModel(inline.slice(0, inline.length / 2), registry))).toMatch(
      /^model\.json: is not valid JSON .*the file may be truncated/,
    );
  });

  it("rejects another format or a version this release does not know", () => {
    expect(message(parseModel(JSON.stringify({ format: "keras" }), registry))).toContain(
      "is not a Stepwise model file",
    );
    expect(message(parseModel(JSON.stringify({ ...JSON.parse(inline), version: 3 }), registry))).toContain(
      "has format version 3; this Stepwise reads versions 1 and 2",
    );
  });

  it("names the plugin and the package to install when a plugin is missing", () => {
    const json = JSON.parse(inline) as { plugins: Record<string, unknown> };
    const withGelu = {
      ...json,
      plugins: { ...json.plugins, hidden: { name: "gelu", package: "@stepwise/activation-gelu" } },
    };
    expect(message(parseModel(JSON.stringify(withGelu), registry))).toBe(
      'model.json: the model needs the activation "gelu" from @stepwise/activation-gelu, which is not registered; install @stepwise/activation-gelu and list it under "plugins" in stepwise.config.json (or pass --plugin @stepwise/activation-gelu)',
    );
  });

  it("rejects parameters whose data does not match their shape, or that do not chain", () => {
    const json = JSON.parse(inline) as { parameters: Record<string, { shape: number[]; data: number[] }> };
    const short = structuredClone(json);
    short.parameters["W2"]?.data.pop();
    expect(message(parseModel(JSON.stringify(short), registry))).toContain(
      "parameter W2: fromFlat: (3, 7) needs 21 values, got 20",
    );
    const unchained = structuredClone(json);
    const w2 = unchained.parameters["W2"];
    if (w2 !== undefined) w2.shape = [7, 3];
    expect(message(parseModel(JSON.stringify(unchained), registry))).toContain("W2");
    const nonFinite = inline.replace(/"data":\[[-0-9.e]+/, '"data":[null');
    expect(message(parseModel(nonFinite, registry))).toContain(
      "parameter W1: W1[0, 0] (element 0 of its data) is null, not a number; model files hold finite numbers only",
    );
  });

  it("names a weight too large for a float64 (1e999) as not finite, at its row and column", () => {
    const text = serializeModel(file);
    const columns = file.parameters["W1"]?.cols ?? 0;
    // The second row's first entry: element `columns` of W1's data.
    const json = JSON.parse(text) as { parameters: Record<string, { data: number[] }> };
    const first = json.parameters["W1"]?.data.slice(0, columns + 1) ?? [];
    const tooLarge = text.replace(
      `"data":[${first.map(String).join(",")}`,
      `"data":[${[...first.slice(0, columns), "1e999"].join(",")}`,
    );
    expect(tooLarge).toContain("1e999");
    expect(message(parseModel(tooLarge, registry))).toContain(
      `parameter W1: W1[1, 0] (element ${columns} of its data) is Infinity, not a finite number (a number such as 1e999 is beyond a float64's range)`,
    );
  });
});
