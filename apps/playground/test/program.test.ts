import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { defaultToy, type RunConfig } from "../src/engine/config.js";
import { programOf } from "../src/engine/program.js";
import { trainRun } from "../src/engine/run.js";
import { loadToyData } from "../src/engine/toy-run.js";

const app = join(import.meta.dirname, "..");
// Inside the app, so the program's imports resolve to the workspace packages the app depends on.
const scratch = join(app, ".programs");

const runProgram = (
  name: string,
  source: string,
): { costs: number[]; train_accuracy: number; test_accuracy: number } => {
  mkdirSync(scratch, { recursive: true });
  const file = join(scratch, `${name}.ts`);
  const metrics = join(scratch, `${name}.json`);
  writeFileSync(file, source);
  const run = spawnSync(
    process.execPath,
    ["--conditions=@stepwise/source", "--import", "tsx", file, "--metrics", metrics],
    {
      cwd: app,
      encoding: "utf8",
    },
  );
  if (run.status !== 0) throw new Error(`${file} failed:\n${run.stderr}`);
  expect(run.stdout).toMatch(/^Cost after iteration 0: /);
  return JSON.parse(readFileSync(metrics, "utf8"));
};

describe("the exported program", () => {
  const configs: ReadonlyArray<readonly [string, RunConfig]> = [
    [
      "xor-adam-minibatch",
      {
        ...defaultToy,
        data: { kind: "toy", name: "xor", n: 80, noise: 0.1, seed: 5 },
        layers: [2, 5, 3, 1],
        hidden: "leaky_relu(alpha=0.2)",
        optimizer: "adam",
        optimizerParams: { beta1: 0.8 },
        mini_batch_size: 16,
        iterations: 120,
        lambd: 0.1,
      },
    ],
    [
      "spiral-momentum-dropout",
      {
        ...defaultToy,
        data: { kind: "toy", name: "spiral", n: 60, noise: 0.2, seed: 2 },
        layers: [2, 6, 1],
        hidden: "tanh",
        init: "xavier",
        optimizer: "momentum",
        optimizerParams: {},
        mini_batch_size: null,
        keep_prob: 0.8,
        learning_rate: 0.05,
        iterations: 150,
      },
    ],
    [
      "moons-momentum-reseeded-schedule-decay",
      {
        ...defaultToy,
        layers: [2, 5, 2, 1],
        optimizer: "momentum",
        learning_rate: 0.1,
        iterations: 30,
        shuffle_seed: 10,
        decay: "schedule-lr-decay",
        decay_rate: 0.5,
        time_interval: 7,
      },
    ],
    [
      "blobs-rmsprop-centered",
      {
        ...defaultToy,
        data: { kind: "toy", name: "blobs", n: 90, noise: 0.3, seed: 4 },
        layers: [2, 5, 1],
        optimizer: "rmsprop",
        optimizerParams: { rho: 0.9, centered: 1, momentum: 0.5 },
        learning_rate: 0.01,
        iterations: 30,
      },
    ],
    [
      "moons-per-layer-activations",
      {
        ...defaultToy,
        layers: [2, 6, 4, 1],
        hidden: "tanh,leaky_relu(alpha=0.2)",
        iterations: 40,
      },
    ],
    [
      "circles-gd-update-lr",
      {
        ...defaultToy,
        data: { kind: "toy", name: "circles", n: 100, noise: 0.05, seed: 1 },
        layers: [2, 4, 1],
        optimizer: "gd",
        learning_rate: 0.3,
        iterations: 40,
        mini_batch_size: null,
        decay: "update-lr",
        decay_rate: 0.2,
      },
    ],
  ];
  it.each(configs)("reproduces the playground's %s run number for number under Node", (name, config) => {
    const data = loadToyData(config.data, undefined);
    if (E.isLeft(data)) throw new Error(data.left.message);
    const inPlayground = trainRun(config, data.right, () => undefined);
    if (E.isLeft(inPlayground)) throw new Error(inPlayground.left.message);
    const program = programOf(config, data.right, "https://example.org/?view=toy");
    if (E.isLeft(program)) throw new Error(program.left.message);
    const metrics = runProgram(name, program.right);
    expect(metrics.costs).toEqual(inPlayground.right.result.costs);
    expect(metrics.train_accuracy).toBe(inPlayground.right.train.accuracy);
    expect(metrics.test_accuracy).toBe(inPlayground.right.test?.accuracy);
  });
});
