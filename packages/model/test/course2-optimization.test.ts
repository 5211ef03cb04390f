import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { L_layer_model } from "../src/index.js";
import { describeNotebook } from "./course2-check.js";
import { notebooks, runOptions } from "./course2-runs.js";

// Every training run of the Optimization notebook against fixtures/course2-runs.json (see course2-check.ts).
describeNotebook("optimization");

describe("what the runs record", () => {
  it("with a decay, the learning rate of every epoch: epoch 0 at learning_rate, epoch e at decay(lr, e − 1)", async () => {
    const { data, layers, options } = notebooks.optimization;
    const [X, Y] = await data();
    const call =
      'model(train_X, train_Y, layers_dims, optimizer = "gd", learning_rate = 0.1, num_epochs=5000, decay=update_lr)';
    const trained = L_layer_model(X, Y, layers, { ...options, ...runOptions[call], num_iterations: 4 });
    if (E.isLeft(trained)) throw new Error(trained.left.message);
    expect(trained.right.learning_rates).toEqual([0.1, 0.1, 0.1 / 2, 0.1 / 3]);
  });

  it("the seeds are what the notebooks call them: with another shuffle seed the Adam run differs", async () => {
    const { data, layers, options } = notebooks.optimization;
    const [X, Y] = await data();
    const costs = (shuffle_seed: number) => {
      const t = L_layer_model(X, Y, layers, { ...options, shuffle_seed, num_iterations: 3 });
      return E.isRight(t) ? t.right.costs : [];
    };
    expect(costs(10)[0]).toBeCloseTo(0.7024046849828726, 15);
    expect(costs(11)[0]).not.toBe(costs(10)[0]);
  });
});
