import { identity } from "@stepwise/activation-identity";
import { leaky_relu } from "@stepwise/activation-leaky-relu";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { softmax } from "@stepwise/activation-softmax";
import { tanh } from "@stepwise/activation-tanh";
import { type Activation, type Cost, fromLayers, type GradKey, type Parameters } from "@stepwise/core";
import { compute_cost_with_regularization } from "@stepwise/cost";
import { binary_cross_entropy, binary_cross_entropy_nansum } from "@stepwise/cost-binary-cross-entropy";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import { mse } from "@stepwise/cost-mse";
import { L_model_forward, L_model_forward_with_dropout, type LayerCache } from "@stepwise/forward-cache";
import { update_parameters } from "@stepwise/optimizer";
import { seedOrThrow } from "@stepwise/random";
import { type Matrix, orThrow, transpose, unsafeMatrix } from "@stepwise/tensor";
import { courseTestCase, draws } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { L_model_backward } from "../src/index.js";
import { expectClose, matrix, readFixture, unwrap } from "./helpers.js";

type Nested = number[][];
interface TorchCase {
  readonly name: string;
  readonly hidden_activation: string;
  readonly output_activation: string;
  readonly cost: string;
  readonly lambd: number;
  readonly X: Nested;
  readonly Y: Nested;
  readonly parameters: Record<string, Nested>;
  readonly AL: Nested;
  readonly J: number;
  readonly grads: Record<string, Nested>;
}

const activations: Record<string, Activation> = { relu, tanh, leaky_relu, sigmoid, identity, softmax };
const costs: Record<string, Cost> = { bce: binary_cross_entropy, mse, ce: categorical_cross_entropy };

describe("torch-gradients.json: PyTorch autograd in float64, relative 1e-10", () => {
  const { cases } = readFixture<{ cases: TorchCase[] }>("torch-gradients.json");
  // Every case in the file is checked below; this only guards against an empty (vacuous) run.
  it("has cases", () => expect(cases.length).toBeGreaterThan(0));
  describe.each(cases)("$name", (c) => {
    const spec = {
      hidden: activations[c.hidden_activation] as Activation,
      output: activations[c.output_activation] as Activation,
    };
    const cost = costs[c.cost] as Cost;
    const parameters: Parameters = Object.fromEntries(
      Object.entries(c.parameters).map(([k, v]) => [k, matrix(v)]),
    );
    const X = matrix(c.X);
    const Y = matrix(c.Y);
    const [AL, caches] = unwrap(L_model_forward(X, parameters, spec));
    it("AL and J", () => {
      expectClose(AL, c.AL, 1e-10);
      const J = orThrow(compute_cost_with_regularization(AL, Y, parameters, c.lambd, cost));
      expect(Math.abs(J - c.J)).toBeLessThanOrEqual(1e-10 * Math.abs(c.J));
    });
    it("every dW_l and db_l", () => {
      const grads = orThrow(L_model_backward(AL, Y, caches, { cost, lambd: c.lambd }));
      for (const [key, expected] of Object.entries(c.grads))
        expectClose(grads[key as GradKey], expected, 1e-10, 1e-15);
      expect(grads["dA0"]).toBeUndefined();
    });
  });
});

describe("L_model_backward (L_model_backward_test_case, seed 3)", () => {
  // The course draws AL, A1, W1, b1, Z1, A2, W2, b2, Z2 and builds the caches by hand; so do we.
  const [AL, A1, W1, b1, Z1, A2, W2, b2, Z2] = draws(
    3,
    [1, 2],
    [4, 2],
    [3, 4],
    [3, 1],
    [3, 2],
    [3, 2],
    [1, 3],
    [1, 1],
    [1, 2],
  ) as Matrix[] as [Matrix, Matrix, Matrix, Matrix, Matrix, Matrix, Matrix, Matrix, Matrix];
  const layer = (A_prev: Matrix, W: Matrix, b: Matrix, Z: Matrix, activation: Activation): LayerCache => ({
    linear_cache: { A_prev, W, b },
    activation_cache: { Z, A: activation.forward(Z)[0] },
    activation,
  });
  const caches = [layer(A1, W1, b1, Z1, relu), layer(A2, W2, b2, Z2, sigmoid)];
  const Y = matrix([[1, 0]]);
  it("dW1, db1, dA1 as the notebook prints them", () => {
    const grads = orThrow(L_model_backward(AL, Y, caches));
    expectClose(
      grads["dW1"],
      [
        [0.4101000205028755, 0.07807203345047609, 0.13798443640617922, 0.10502167445111507],
        [0, 0, 0, 0],
        [0.052836517520190085, 0.01005865436969424, 0.0177776560038907, 0.01353079557355724],
      ],
      1e-12,
    );
    expectClose(grads["db1"], [[-0.22007063390291245], [0], [-0.028353487740947435]], 1e-12);
    expectClose(
      grads["dA1"],
      [
        [0.1291316175545915, -0.4401412678058249],
        [-0.1417565465329586, 0.48317296176062136],
        [0.016637075426056504, -0.05670697548189487],
      ],
      1e-12,
    );
  });
  it("computes dA0 only when asked", () => {
    expect(orThrow(L_model_backward(AL, Y, caches))["dA0"]).toBeUndefined();
    const dA0 = orThrow(L_model_backward(AL, Y, caches, { dA0: true }))["dA0"];
    expect(dA0?.rows).toBe(4);
  });
  it("says what is wrong, as a value: a Y that does not match AL, a negative lambd, no caches", () => {
    const message = (result: E.Either<{ message: string }, unknown>): string =>
      E.isLeft(result) ? result.left.message : "no error";
    expect(message(L_model_backward(AL, matrix([[1, 0, 1]]), caches))).toContain(
      "L_model_backward: AL is (1, 2) but Y is (1, 3)",
    );
    expect(message(L_model_backward(AL, Y, caches, { lambd: -1 }))).toContain(
      "L_model_backward: lambd is -1",
    );
    expect(message(L_model_backward(AL, Y, []))).toContain("L_model_backward: caches is empty");
  });
  it("refuses what would give NaN gradients: a label the cost does not take, a NaN in AL", () => {
    const message = (result: E.Either<{ message: string }, unknown>): string =>
      E.isLeft(result) ? result.left.message : "no error";
    expect(message(L_model_backward(AL, matrix([[1, 2]]), caches))).toBe(
      "L_model_backward: Y element (0, 1) is 2; binary_cross_entropy takes labels that are a number in [0, 1] (0 or 1, such as the course's non-cat and cat)",
    );
    const nan = unsafeMatrix(1, 2, Float64Array.of(Number.NaN, 0.5));
    expect(message(L_model_backward(nan, Y, caches))).toContain("L_model_backward: AL element (0, 0) is NaN");
  });
});

describe("dropout backward (Course 2 Regularization notebook, keep_prob 0.7, seed 1)", () => {
  // Numbers from numpy running the course's forward/backward_propagation_with_dropout on this case.
  const { X: x, parameters: p } = courseTestCase(1, 5, [3, 2, 3, 1]);
  const Y = matrix([[1, 1, 0, 1, 0]]);
  it("masks the gradients like the forward pass masked the activations", () => {
    const [AL, caches] = unwrap(L_model_forward_with_dropout(x, p, 0.7, seedOrThrow(1)));
    const grads = orThrow(L_model_backward(AL, Y, caches));
    expectClose(
      grads["dA1"],
      [
        [0.4441357888780379, 0, -0.032170012023319795, 0, -0.2605588879750435],
        [0.7962325875479344, 1.259498864666986, -0.057673379529903306, 0, -0.4671217289313121],
      ],
      1e-10,
    );
    expectClose(
      grads["dW1"],
      [
        [0.003398258324138651, 0.004897607030805892, 0.0020744330659279377],
        [-0.14800901170395053, 0.44829796211687245, -0.5152299989784986],
      ],
      1e-10,
    );
    expectClose(grads["dW3"], [[-1.6753041055393907, 0, 0]], 1e-10);
  });
});

describe("the notes' one-example two-layer ReLU network (seed-examples.json)", () => {
  interface Example {
    lr: number;
    x: Nested;
    y: Nested;
    W1: Nested;
    b1: Nested;
    W2: Nested;
    b2: Nested;
    first: Record<"z1" | "a1" | "y_pred" | "dW1" | "db1" | "dW2" | "db2", Nested> & { loss: number };
  }
  const ex = readFixture<{ two_layer_relu_example: Example }>("seed-examples.json").two_layer_relu_example;
  // The notes put examples in rows (z = x·W + b); the course puts them in columns, so transpose everything.
  const T = (rows: Nested): Matrix => transpose(matrix(rows));
  const parameters = fromLayers([
    [T(ex.W1), T(ex.b1)],
    [T(ex.W2), T(ex.b2)],
  ]);
  const spec = { hidden: relu, output: relu };
  it("forward: z1, a1, ŷ and the loss 0.04500000000000008", () => {
    const [AL, caches] = unwrap(L_model_forward(T(ex.x), parameters, spec));
    expect(transpose(caches[0]?.activation_cache.Z as Matrix).data).toStrictEqual(matrix(ex.first.z1).data);
    expect(transpose(caches[0]?.activation_cache.A as Matrix).data).toStrictEqual(matrix(ex.first.a1).data);
    expect(AL.data[0]).toBe(ex.first.y_pred[0]?.[0]);
    expect(mse.compute_cost(AL, T(ex.y))).toBe(ex.first.loss);
  });
  it("backward: every gradient, exactly", () => {
    const [AL, caches] = unwrap(L_model_forward(T(ex.x), parameters, spec));
    const grads = orThrow(L_model_backward(AL, T(ex.y), caches, { cost: mse }));
    for (const key of ["dW1", "db1", "dW2", "db2"] as const)
      expect(Array.from(transpose(grads[key] as Matrix).data), key).toEqual(
        matrix(ex.first[key]).data.length ? Array.from(matrix(ex.first[key]).data) : [],
      );
  });
  it("one update with update_parameters gives after_one_update, and ten steps give the notes' trajectory", () => {
    const fixture = readFixture<{
      two_layer_relu_example: {
        after_one_update: Record<"W1" | "b1" | "W2" | "b2", Nested>;
        ten_steps: ReadonlyArray<{ y_pred: number; loss: number }>;
      };
    }>("seed-examples.json").two_layer_relu_example;
    const X = T(ex.x);
    const Y = T(ex.y);
    let p = parameters;
    const trajectory: Array<{ y_pred: number; loss: number }> = [];
    for (let step = 0; step < 10; step++) {
      const [AL, caches] = unwrap(L_model_forward(X, p, spec));
      trajectory.push({ y_pred: AL.data[0] as number, loss: mse.compute_cost(AL, Y) });
      p = orThrow(update_parameters(p, orThrow(L_model_backward(AL, Y, caches, { cost: mse })), ex.lr));
      if (step === 0)
        for (const key of ["W1", "b1", "W2", "b2"] as const)
          expect(Array.from(transpose(p[key] as Matrix).data), key).toEqual(
            Array.from(matrix(fixture.after_one_update[key]).data),
          );
    }
    // The same float64 operations in the same order as numpy on one example: exact, step for step.
    expect(trajectory).toEqual(fixture.ten_steps);
  });
});

describe("a cost's closed-form dZL (Course 2's dz3 = a3 − Y)", () => {
  const parameters = fromLayers([
    [
      matrix([
        [40, -40],
        [3, 1],
      ]),
      matrix([[0], [0.5]]),
    ],
    [matrix([[2, -1]]), matrix([[0]])],
  ]);
  const X = matrix([
    [1, -1, 0.5],
    [0.2, 0.4, -0.3],
  ]);
  const spec = { hidden: relu, output: sigmoid };

  it("replaces dAL and the output's backward: dZL = AL − Y, so dW_L = (AL − Y)·A_{L−1}ᵀ / m", () => {
    const Y = matrix([[1, 0, 1]]);
    const [AL, caches] = unwrap(L_model_forward(X, parameters, spec));
    const grads = unwrap(L_model_backward(AL, Y, caches, { cost: binary_cross_entropy_nansum }));
    const A1 = caches[1]?.linear_cache.A_prev as Matrix;
    const dZ = Array.from(AL.data, (a, j) => a - (Y.data[j] as number));
    const expected = [0, 1].map((i) => dZ.reduce((s, d, j) => s + d * (A1.data[i * 3 + j] as number), 0) / 3);
    expectClose(grads["dW2"], [expected], 1e-15);
  });

  it("stays finite where a sigmoid saturates to exactly 1, where the chain rule through dAL is NaN", () => {
    const Y = matrix([[1, 0, 1]]);
    const big = fromLayers([
      [
        matrix([
          [40, -40],
          [3, 1],
        ]),
        matrix([[0], [0.5]]),
      ],
      [matrix([[100, -1]]), matrix([[0]])],
    ]);
    const [AL, caches] = unwrap(L_model_forward(X, big, spec));
    expect(AL.data[0]).toBe(1);
    const closed = unwrap(L_model_backward(AL, Y, caches, { cost: binary_cross_entropy_nansum }));
    const chained = unwrap(L_model_backward(AL, Y, caches, { cost: binary_cross_entropy }));
    expect(Array.from((closed["dW1"] as Matrix).data).every(Number.isFinite)).toBe(true);
    expect(Array.from((chained["dW2"] as Matrix).data).some(Number.isNaN)).toBe(true);
  });
});
