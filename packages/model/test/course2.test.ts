import type { Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { L_layer_model, predict } from "../src/index.js";
import { fixtureNumber, notebookRuns, notebooks, runOptions, type Section } from "./course2-runs.js";

/*
 * Every training run of the Course 2 notebooks (fixtures/course2-runs.json), through L_layer_model with the
 * Course 2 options: the cost at every recorded point to absolute 1e-9, the same accuracies, the final
 * parameters to relative 1e-9. The Initialization notebook's randn·10 run is chaotic across numpy builds
 * (fixtures/README.md): its accuracies and its first 100 costs.
 */

/** Relative 1e-9, with an absolute floor of 1e-15 for entries that are zero up to rounding: the zeros run's
 * b3 is 2.3e-16 in numpy (a sum of ±1/600 that cancels) and 0 here. */
const expectParametersClose = (
  actual: Matrix | undefined,
  expected: ReadonlyArray<ReadonlyArray<number>>,
) => {
  if (actual === undefined) throw new Error("missing parameter");
  const flat = expected.flat();
  expect([actual.rows, actual.cols]).toEqual([expected.length, expected[0]?.length]);
  flat.forEach((e, i) => {
    const a = actual.data[i] as number;
    expect(Math.abs(a - e), `element ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(1e-9 * Math.abs(e) + 1e-15);
  });
};

const sections: ReadonlyArray<Section> = ["initialization", "regularization", "optimization"];

describe.each(sections)("the %s notebook", (section) => {
  const runs = notebookRuns(section);
  const notebook = notebooks[section];

  it("has runs, each with options here", () => {
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const run of runs) expect(Object.keys(runOptions), run.call).toContain(run.call);
  });

  describe.each(runs.map((run) => [run.call, run] as const))("%s", (call, run) => {
    const chaotic = call.includes('"random"');
    it(
      chaotic
        ? "its first 100 costs and its accuracies"
        : "every recorded cost, the final parameters, the accuracies",
      async () => {
        const [X, Y, testX, testY] = await notebook.data();
        const trained = L_layer_model(X, Y, notebook.layers, { ...notebook.options, ...runOptions[call] });
        if (E.isLeft(trained)) throw new Error(trained.left.message);
        const { costs, parameters, fused } = trained.right;
        expect(fused).toBe(true);
        for (const [i, expected] of run.costs) {
          if (chaotic && i >= 100) continue;
          const cost = costs[i] as number;
          const want = fixtureNumber(expected);
          if (Number.isFinite(want)) expect(Math.abs(cost - want), `cost ${i}`).toBeLessThanOrEqual(1e-9);
          else expect(cost, `cost ${i}`).toBe(want);
        }
        if (!chaotic)
          for (const [key, rows] of Object.entries(run.parameters))
            expectParametersClose(parameters[key as keyof typeof parameters], rows);
        const accuracy = (x: Matrix, y: Matrix) => {
          const p = predict(x, y, parameters);
          return E.isRight(p) ? p.right.accuracy : Number.NaN;
        };
        expect([accuracy(X, Y), ...(testX && testY ? [accuracy(testX, testY)] : [])]).toEqual(run.accuracy);
      },
    );
  });
});

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
