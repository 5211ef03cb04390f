import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { serializeModel } from "@stepwise/model";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { builtinRegistry } from "../src/registry.js";
import { type TrainFlags, trainCommand } from "../src/train-command.js";
import { DATA_DIR, STACK_TRACE, stepwiseHere } from "./cli.js";
import { identityOutputModel, tempDir, tinyModel, writeModel, writeModelText, writePng } from "./models.js";

// Issue 14 (Reliability II): each case as a user meets it, through the CLI in this process.

const train = (args: ReadonlyArray<string>) => stepwiseHere(["train", "--data", DATA_DIR, ...args]);

let dir = "";
beforeAll(async () => {
  dir = await tempDir("stepwise-reliability-");
});

const metricsOf = async (run: string) =>
  JSON.parse(await readFile(join(run, "metrics.json"), "utf8")) as Record<string, unknown>;

describe("1. run folders are created atomically", () => {
  const home = process.cwd();
  afterEach(() => process.chdir(home));

  it("two runs started in the same second never share the default runs/<timestamp> folder", async () => {
    const cwd = await tempDir("stepwise-same-second-");
    process.chdir(cwd);
    const registry = builtinRegistry();
    if (registry._tag === "Left") throw new Error(registry.left.message);
    const flags: TrainFlags = {
      data: DATA_DIR,
      layers: [12288, 20, 7, 5, 1],
      init: "deep",
      hidden: "relu",
      output: "sigmoid",
      cost: "binary-cross-entropy",
      learningRate: 0.0075,
      iterations: 1,
      seed: 1,
      printEvery: 100,
      optimizer: "gd",
      lambd: 0,
      keepProb: 1,
      force: false,
      json: false,
      quiet: true,
      plan: "primal",
      backend: "js",
    };
    const env = {
      registry: registry.right,
      write: () => undefined,
      isTTY: false,
      now: () => new Date("2026-01-02T03:04:05Z"),
    };
    const [a, b] = await Promise.all([trainCommand(flags, env), trainCommand(flags, env)]);
    expect([a._tag, b._tag]).toEqual(["Right", "Right"]);
    const folders = (await readdir(join(cwd, "runs"))).sort();
    expect(folders).toHaveLength(2);
    expect(folders[0]).toBe("2026-01-02T03-04-05");
    for (const folder of folders)
      expect((await metricsOf(join(cwd, "runs", folder)))["status"]).toBe("finished");
  });
});

describe("2. no NaN reaches the user with exit 0", () => {
  it("train --learning-rate 1e308 refuses to save the overflowing weights and says which and why", async () => {
    const out = join(dir, "lr-1e308");
    const r = await train(["--learning-rate", "1e308", "--iterations", "1", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/W\d/);
    expect(r.stderr).toContain("--learning-rate 1e+308");
    expect(r.stderr).toContain("no model is saved");
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(join(out, "model.json"))).toBe(false);
    expect((await metricsOf(out))["status"]).toBe("diverged");
  });

  it("predict refuses a model whose output is not finite, and says why", async () => {
    const model = await writeModel(
      dir,
      "overflowing.json",
      tinyModel({
        layers: [12, 3, 1],
        value: (key, _, j) => (key === "W1" ? 1e308 : key === "W2" ? (j % 2 === 0 ? 1e308 : -1e308) : 0),
      }),
    );
    const image = await writePng(dir, "gray.png");
    const r = await stepwiseHere(["predict", "--model", model, image]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("probability");
    expect(r.stderr).toContain("gray.png");
    expect(r.stderr).toContain("not a finite number");
    expect(r.stderr).toMatch(/train (it )?again/);
    const json = await stepwiseHere(["predict", "--model", model, image, "--json"]);
    expect(json.code).toBe(1);
    expect(json.stdout).not.toContain('"probability":null');
  });

  it("predict gives an identity output's score, never calling it a probability", async () => {
    const model = await writeModel(dir, "identity.json", identityOutputModel());
    const image = await writePng(dir, "gray-identity.png");
    const r = await stepwiseHere(["predict", "--model", model, image]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("probability");
    expect(r.stdout).toContain("5.6");
    expect(r.stdout).toMatch(/^y = 1, your L-layer model predicts a "cat" picture\.$/m);
    const json = await stepwiseHere(["predict", "--model", model, image, "--json"]);
    const [row] = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(row).not.toHaveProperty("probability");
    expect(row?.["score"]).toBeCloseTo(5.6, 12);
  });
});

describe("3. a wrong output/cost pairing is named before training, not blamed on the learning rate", () => {
  it.each(["identity", "softmax", "relu"])("--output %s with binary cross-entropy", async (output) => {
    const out = join(dir, `pairing-${output}`);
    const r = await train(["--output", output, "--iterations", "2", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--output ${output}`);
    expect(r.stderr).toContain('the cost "binary_cross_entropy" needs an output activation that gives');
    expect(r.stderr).not.toContain("learning rate");
    expect(r.stdout).not.toContain("Cost after");
    expect(existsSync(out)).toBe(false);
  });

  it("a one-unit softmax with categorical cross-entropy fails before iteration 0", async () => {
    const out = join(dir, "one-unit-softmax");
    const r = await train([
      "--output",
      "softmax",
      "--cost",
      "categorical-cross-entropy",
      "--iterations",
      "2",
      "--out",
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("over 1 unit always gives exactly 1");
    expect(r.stdout).not.toContain("Cost after");
    expect(existsSync(out)).toBe(false);
  });

  it("--lambd 1e308 with Adam: named as the cause when the numbers overflow, no 'unexpected error'", async () => {
    const out = join(dir, "lambd-adam");
    const r = await train(["--optimizer", "adam", "--lambd", "1e308", "--iterations", "3", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--lambd 1e+308 is too large");
    expect(r.stderr).not.toContain("unexpected error");
    expect((await metricsOf(out))["status"]).toBe("diverged");
  });

  it("--lambd 1e308 is named as the cause", async () => {
    const out = join(dir, "lambd-1e308");
    const r = await train(["--lambd", "1e308", "--iterations", "3", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--lambd 1e+308");
    expect(r.stderr).not.toContain("Try a smaller learning rate");
    expect(existsSync(out)).toBe(false);
  });
});

describe("4. everything is validated before anything is created", () => {
  it.each([
    [["--optimizer", "momentum", "--beta", "5"], "--beta 5: beta must be a number in [0, 1), got 5"],
    [["--optimizer", "adam", "--beta1", "1"], "--beta1 1: beta1 must be a number in [0, 1), got 1"],
    [["--optimizer", "adam", "--beta2", "1"], "--beta2 1: beta2 must be a number in [0, 1), got 1"],
    [["--beta", "0.9"], 'unknown hyper-parameter "beta"'],
    [["--plan", "dual", "--optimizer", "adam"], 'plan "dual" cannot train this run'],
  ])("%j: a usage error and no folder", async (args, message) => {
    const out = join(dir, `never-${args.join("")}`);
    const r = await train([...args, "--iterations", "1", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('a plugin that throws is named (plugin "boom" (…) threw in forward: …) and leaves no folder', async () => {
    const plugin = join(dir, "boom.mjs");
    await writeFile(
      plugin,
      `export const plugins = [Object.freeze({
        meta: Object.freeze({ kind: "activation", name: "boom" }),
        forward: () => { throw new Error("kaboom"); },
        backward: (dA) => dA,
      })];`,
    );
    const out = join(dir, "boom-run");
    const r = await train(["--plugin", plugin, "--hidden", "boom", "--iterations", "1", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`plugin "boom" (${plugin}) threw in forward: kaboom`);
    expect(r.stderr).not.toContain("Please report");
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });
});

describe("6. a plugin that throws is named", () => {
  it("in predict too", async () => {
    const plugin = join(dir, "boom-predict.mjs");
    await writeFile(
      plugin,
      `export const plugins = [Object.freeze({
        meta: Object.freeze({ kind: "activation", name: "boom" }),
        forward: () => { throw new Error("kaboom"); },
        backward: (dA) => dA,
      })];`,
    );
    const text = serializeModel(tinyModel({ layers: [12, 3, 1] })).replace(
      '{"name":"relu","package":"@stepwise/activation-relu"}',
      '{"name":"boom"}',
    );
    expect(text).toContain('"boom"');
    const model = await writeModelText(dir, "boom-model.json", text);
    const r = await stepwiseHere([
      "predict",
      "--plugin",
      plugin,
      "--model",
      model,
      await writePng(dir, "b.png"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`plugin "boom" (${plugin}) threw in forward: kaboom`);
    expect(r.stderr).not.toContain("unexpected error");
  });
});

describe("8. predict speaks the user's words", () => {
  it("a model for 100 inputs and a 64×64 picture: the features each expects, and what to do", async () => {
    const model = await writeModel(dir, "hundred.json", tinyModel({ layers: [100, 5, 1] }));
    const image = await writePng(dir, "big.png", 64, 64);
    const r = await stepwiseHere(["predict", "--model", model, image]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("expects 100 input features");
    expect(r.stderr).toContain("10×10×1");
    expect(r.stderr).toContain("12288");
    expect(r.stderr).not.toContain("L_model_forward");
  });

  it("an unknown activation from a package that is installed does not say install it", async () => {
    const text = serializeModel(tinyModel({ layers: [12, 3, 1] })).replace('"name":"relu"', '"name":"relux"');
    const model = await writeModelText(dir, "relux.json", text);
    const r = await stepwiseHere(["predict", "--model", model, await writePng(dir, "p.png")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"relux"');
    expect(r.stderr).not.toContain("install @stepwise/activation-relu");
    expect(r.stderr).toContain("@stepwise/activation-relu is installed");
  });

  it("1e999 in a weight is reported as not finite at its position", async () => {
    const text = serializeModel(tinyModel({ layers: [12, 3, 1] })).replace(
      /("W1":\{"shape":\[3,12\],"data":\[)[^,]+,[^,]+/,
      "$1-0.03,1e999",
    );
    expect(text).toContain("1e999");
    const model = await writeModelText(dir, "inf.json", text);
    const r = await stepwiseHere(["predict", "--model", model, await writePng(dir, "q.png")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("W1[0, 1]");
    expect(r.stderr).toContain("not a finite number");
    expect(r.stderr).not.toContain("is null");
  });

  it("one bad picture among good ones is reported, and the others are still classified", async () => {
    const model = await writeModel(dir, "batch.json", tinyModel({ layers: [12, 3, 1] }));
    const bad = join(dir, "bad.jpg");
    await writeFile(bad, "this is not a picture");
    const r = await stepwiseHere([
      "predict",
      "--model",
      model,
      await writePng(dir, "one.png"),
      bad,
      await writePng(dir, "two.png"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^one\.png: /m);
    expect(r.stdout).toMatch(/^two\.png: /m);
    expect(r.stderr).toContain("bad.jpg");
    expect(r.stderr).toContain("1 of 3 pictures");
  });
});

describe("10. smaller things", () => {
  it("--mini-batch-size 100000 says once that it trains full-batch", async () => {
    const r = await train(["--mini-batch-size", "100000", "--iterations", "2", "--out", join(dir, "mb")]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/full batch/g)).toHaveLength(1);
  });

  it("a 1×1 PNG is classified with a warning that it is far smaller than 64×64", async () => {
    const model = await writeModel(dir, "tiny-image.json", tinyModel({ layers: [12288, 2, 1] }));
    const r = await stepwiseHere(["predict", "--model", model, await writePng(dir, "dot.png", 1, 1)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("dot.png is 1×1 pixels");
    expect(r.stderr).toContain("64×64");
  });

  it("--learning-rate 100 warns once that the cost keeps rising", async () => {
    const r = await train(["--learning-rate", "100", "--iterations", "30", "--out", join(dir, "lr-100")]);
    expect(r.stderr.match(/warning: the cost/g)).toHaveLength(1);
    expect(r.stderr).toContain("--learning-rate 100");
  });

  it("the help says dual gives the same numbers to about 1e-13", async () => {
    const r = await stepwiseHere(["train", "--help"]);
    expect(r.stdout.replace(/\s+/g, " ")).toContain("the same numbers to about 1e-13");
  });

  it.each([
    ["--lambd", "0.7"],
    ["--backend", "js"],
  ])("the iteration-0 cost does not change with --iterations (%s %s)", async (flag, value) => {
    const costs = async (iterations: string) => {
      const out = join(dir, `it-${flag}-${iterations}`);
      const r = await train([flag, value, "--iterations", iterations, "--json", "--out", out]);
      return (JSON.parse(r.stdout) as { costs: number[] }).costs;
    };
    const [one, twenty] = [await costs("1"), await costs("20")];
    expect(twenty[0]).toBe(one[0]);
  });
});
