import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { optimizerName, type TrainFlags } from "../src/train-command.js";

/** The flags `stepwise train` gets by default, with some changed. */
const flags = (changed: Partial<TrainFlags>): TrainFlags => ({
  layers: [12288, 20, 7, 5, 1],
  init: "deep",
  hidden: "relu",
  output: "sigmoid",
  cost: "binary-cross-entropy",
  learningRate: 0.0075,
  iterations: 2500,
  seed: 1,
  printEvery: 100,
  optimizer: "gd",
  lambd: 0,
  keepProb: 1,
  force: false,
  json: false,
  quiet: false,
  plan: "auto",
  ...changed,
});

describe("--beta, --beta1, --beta2 and --epsilon are aliases of the optimizer's plugin name", () => {
  it.each([
    [{ optimizer: "adam", beta1: 0.8 }, "adam(beta1=0.8)"],
    [
      { optimizer: "adam(beta2=0.99)", beta1: 0.8, epsilon: 1e-7 },
      "adam(beta2=0.99, beta1=0.8, epsilon=1e-7)",
    ],
    [{ optimizer: "momentum-pytorch", beta: 0.5 }, "momentum_pytorch(beta=0.5)"],
    [{ optimizer: "adam(beta1=0.8)", beta1: 0.8 }, "adam(beta1=0.8)"],
    [{ optimizer: "gd" }, "gd"],
  ] as const)("%j is %s", (changed, name) => {
    expect(optimizerName(flags(changed))).toEqual(E.right(name));
  });
});
