import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { makeRegistry } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { initialize_parameters_deep } from "@stepwise/init";
import { seedOrThrow } from "@stepwise/random";
import { equals, type Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { loadModel, parseModel, saveModel, serializeModel, toModelFile } from "../src/index.js";

const registry = E.getOrElseW(() => {
  throw new Error("registry");
})(makeRegistry({ activations: [relu, sigmoid], costs: [binary_cross_entropy] }));

const [parameters] = E.getOrElseW(() => {
  throw new Error("init");
})(initialize_parameters_deep([50, 7, 3, 1], seedOrThrow(1)));
const spec = { hidden: relu, output: sigmoid };
const file = toModelFile(parameters, spec, binary_cross_entropy, { learning_rate: 0.0075, iterations: 2500 });

const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

describe("model files", () => {
  it("round-trip every float64 exactly", () => {
    const loaded = parseModel(serializeModel(file), registry);
    if (E.isLeft(loaded)) throw new Error(loaded.left.message);
    for (const key of Object.keys(parameters))
      expect(
        equals(loaded.right.parameters[key as "W1"] as Matrix, parameters[key as "W1"] as Matrix),
        key,
      ).toBe(true);
    expect(loaded.right.spec.hidden).toBe(relu);
    expect(loaded.right.cost).toBe(binary_cross_entropy);
    expect(loaded.right.layer_dims).toEqual([50, 7, 3, 1]);
    expect(loaded.right.hyperparameters).toEqual({ learning_rate: 0.0075, iterations: 2500 });
  });

  it("are written atomically: the file or nothing, no temp files left", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stepwise-model-"));
    const path = join(dir, "model.json");
    expect(E.isRight(await saveModel(path, file))).toBe(true);
    expect(await readdir(dir)).toEqual(["model.json"]);
    expect(E.isRight(await loadModel(path, registry))).toBe(true);
  });

  it("a truncated file says so", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stepwise-model-"));
    const path = join(dir, "model.json");
    const text = serializeModel(file);
    await writeFile(path, text.slice(0, text.length / 2));
    expect(message(await loadModel(path, registry))).toContain(`${path}: is not valid JSON`);
    expect(message(await loadModel(path, registry))).toContain("the file may be truncated");
  });

  it("a missing file says what to pass", async () => {
    expect(message(await loadModel("/nonexistent/model.json", registry))).toBe(
      "/nonexistent/model.json: no such file; pass the model.json of a training run (runs/<timestamp>/model.json)",
    );
  });

  it("rejects another format or version", () => {
    expect(message(parseModel(JSON.stringify({ format: "keras" }), registry))).toContain(
      "is not a Stepwise model file",
    );
    expect(message(parseModel(JSON.stringify({ ...file, version: 2 }), registry))).toContain(
      "has format version 2; this Stepwise reads version 1",
    );
  });

  it("names the plugin and the package to install when a plugin is missing", () => {
    const withGelu = {
      ...file,
      plugins: { ...file.plugins, hidden: { name: "gelu", package: "@stepwise/activation-gelu" } },
    };
    expect(message(parseModel(JSON.stringify(withGelu), registry))).toBe(
      'model.json: the model needs the activation "gelu" from @stepwise/activation-gelu, which is not registered; install @stepwise/activation-gelu and list it under "plugins" in stepwise.config.json (or pass --plugin @stepwise/activation-gelu)',
    );
  });

  it("rejects parameters whose data does not match their shape, or that do not chain", async () => {
    const text = await Promise.resolve(serializeModel(file));
    const json = JSON.parse(text) as { parameters: Record<string, { shape: number[]; data: number[] }> };
    const short = structuredClone(json);
    short.parameters["W2"]?.data.pop();
    expect(message(parseModel(JSON.stringify(short), registry))).toContain(
      "parameter W2: fromFlat: (3, 7) needs 21 values, got 20",
    );
    const unchained = structuredClone(json);
    const w2 = unchained.parameters["W2"];
    if (w2 !== undefined) w2.shape = [7, 3];
    expect(message(parseModel(JSON.stringify(unchained), registry))).toContain("W2");
    const nonFinite = text.replace(/"data":\[[-0-9.e]+/, '"data":[null');
    expect(message(parseModel(nonFinite, registry))).toContain(
      "parameter W1: W1[0, 0] (element 0 of its data) is null, not a number; model files hold finite numbers only",
    );
  });

  it("names a weight too large for a float64 (1e999) as not finite, at its row and column", () => {
    const text = serializeModel(file);
    const columns = file.parameters["W1"]?.shape[1] ?? 0;
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
