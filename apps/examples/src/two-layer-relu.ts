/**
 * Example `two-layer-relu`: the notes' one-example network, trained by hand for ten steps.
 *
 *   x = [0.5, 0.8, 0.2] → affine (W1, b1) → ReLU → affine (W2, b2) → ReLU → ŷ,   loss = ½(ŷ − y)², y = 1
 *
 * Nothing here is written specially for the example: the forward pass is the course's `L_model_forward`
 * with ReLU as both the hidden AND the output activation, the loss is the `mse` cost plugin (½ Σ (a − y)²
 * per example, the notes' loss), the gradients are `L_model_backward`'s, and each step is the course's
 * `update_parameters` with lr 0.1. The results are the notes' numbers exactly (===), including the float64
 * noise: z1 = 0.7999999999999999, ŷ = 0.6999999999999997, loss = 0.04500000000000008.
 *
 * Layout: the notes put examples in ROWS (z = x·W + b, x is 1 × 3, W1 is 3 × 2); the course puts them in
 * COLUMNS (Z = W·X + b, X is 3 × 1, W1 is 2 × 3). The network is the same with every matrix transposed,
 * so we transpose the notes' matrices going in and the results coming out. With one example and these
 * shapes every dot product adds its terms in the notes' order, which is why the numbers agree exactly.
 *
 * Run: pnpm example two-layer-relu
 */
import { relu } from "@stepwise/activation-relu";
import { L_model_backward } from "@stepwise/backward";
import { bias, fromLayers, type Parameters, weight } from "@stepwise/core";
import { mse } from "@stepwise/cost-mse";
import { L_model_forward, type NetworkSpec } from "@stepwise/forward-cache";
import { update_parameters } from "@stepwise/optimizer";
import { fromArray, type Matrix, transpose } from "@stepwise/tensor";
import { orThrow, py, runIfMain, show } from "./run.js";

type Rows = ReadonlyArray<ReadonlyArray<number>>;

/** The notes' network and example, rows as examples, exactly as the notes write them. */
export const NOTES_NETWORK = {
  x: [[0.5, 0.8, 0.2]],
  y: [[1.0]],
  W1: [
    [1.0, -1.0],
    [0.0, 2.0],
    [1.0, 0.5],
  ],
  b1: [[0.1, 0.2]],
  W2: [[2.0], [-1.0]],
  b2: [[0.5]],
  lr: 0.1,
} as const satisfies Readonly<Record<string, Rows | number>>;

/** ReLU after both layers, as in the notes (the course's default output would be a sigmoid). */
export const RELU_RELU: NetworkSpec = { hidden: relu, output: relu };

/** A notes-layout (rows as examples) matrix in the course's layout: its transpose. */
const course = (rows: Rows): Matrix => transpose(orThrow(fromArray(rows)));

/** The course's parameters (W1 is 2 × 3) from the notes' (W1 is 3 × 2). */
export const course_parameters = (n: typeof NOTES_NETWORK): Parameters =>
  fromLayers([
    [course(n.W1), course(n.b1)],
    [course(n.W2), course(n.b2)],
  ]);

/** The notes' four matrices, rows as examples, from the course's parameters. */
export interface NotesParameters {
  readonly W1: Matrix;
  readonly b1: Matrix;
  readonly W2: Matrix;
  readonly b2: Matrix;
}

const notes_parameters = (p: Parameters): NotesParameters => ({
  W1: transpose(weight(p, 1)),
  b1: transpose(bias(p, 1)),
  W2: transpose(weight(p, 2)),
  b2: transpose(bias(p, 2)),
});

/** One training step's numbers, rows as examples like the notes. */
export interface FirstStep {
  readonly z1: Matrix;
  readonly a1: Matrix;
  readonly z2: Matrix;
  readonly y_pred: Matrix;
  readonly loss: number;
  readonly dW1: Matrix;
  readonly db1: Matrix;
  readonly dW2: Matrix;
  readonly db2: Matrix;
}

export interface TwoLayerReluResult {
  readonly first: FirstStep;
  /** The parameters after one step of gradient descent. */
  readonly after_one_update: NotesParameters;
  /** ŷ and the loss before each of the steps. */
  readonly trajectory: ReadonlyArray<{ readonly y_pred: number; readonly loss: number }>;
  /** The parameters after all the steps. */
  readonly final: NotesParameters;
}

/** One gradient-descent step with the course's functions: forward, cost, backward, update. */
const step = (X: Matrix, Y: Matrix, parameters: Parameters, learning_rate: number) => {
  const [AL, caches] = orThrow(L_model_forward(X, parameters, RELU_RELU));
  const loss = mse.compute_cost(AL, Y);
  const grads = orThrow(L_model_backward(AL, Y, caches, { cost: mse }));
  return { AL, caches, loss, grads, next: orThrow(update_parameters(parameters, grads, learning_rate)) };
};

/** Trains the notes' network on its one example for `steps` steps of gradient descent. */
export const two_layer_relu_example = (steps = 10, network = NOTES_NETWORK): TwoLayerReluResult => {
  const X = course(network.x);
  const Y = course(network.y);
  let parameters = course_parameters(network);
  const trajectory: Array<{ y_pred: number; loss: number }> = [];
  let first: FirstStep | undefined;
  let after_one_update: NotesParameters | undefined;
  for (let i = 0; i < steps; i++) {
    const { AL, caches, loss, grads, next } = step(X, Y, parameters, network.lr);
    trajectory.push({ y_pred: AL.data[0] as number, loss });
    if (i === 0) {
      const [hidden, output] = caches;
      if (hidden === undefined || output === undefined) throw new Error("expected two layers of caches");
      const g = (key: "dW1" | "db1" | "dW2" | "db2"): Matrix => {
        const m = grads[key];
        if (m === undefined) throw new Error(`L_model_backward returned no ${key}`);
        return transpose(m);
      };
      first = {
        z1: transpose(hidden.activation_cache.Z),
        a1: transpose(hidden.activation_cache.A),
        z2: transpose(output.activation_cache.Z),
        y_pred: transpose(AL),
        loss,
        dW1: g("dW1"),
        db1: g("db1"),
        dW2: g("dW2"),
        db2: g("db2"),
      };
      after_one_update = notes_parameters(next);
    }
    parameters = next;
  }
  if (first === undefined || after_one_update === undefined) throw new Error("steps must be at least 1");
  return { first, after_one_update, trajectory, final: notes_parameters(parameters) };
};

export const main = (): void => {
  const { first, after_one_update, trajectory } = two_layer_relu_example();
  console.log("forward");
  console.log("  z1 =", show(first.z1)); // [[0.7999999999999999, 1.4000000000000001]]
  console.log("  a1 =", show(first.a1)); // the same: both units are active
  console.log("  z2 =", show(first.z2)); // [[0.6999999999999997]]
  console.log("  y_pred =", show(first.y_pred));
  console.log("  loss =", py(first.loss)); // 0.04500000000000008
  console.log("backward");
  console.log("  dW2 =", show(first.dW2)); // [[-0.24000000000000019], [-0.42000000000000043]]
  console.log("  db2 =", show(first.db2)); // [[-0.30000000000000027]]
  console.log("  dW1 =", show(first.dW1));
  console.log("  db1 =", show(first.db1)); // [[-0.6000000000000005, 0.30000000000000027]]
  console.log("after one update (lr 0.1)");
  for (const [key, m] of Object.entries(after_one_update)) console.log(`  ${key} =`, show(m));
  console.log("ten steps");
  trajectory.forEach(({ y_pred, loss }, i) => {
    console.log(`  step ${i + 1}: y_pred = ${py(y_pred)}, loss = ${py(loss)}`);
  });
};

runIfMain(import.meta.url, main);
