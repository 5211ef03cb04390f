import { loadCatvnoncat } from "@stepwise/data/node";
import { initialize_parameters_deep } from "@stepwise/init";
import { L_layer_model, type PlanChoice } from "@stepwise/model";
import { seed } from "@stepwise/random";
import type { Backend, Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/** The course's data: $STEPWISE_DATA_DIR, else the repository's datasets/catvnoncat. */
export const catvnoncatDir = (): string =>
  process.env["STEPWISE_DATA_DIR"] || new URL("../../../datasets/catvnoncat", import.meta.url).pathname;

export interface CatData {
  readonly train_x: Matrix;
  readonly train_y: Matrix;
}

export const loadCat = async (dir = catvnoncatDir()): Promise<CatData> => {
  const loaded = await loadCatvnoncat(dir);
  if (E.isLeft(loaded)) throw new Error(loaded.left.message);
  return loaded.right;
};

/** The course's L-layer model: [12288, 20, 7, 5, 1], learning rate 0.0075, seed 1. */
export const COURSE_LAYERS: ReadonlyArray<number> = [12288, 20, 7, 5, 1];

/**
 * Trains the course's L-layer model on `backend`; returns every cost and the seconds the training
 * took. Like ng_reference.py's `train_s`, the time starts after initialization: the same parameters
 * (seed 1's `initialize_parameters_deep`) are drawn first and handed to the run.
 */
export const trainCourse = (
  data: CatData,
  iterations: number,
  plan: PlanChoice,
  backend: Backend,
): { readonly costs: ReadonlyArray<number>; readonly seconds: number; readonly plan: string } => {
  const initialized = E.flatMap(seed(1), (rng) => initialize_parameters_deep(COURSE_LAYERS, rng));
  if (E.isLeft(initialized)) throw new Error(initialized.left.message);
  const started = performance.now();
  const result = L_layer_model(data.train_x, data.train_y, COURSE_LAYERS, {
    learning_rate: 0.0075,
    num_iterations: iterations,
    seed: 1,
    plan,
    backend,
    init: () => initialized,
  });
  if (E.isLeft(result)) throw new Error(result.left.message);
  return {
    costs: result.right.costs,
    seconds: (performance.now() - started) / 1000,
    plan: result.right.plan,
  };
};
