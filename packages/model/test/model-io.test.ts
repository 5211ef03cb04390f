import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
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
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoadedModel, serializeModel, toModelFile } from "../src/index.js";
import { loadModel, saveModel } from "../src/node.js";

const registry = E.getOrElseW(() => {
  throw new Error("registry");
})(makeRegistry({ activations: [relu, sigmoid], costs: [binary_cross_entropy] }));

const [parameters] = E.getOrElseW(() => {
  throw new Error("init");
})(initialize_parameters_deep([50, 7, 3, 1], seedOrThrow(1)));
const file = toModelFile(parameters, { hidden: relu, output: sigmoid }, binary_cross_entropy, { seed: 1 });

const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

const expectSame = (result: E.Either<{ message: string }, LoadedModel>): void => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  for (const key of Object.keys(parameters))
    expect(
      equals(result.right.parameters[key as "W1"] as Matrix, parameters[key as "W1"] as Matrix),
      key,
    ).toBe(true);
  expect(result.right.spec.hidden).toBe(relu);
};

let root = "";
let folders = 0;
const folder = async (): Promise<string> => {
  const dir = join(root, `case-${folders++}`);
  await mkdir(dir);
  return dir;
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "stepwise-model-io-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("saveModel / loadModel", () => {
  it("write model.json and model.safetensors (named with its SHA-256), nothing else, and load either", async () => {
    const dir = await folder();
    const path = join(dir, "model.json");
    expect(await saveModel(path, file)).toEqual(E.right(path));
    expect((await readdir(dir)).sort()).toEqual(["model.json", "model.safetensors"]);
    const weights = await readFile(join(dir, "model.safetensors"));
    const manifest = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      format: "stepwise-model",
      version: 2,
      weights: "model.safetensors",
      weights_sha256: createHash("sha256").update(weights).digest("hex"),
    });
    expect(manifest["parameters"]).toBeUndefined();
    expectSame(await loadModel(path, registry));
    expectSame(await loadModel(join(dir, "model.safetensors"), registry));
  });

  it("to a .safetensors path, write that one self-contained file", async () => {
    const dir = await folder();
    const path = join(dir, "cat.safetensors");
    expect(await saveModel(path, file)).toEqual(E.right(path));
    expect(await readdir(dir)).toEqual(["cat.safetensors"]);
    expectSame(await loadModel(path, registry));
  });

  it("name the weights after the model file, so two models can share a folder", async () => {
    const dir = await folder();
    expect(E.isRight(await saveModel(join(dir, "small.json"), file))).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(["small.json", "small.safetensors"]);
    expectSame(await loadModel(join(dir, "small.json"), registry));
  });

  it("write the weights first: when they cannot be written, there is no model.json", async () => {
    const dir = await folder();
    await mkdir(join(dir, "model.safetensors")); // a folder where the weights should go: the rename fails
    expect(message(await saveModel(join(dir, "model.json"), file))).toMatch(
      /^cannot write .*model\.safetensors: /,
    );
    expect(await readdir(dir)).toEqual(["model.safetensors"]);
  });

  it("load a version 1 model.json with inline weights (the fixture written by an earlier release)", async () => {
    const dir = await folder();
    const path = join(dir, "model.json");
    await copyFile(new URL("fixtures/model-v1.json", import.meta.url), path);
    const loaded = await loadModel(path, registry);
    if (E.isLeft(loaded)) throw new Error(loaded.left.message);
    expect(loaded.right.layer_dims).toEqual([4, 3, 1]);
    await writeFile(path, serializeModel(file));
    expectSame(await loadModel(path, registry));
  });

  it("say what is wrong: a missing model, missing or replaced weights, a truncated model.json", async () => {
    expect(message(await loadModel("/nonexistent/model.json", registry))).toBe(
      "/nonexistent/model.json: no such file; pass the model.json of a training run (runs/<timestamp>/model.json)",
    );
    const dir = await folder();
    const path = join(dir, "model.json");
    await saveModel(path, file);
    const weights = await readFile(join(dir, "model.safetensors"));

    const other = toModelFile(parameters, { hidden: relu, output: sigmoid }, binary_cross_entropy, {
      seed: 2,
    });
    const elsewhere = await folder();
    await saveModel(join(elsewhere, "model.json"), other);
    await copyFile(join(elsewhere, "model.safetensors"), join(dir, "model.safetensors"));
    expect(message(await loadModel(path, registry))).toMatch(
      new RegExp(
        `^${join(dir, "model.safetensors")}: has SHA-256 [0-9a-f]{16}…, but model.json was written with weights of SHA-256 [0-9a-f]{16}…: the two files are not from the same save`,
      ),
    );

    await writeFile(join(dir, "model.safetensors"), weights.subarray(0, 100));
    expect(message(await loadModel(path, registry))).toContain("has SHA-256");

    await rm(join(dir, "model.safetensors"));
    expect(message(await loadModel(path, registry))).toBe(
      `${join(dir, "model.safetensors")}: no such file; model.json keeps its weights there — copy it together with model.json (a run writes both)`,
    );

    const text = await readFile(path, "utf8");
    await writeFile(path, text.slice(0, text.length / 2));
    expect(message(await loadModel(path, registry))).toMatch(
      new RegExp(`^${path}: is not valid JSON .*the file may be truncated`),
    );
  });

  it("refuse a weights entry that points out of the model's folder", async () => {
    const dir = await folder();
    const path = join(dir, "model.json");
    await saveModel(path, file);
    const manifest = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...manifest, weights: "../model.safetensors" }));
    expect(message(await loadModel(path, registry))).toBe(
      `${path}: "weights" must name a file in the model's folder, got "../model.safetensors"`,
    );
  });
});
