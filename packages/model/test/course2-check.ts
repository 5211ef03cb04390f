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

export const describeNotebook = (section: Section): void => {
  describe(`the ${section} notebook`, () => {
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
};
