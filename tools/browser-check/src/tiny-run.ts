import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { L_layer_model } from "@stepwise/model";
import { randn, seedOrThrow } from "@stepwise/random";
import { type Backend, type Matrix, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/**
 * A tiny network trained for a few iterations: the same run in Node and in the page, so their costs can
 * be compared. Large enough that W1·X (32 × 256 × 192 ≈ 1.6 M multiply-adds) runs on the backend's
 * worker threads, small enough to take a moment.
 */
export const TINY_RUN = {
  layers: [256, 32, 8, 1],
  examples: 192,
  iterations: 6,
  learning_rate: 0.05,
} as const;

/** X: standard normals (seed 3); Y: whether the first three features sum to more than 0. */
export const tinyData = (): { readonly X: Matrix; readonly Y: Matrix } => {
  const n = TINY_RUN.layers[0];
  const m = TINY_RUN.examples;
  const [X] = randn(n, m)(seedOrThrow(3));
  const Y = unsafeMatrix(
    1,
    m,
    Float64Array.from({ length: m }, (_, j) =>
      (X.data[j] as number) + (X.data[m + j] as number) + (X.data[2 * m + j] as number) > 0 ? 1 : 0,
    ),
  );
  return { X, Y };
};

/** Trains the tiny network on `backend` (primal plan: every product goes to it). */
export const tinyRun = (backend: Backend): ReadonlyArray<number> => {
  const { X, Y } = tinyData();
  const result = L_layer_model(X, Y, TINY_RUN.layers, {
    backend,
    num_iterations: TINY_RUN.iterations,
    learning_rate: TINY_RUN.learning_rate,
    spec: { hidden: relu, output: sigmoid },
    plan: "primal",
  });
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right.costs;
};
