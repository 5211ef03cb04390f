import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { makeRegistry } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { encodePng, imageAt } from "@stepwise/data";
import { loadCatvnoncat } from "@stepwise/data/node";
import { serializeModel, toModelFile } from "@stepwise/model";
import { loadModel } from "@stepwise/model/node";
import * as E from "fp-ts/lib/Either.js";
import jpeg from "jpeg-js";
import { beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR, stepwise } from "./cli.js";

let dir = "";
let model = "";
let cat = { png: "", jpg: "", index: 0, probability: 0 };
let nonCat = { png: "", index: 0 };

// Train the course's model once, then classify real test pictures written out as the user's own files.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "stepwise-predict-"));
  const run = join(dir, "run");
  const trained = await stepwise(["train", "--out", run, "--quiet"]);
  if (trained.code !== 0) throw new Error(trained.stderr);
  model = join(run, "model.json");
  const data = await loadCatvnoncat(DATA_DIR);
  if (E.isLeft(data)) throw new Error(data.left.message);
  const metrics = JSON.parse(await readFile(join(run, "metrics.json"), "utf8")) as {
    test_predictions: number[];
  };
  const labels = Array.from(data.right.test_y.data);
  const catIndex = labels.findIndex((y, i) => y === 1 && metrics.test_predictions[i] === 1);
  const nonCatIndex = labels.findIndex((y, i) => y === 0 && metrics.test_predictions[i] === 0);
  const rgb = imageAt(data.right.testImages, catIndex);
  const png = join(dir, "my_cat.png");
  await writeFile(png, encodePng(rgb, 64, 64));
  const rgba = new Uint8Array(64 * 64 * 4);
  for (let p = 0; p < 64 * 64; p++)
    rgba.set([rgb[3 * p] ?? 0, rgb[3 * p + 1] ?? 0, rgb[3 * p + 2] ?? 0, 255], 4 * p);
  const jpg = join(dir, "my_cat.jpg");
  await writeFile(jpg, jpeg.encode({ data: rgba, width: 64, height: 64 }, 95).data);
  const nonCatPng = join(dir, "not_a_cat.png");
  await writeFile(nonCatPng, encodePng(imageAt(data.right.testImages, nonCatIndex), 64, 64));
  const json = await stepwise(["predict", "--model", model, png, "--json"]);
  const [row] = JSON.parse(json.stdout) as Array<{ probability: number }>;
  cat = { png, jpg, index: catIndex, probability: row?.probability ?? Number.NaN };
  nonCat = { png: nonCatPng, index: nonCatIndex };
}, 120_000);

describe("stepwise predict, like the notebook's last cell", () => {
  it("says what each picture is, with its probability", async () => {
    const { code, stdout, stderr } = await stepwise([
      "predict",
      "--model",
      model,
      cat.png,
      cat.jpg,
      nonCat.png,
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toEqual([
      `my_cat.png: probability of "cat" ${cat.probability.toFixed(4)}`,
      'y = 1, your L-layer model predicts a "cat" picture.',
      expect.stringMatching(/^my_cat\.jpg: probability of "cat" 0\.\d{4}$/),
      'y = 1, your L-layer model predicts a "cat" picture.',
      expect.stringMatching(/^not_a_cat\.png: probability of "cat" 0\.\d{4}$/),
      'y = 0, your L-layer model predicts a "non-cat" picture.',
    ]);
  });

  it("takes the run's model.safetensors alone, or a version 1 model.json, with the same result", async () => {
    const weights = join(dir, "run", "model.safetensors");
    const alone = await stepwise(["predict", "--model", weights, cat.png, "--json"]);
    expect(alone.stderr).toBe("");
    expect((JSON.parse(alone.stdout) as Array<{ probability: number }>)[0]?.probability).toBe(
      cat.probability,
    );
    const registry = E.getOrElseW((e: { message: string }) => {
      throw new Error(e.message);
    })(makeRegistry({ activations: [relu, sigmoid], costs: [binary_cross_entropy] }));
    const loaded = await loadModel(model, registry);
    if (E.isLeft(loaded)) throw new Error(loaded.left.message);
    const { parameters, spec, cost, hyperparameters } = loaded.right;
    const v1 = join(dir, "model-v1.json");
    await writeFile(v1, serializeModel(toModelFile(parameters, spec, cost, hyperparameters)));
    const old = await stepwise(["predict", "--model", v1, cat.png, "--json"]);
    expect(old.stderr).toBe("");
    expect((JSON.parse(old.stdout) as Array<{ probability: number }>)[0]?.probability).toBe(cat.probability);
  });

  it("a 64×64 PNG of a test image gets exactly the test set's probability", async () => {
    const metrics = JSON.parse(await readFile(join(dir, "run", "metrics.json"), "utf8")) as {
      test_predictions: number[];
    };
    expect(metrics.test_predictions[cat.index]).toBe(1);
    expect(cat.probability).toBeGreaterThan(0.5);
  });

  it("fails clearly on a missing model, a corrupt image and a missing image", async () => {
    const missingModel = await stepwise(["predict", "--model", join(dir, "nope.json"), cat.png]);
    expect(missingModel.code).toBe(1);
    expect(missingModel.stderr).toContain("no such file; pass the model.json of a training run");
    const corrupt = join(dir, "corrupt.jpg");
    await writeFile(corrupt, "this is not a picture");
    const bad = await stepwise(["predict", "--model", model, corrupt]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("corrupt.jpg");
    const missing = await stepwise(["predict", "--model", model, join(dir, "nowhere.png")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nowhere.png");
    for (const r of [missingModel, bad, missing]) expect(r.stderr).not.toMatch(/\n\s+at /);
    const noImages = await stepwise(["predict", "--model", model]);
    expect(noImages.code).toBe(2);
    expect(noImages.stderr).toContain("missing required argument 'images'");
  });
});

describe("stepwise data fetch --from", () => {
  it("copies and verifies the two files, and says so", async () => {
    const target = join(dir, "data");
    const { code, stdout } = await stepwise(["data", "fetch", "--from", DATA_DIR, "--data", target]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${join(target, "train_catvnoncat.h5")}: from`);
    expect(stdout).toContain("checksum verified");
    const again = await stepwise(["data", "fetch", "--from", DATA_DIR, "--data", target]);
    expect(again.stdout).toContain("already present, checksum verified");
  });
  it("a folder without the files is a clear error", async () => {
    const { code, stderr } = await stepwise(["data", "fetch", "--from", dir, "--data", join(dir, "data2")]);
    expect(code).toBe(1);
    expect(stderr).toContain("train_catvnoncat.h5");
  });
});
