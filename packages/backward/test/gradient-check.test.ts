import { relu } from "@stepwise/activation-relu";
import { softmax } from "@stepwise/activation-softmax";
import { tanh } from "@stepwise/activation-tanh";
import { bias, fromLayers, type Grads, type Parameters, weight } from "@stepwise/core";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import { L_model_forward } from "@stepwise/forward-cache";
import { equals, type Matrix, multiply, orThrow } from "@stepwise/tensor";
import { courseTestCase, draws } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it, vi } from "vitest";
import {
  dictionary_to_vector,
  GRADIENT_CHECK_THRESHOLD,
  gradient_check_n,
  gradients_to_vector,
  L_model_backward,
  vector_to_dictionary,
} from "../src/index.js";
import { matrix, unwrap } from "./helpers.js";

// Course 2 Gradient Checking notebook, gradient_check_n_test_case: np.random.seed(1), then x (4, 3),
// W1 (5, 4), b1, W2 (3, 5), b2, W3 (1, 3), b3; y = [1, 1, 0]; LINEAR→RELU→LINEAR→RELU→LINEAR→SIGMOID.
const { X: x, parameters } = courseTestCase(1, 3, [4, 5, 3, 1]);
const [W1, b1] = [weight(parameters, 1), bias(parameters, 1)];
const y = matrix([[1, 1, 0]]);
const backward = (p: Parameters): Grads => {
  const [AL, caches] = unwrap(L_model_forward(x, p));
  return orThrow(L_model_backward(AL, y, caches));
};

describe("gradient_check_n", () => {
  it("passes a correct backward pass (the notebook prints difference ≈ 1.189e-07)", () => {
    const difference = orThrow(gradient_check_n(parameters, backward(parameters), x, y));
    // numpy on this machine gives 1.1890913024643007e-07 with the course's own cost expression; ours sums in
    // a different order, which moves the finite differences in their last digits: 1 % tolerance.
    expect(difference).toBeLessThan(GRADIENT_CHECK_THRESHOLD);
    expect(Math.abs(difference - 1.1890913024643007e-7)).toBeLessThan(0.01 * 1.189e-7);
  });

  it("catches the notebook's deliberate bugs (dW2 doubled, db1 quadrupled): difference = 0.2850931567761624", () => {
    const correct = backward(parameters);
    const buggy: Grads = {
      ...correct,
      dW2: multiply(correct["dW2"] as Matrix, 2),
      db1: multiply(correct["db1"] as Matrix, 4),
    };
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const difference = orThrow(gradient_check_n(parameters, buggy, x, y, 1e-7, true));
    expect(Math.abs(difference - 0.2850931567761624)).toBeLessThan(1e-6 * 0.285);
    expect(log).toHaveBeenCalledWith(
      `There is a mistake in the backward propagation! difference = ${difference}`,
    );
    log.mockRestore();
  });

  it("works for other activations and costs, with L2", () => {
    const [X, V1, c1, V2, c2] = draws(7, [3, 4], [5, 3], [5, 1], [3, 5], [3, 1]) as [
      Matrix,
      Matrix,
      Matrix,
      Matrix,
      Matrix,
    ];
    const Y = matrix([
      [1, 0, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
    const p = fromLayers([
      [V1, c1],
      [V2, c2],
    ]);
    const spec = { hidden: tanh, output: softmax };
    const [AL, caches] = unwrap(L_model_forward(X, p, spec));
    const grads = orThrow(L_model_backward(AL, Y, caches, { cost: categorical_cross_entropy, lambd: 0.3 }));
    const difference = orThrow(
      gradient_check_n(p, grads, X, Y, 1e-7, false, {
        spec,
        cost: categorical_cross_entropy,
        lambd: 0.3,
      }),
    );
    expect(difference).toBeLessThan(GRADIENT_CHECK_THRESHOLD);
    const withoutL2 = orThrow(L_model_backward(AL, Y, caches, { cost: categorical_cross_entropy }));
    expect(
      orThrow(
        gradient_check_n(p, withoutL2, X, Y, 1e-7, false, {
          spec,
          cost: categorical_cross_entropy,
          lambd: 0.3,
        }),
      ),
    ).toBeGreaterThan(GRADIENT_CHECK_THRESHOLD);
  });

  it("rejects parameters that do not fit X", () => {
    const result = gradient_check_n(parameters, backward(parameters), matrix([[1, 2, 3]]), y);
    expect(E.isLeft(result) && result.left.message).toContain(
      "gradient_check_n: X is (1, 3) but W1 is (5, 4); X needs one row per input feature (4)",
    );
  });
});

describe("dictionary_to_vector and its inverse", () => {
  it("stacks W1, b1, W2, … row-major and records the keys", () => {
    const [theta, keys] = dictionary_to_vector(parameters);
    expect(theta.rows).toBe(5 * 4 + 5 + 3 * 5 + 3 + 3 + 1);
    expect(theta.data[0]).toBe(W1.data[0]);
    expect(theta.data[20]).toBe(b1.data[0]);
    expect(keys.slice(19, 21)).toEqual(["W1", "b1"]);
  });
  it("vector_to_dictionary(dictionary_to_vector(p)) = p", () => {
    const [theta] = dictionary_to_vector(parameters);
    const back = vector_to_dictionary(theta, [4, 5, 3, 1]);
    for (const key of ["W1", "b1", "W2", "b2", "W3", "b3"] as const)
      expect(equals(back[key] as Matrix, parameters[key] as Matrix)).toBe(true);
    expect(() => vector_to_dictionary(theta, [4, 5, 1])).toThrow(
      "vector_to_dictionary: theta has 47 entries",
    );
  });
  it("gradients_to_vector follows the same order", () => {
    const grads = backward(parameters);
    const vector = gradients_to_vector(grads, 3);
    expect(vector.data[0]).toBe(grads["dW1"]?.data[0]);
    expect(vector.rows).toBe(47);
  });
});

describe("relu at its kink", () => {
  it("is the course's choice (derivative 0 at z = 0)", () => {
    const [A, cache] = relu.forward(matrix([[0, 1]]));
    expect(Array.from(relu.backward(matrix([[5, 5]]), cache).data)).toEqual([0, 5]);
    expect(Array.from(A.data)).toEqual([0, 1]);
  });
});
