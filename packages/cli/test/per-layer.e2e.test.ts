import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stepwiseHere } from "./cli.js";

// `--hidden` with one activation per hidden layer: recorded, saved, loaded again, and refused when the list
// does not match the layers.

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "stepwise-per-layer-"));
});

const json = async (path: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;

describe("stepwise train --hidden a,b: one activation per hidden layer", () => {
  it("trains, records the list, saves it in the model, and the model exports to ONNX", async () => {
    const out = join(dir, "tanh-leaky");
    const r = await stepwiseHere([
      "train",
      "--data",
      "moons",
      "--layers",
      "2,6,4,1",
      "--hidden",
      "tanh,leaky-relu(alpha=0.2)",
      "--iterations",
      "30",
      "--mini-batch-size",
      "64",
      "--out",
      out,
      "--quiet",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const metrics = await json(join(out, "metrics.json"));
    expect((metrics["config"] as Record<string, unknown>)["hidden"]).toBe("tanh,leaky_relu(alpha=0.2)");
    const model = await json(join(out, "model.json"));
    expect((model["plugins"] as Record<string, unknown>)["hidden"]).toEqual([
      { name: "tanh", package: "@stepwise/activation-tanh" },
      { name: "leaky_relu(alpha=0.2)", package: "@stepwise/activation-leaky-relu" },
    ]);
    const exported = await stepwiseHere([
      "export",
      "--onnx",
      join(dir, "per-layer.onnx"),
      "--model",
      join(out, "model.json"),
    ]);
    expect(exported.code).toBe(0);
  });

  it("with --batch-norm as well", async () => {
    const out = join(dir, "with-bn");
    const r = await stepwiseHere([
      "train",
      "--data",
      "moons",
      "--layers",
      "2,6,4,1",
      "--hidden",
      "tanh,relu",
      "--batch-norm",
      "--iterations",
      "5",
      "--out",
      out,
      "--quiet",
    ]);
    expect(r.code).toBe(0);
    expect(((await json(join(out, "metrics.json")))["config"] as Record<string, unknown>)["batch_norm"]).toBe(
      true,
    );
  });

  it.each([
    [
      ["--layers", "2,6,1", "--hidden", "tanh,relu"],
      "stepwise: --hidden lists 2 activations but --layers 2,6,1 has 1 hidden layer; give one per hidden layer (layer 1 first), or a single activation for all of them",
    ],
    [
      ["--hidden", "tanh,relu,relu"],
      "stepwise: --hidden lists 3 activations but the data's layers 2,5,2,1 have 2 hidden layers; give one per hidden layer (layer 1 first), or a single activation for all of them",
    ],
    [["--hidden", "tanh,nope"], 'stepwise: --hidden, entry 2 of 2 ("nope"): unknown activation "nope"'],
  ])("refuses %j before creating anything", async (flags, expected) => {
    const out = join(dir, "refused");
    const r = await stepwiseHere(["train", "--data", "moons", ...flags, "--iterations", "1", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]?.startsWith(expected)).toBe(true);
    await expect(readFile(join(out, "metrics.json"))).rejects.toThrow();
  });
});
