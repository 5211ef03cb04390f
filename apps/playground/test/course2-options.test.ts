import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { defaultToy, notebookAdamMoons } from "../src/engine/config.js";
import { trainOptionsOf, trainRun } from "../src/engine/run.js";
import { loadToyData } from "../src/engine/toy-run.js";
import { fromQuery, toQuery } from "../src/engine/url-state.js";

/* The 2-D playground's Course 2 settings reach @stepwise/model: reseeded shuffles and decay. */

describe("Course 2 settings in the 2-D playground", () => {
  it("the notebook's Adam run on moons reaches the notebook's 0.9433333333333334 (shuffle seed 10)", () => {
    const data = loadToyData(notebookAdamMoons.data, undefined);
    if (E.isLeft(data)) throw new Error(data.left.message);
    const run = trainRun(notebookAdamMoons, data.right, () => undefined);
    if (E.isLeft(run)) throw new Error(run.left.message);
    expect(run.right.result.costs[0]).toBeCloseTo(0.7021655222604511, 12);
    expect(run.right.train.accuracy).toBe(0.9433333333333334);
  });

  it("passes the decay and its settings as model options; the result records every epoch's rate", () => {
    const config = {
      ...defaultToy,
      iterations: 5,
      learning_rate: 0.1,
      decay: "schedule-lr-decay",
      decay_rate: 1,
      time_interval: 2,
    } as const;
    const options = trainOptionsOf(config, {});
    expect(E.isRight(options) && typeof options.right.decay).toBe("function");
    const data = loadToyData(config.data, undefined);
    if (E.isLeft(data)) throw new Error(data.left.message);
    const run = trainRun(config, data.right, () => undefined);
    if (E.isLeft(run)) throw new Error(run.left.message);
    // schedule_lr_decay: epoch e ≥ 1 at 0.1 / (1 + ⌊(e − 1) / 2⌋).
    expect(run.right.result.learning_rates).toEqual([0.1, 0.1, 0.1, 0.05, 0.05]);
  });

  it("a shuffle seed without mini-batches is the model's error, shown as any other", () => {
    const config = { ...defaultToy, iterations: 2, mini_batch_size: null, shuffle_seed: 10 };
    const data = loadToyData(config.data, undefined);
    if (E.isLeft(data)) throw new Error(data.left.message);
    const run = trainRun(config, data.right, () => undefined);
    expect(E.isLeft(run) && run.left.message).toMatch(/shuffle_seed is 10 but there is no mini_batch_size/);
  });

  it("the URL keeps them", () => {
    const config = { ...notebookAdamMoons, decay: "update-lr", decay_rate: 0.3 } as const;
    const back = fromQuery(toQuery(config), defaultToy);
    expect([back.shuffle_seed, back.decay, back.decay_rate]).toEqual([10, "update-lr", 0.3]);
  });
});
