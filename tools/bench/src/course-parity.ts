/**
 * `pnpm parity`: the course's two cat runs, 2500 iterations each, with the primal plan (the course's loop
 * as written, on the wasm backend: minutes on the js one) and the dual plan (js backend), against
 * the repository's fixtures/. Checks every cost to absolute 1e-9, the accuracies and test predictions exactly,
 * and the two plans' final parameters to relative 1e-9 of each matrix's scale. CI runs it after the tests.
 */

import { createWasmBackend } from "@stepwise/backend-wasm";
import type { Parameters } from "@stepwise/core";
import { loadCatvnoncat } from "@stepwise/data/node";
import { L_layer_model, type PlanChoice, predict, two_layer_model } from "@stepwise/model";
import { type Backend, dictionaryToBackend, jsBackend } from "@stepwise/tensor";
import {
  type CourseraRun,
  loadCourseraLLayer,
  loadCourseraTwoLayer,
  normRelativeDifference,
} from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";

const dataDir =
  process.env["STEPWISE_DATA_DIR"] || new URL("../../../datasets/catvnoncat", import.meta.url).pathname;
const loaded = await loadCatvnoncat(dataDir);
if (E.isLeft(loaded)) throw new Error(loaded.left.message);
const data = loaded.right;

const train = (fixture: CourseraRun, plan: PlanChoice, backend: Backend) => {
  const options = {
    learning_rate: fixture.learning_rate,
    num_iterations: fixture.iterations,
    seed: fixture.seed,
    plan,
    backend,
  };
  const [n_x, n_h, n_y] = fixture.layers as [number, number, number];
  const started = performance.now();
  const result =
    fixture.init === "two"
      ? two_layer_model(data.train_x, data.train_y, [n_x, n_h, n_y], options)
      : L_layer_model(data.train_x, data.train_y, fixture.layers, options);
  if (E.isLeft(result)) throw new Error(result.left.message);
  const seconds = (performance.now() - started) / 1000;
  // Predictions run on the js backend, where the data is.
  return { ...result.right, parameters: dictionaryToBackend(result.right.parameters, jsBackend), seconds };
};

const parameterGap = (a: Parameters, b: Parameters): number =>
  Math.max(
    ...Object.keys(a).map((key) => {
      const [x, y] = [a[key as keyof Parameters], b[key as keyof Parameters]];
      return x === undefined || y === undefined ? Number.POSITIVE_INFINITY : normRelativeDifference(x, y);
    }),
  );

const wasm = await createWasmBackend();
let failures = 0;
const check = (ok: boolean, what: string): void => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
};

for (const [name, fixture] of [
  ["coursera-L-layer", loadCourseraLLayer()],
  ["coursera-two-layer", loadCourseraTwoLayer()],
] as const) {
  const runs = { primal: train(fixture, "primal", wasm), dual: train(fixture, "dual", jsBackend) };
  for (const [plan, run] of Object.entries(runs)) {
    const worst = Math.max(...run.costs.map((c, i) => Math.abs(c - (fixture.costs[i] ?? Number.NaN))));
    const trainAccuracy = E.map((p: { accuracy?: number }) => p.accuracy)(
      predict(data.train_x, data.train_y, run.parameters),
    );
    const test = predict(data.test_x, data.test_y, run.parameters);
    const testAccuracy = E.map((p: { accuracy?: number }) => p.accuracy)(test);
    const predictions = E.isRight(test) ? Array.from(test.right.predictions.data) : [];
    check(
      run.costs.length === fixture.costs.length && worst <= 1e-9,
      `${name} ${plan} (${plan === "primal" ? "wasm" : "js"} backend): every cost within 1e-9 (worst ${worst.toExponential(2)}), ${run.seconds.toFixed(1)} s`,
    );
    check(
      E.isRight(trainAccuracy) && trainAccuracy.right === fixture.trainAccuracy,
      `${name} ${plan}: train accuracy ${JSON.stringify(trainAccuracy)}`,
    );
    check(
      E.isRight(testAccuracy) && testAccuracy.right === fixture.testAccuracy,
      `${name} ${plan}: test accuracy ${JSON.stringify(testAccuracy)}`,
    );
    check(
      JSON.stringify(predictions) === JSON.stringify(fixture.testPredictions),
      `${name} ${plan}: test predictions`,
    );
  }
  const gap = parameterGap(runs.primal.parameters, runs.dual.parameters);
  check(
    gap <= 1e-9,
    `${name}: dual and primal final parameters within relative 1e-9 of each matrix's scale (worst ${gap.toExponential(2)})`,
  );
}
wasm.dispose();
console.log(failures === 0 ? "parity: all checks passed" : `parity: ${failures} check(s) failed`);
process.exitCode = failures === 0 ? 0 : 1;
