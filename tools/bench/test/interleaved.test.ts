import { initialize_parameters_deep } from "@stepwise/init";
import { L_layer_model, L_layer_model_async, type PlanChoice } from "@stepwise/model";
import { seed } from "@stepwise/random";
import { type Backend, jsBackend, toBackend } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { beforeAll, describe, expect, it } from "vitest";
import { type CatData, COURSE_LAYERS, loadCat } from "../src/course-run.js";
import { useWasmBackend } from "./helpers.js";

const wasm = useWasmBackend();
let data: CatData;
beforeAll(async () => {
  data = await loadCat();
});

const ITERATIONS = 4;

const options = (plan: PlanChoice) => {
  const initialized = E.flatMap(seed(1), (rng) => initialize_parameters_deep(COURSE_LAYERS, rng));
  return { learning_rate: 0.0075, num_iterations: ITERATIONS, plan, init: () => initialized, sliceMs: 0 };
};

/** The course's run with X and Y moved to `backend` first: the run trains where its data is. */
const solo = (backend: Backend, plan: PlanChoice): ReadonlyArray<number> => {
  const result = L_layer_model(
    toBackend(data.train_x, backend),
    toBackend(data.train_y, backend),
    COURSE_LAYERS,
    options(plan),
  );
  if (E.isLeft(result)) throw new Error(result.left.message);
  expect(result.right.parameters["W1"]?.backend).toBe(backend);
  return result.right.costs;
};

const together = async (backend: Backend, plan: PlanChoice): Promise<ReadonlyArray<number>> => {
  const result = await L_layer_model_async(data.train_x, data.train_y, COURSE_LAYERS, {
    ...options(plan),
    backend,
  });
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right.costs;
};

describe("two trainings in one process, on two backends, interleaved", () => {
  it("each gives exactly its solo costs, awaiting between every iteration", async () => {
    const soloJs = solo(jsBackend, "primal");
    const soloWasm = solo(wasm(), "primal");
    const soloWasmDual = solo(wasm(), "dual");
    // Three runs at once: every iteration of each yields to the others (sliceMs 0).
    const [js, w, dual] = await Promise.all([
      together(jsBackend, "primal"),
      together(wasm(), "primal"),
      together(wasm(), "dual"),
    ]);
    expect(js).toHaveLength(ITERATIONS);
    expect(js).toEqual(soloJs);
    expect(w).toEqual(soloWasm);
    expect(dual).toEqual(soloWasmDual);
  }, 300_000);
});
