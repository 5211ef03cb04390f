import { loadCourseraLLayer, loadCourseraTwoLayer } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { L_layer_model, predict, two_layer_model } from "../src/index.js";
import { catvnoncat } from "./catvnoncat.js";

// The course's two cat runs, reproduced by the dual plan in seconds. Tolerances from the issue: every cost
// to absolute 1e-9, identical accuracies and test predictions. (The primal plan's full runs are in
// `pnpm parity`, tools/bench/src/course-parity.ts, which CI runs too.)
describe.each([
  ["coursera-L-layer.json", loadCourseraLLayer, "L"],
  ["coursera-two-layer.json", loadCourseraTwoLayer, "two"],
] as const)("%s with the dual plan", (_, load, kind) => {
  it("every cost, the accuracies and the test predictions", async () => {
    const fixture = load();
    const data = await catvnoncat();
    const options = {
      learning_rate: fixture.learning_rate,
      num_iterations: fixture.iterations,
      seed: fixture.seed,
      plan: "dual",
    } as const;
    const dims = fixture.layers;
    const trained =
      kind === "two"
        ? two_layer_model(
            data.train_x,
            data.train_y,
            [dims[0], dims[1], dims[2]] as [number, number, number],
            options,
          )
        : L_layer_model(data.train_x, data.train_y, dims, options);
    if (E.isLeft(trained)) throw new Error(trained.left.message);
    const { costs, parameters, plan } = trained.right;
    expect(plan).toBe("dual");
    expect(costs).toHaveLength(fixture.costs.length);
    const worst = Math.max(...costs.map((c, i) => Math.abs(c - (fixture.costs[i] as number))));
    expect(worst).toBeLessThanOrEqual(1e-9);
    const train = predict(data.train_x, data.train_y, parameters);
    const test = predict(data.test_x, data.test_y, parameters);
    if (E.isLeft(train) || E.isLeft(test)) throw new Error("predict failed");
    expect(train.right.accuracy).toBe(fixture.trainAccuracy);
    expect(test.right.accuracy).toBe(fixture.testAccuracy);
    expect(Array.from(test.right.predictions.data)).toEqual(fixture.testPredictions);
  }, 120_000);
});
