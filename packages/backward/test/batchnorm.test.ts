import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { softmax } from "@stepwise/activation-softmax";
import { tanh } from "@stepwise/activation-tanh";
import { bias, weight } from "@stepwise/core";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import {
  type BatchNormNetworkSpec,
  type BatchNormParameters,
  betaOf,
  gammaOf,
  initialize_batchnorm_parameters,
  initialize_running_stats,
  L_model_forward,
  L_model_forward_bn,
  linear_bn_activation_forward,
} from "@stepwise/forward-cache";
import { equals, type Matrix, multiply } from "@stepwise/tensor";
import { courseTestCase, loadTorchBatchNormCases } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it, vi } from "vitest";
import {
  type BatchNormGrads,
  batchnorm_backward,
  dictionary_to_vector,
  GRADIENT_CHECK_THRESHOLD,
  gradient_check_n,
  gradients_to_vector,
  L_model_backward,
  L_model_backward_bn,
  linear_bn_activation_backward,
  vector_to_dictionary,
} from "../src/index.js";
import { matrix, unwrap } from "./helpers.js";

const spec: BatchNormNetworkSpec = { hidden: relu, output: sigmoid, batchNorm: { eps: 1e-5 } };

const backwardOf = (
  X: Matrix,
  Y: Matrix,
  parameters: BatchNormParameters,
  s: BatchNormNetworkSpec = spec,
  options = {},
): BatchNormGrads => {
  const [AL, caches] = unwrap(L_model_forward_bn(X, parameters, initialize_running_stats(parameters), s));
  return unwrap(L_model_backward_bn(AL, Y, caches, options));
};

// The first network of torch-optim-bn.json: [6, 5, 4, 1], 16 examples, ReLU hidden layers with batch norm.
const [fixture] = loadTorchBatchNormCases();
if (fixture === undefined) throw new Error("torch-optim-bn.json has no batch_norm case");
const fixtureParameters = fixture.initialParameters as BatchNormParameters;

describe("gradient_check_n over a batch-norm network", () => {
  it("covers gamma_l and beta_l and passes under the course's 2e-7", () => {
    const grads = backwardOf(fixture.X, fixture.Y, fixtureParameters);
    const [theta, keys] = dictionary_to_vector(fixtureParameters);
    expect(new Set(keys)).toEqual(new Set(Object.keys(fixtureParameters)));
    expect(theta.rows).toBe(5 * 6 + 5 + 5 + 5 + 4 * 5 + 4 + 4 + 4 + 4 + 1);
    const difference = unwrap(
      gradient_check_n(fixtureParameters, grads, fixture.X, fixture.Y, 1e-7, false, { spec }),
    );
    expect(difference).toBeLessThan(GRADIENT_CHECK_THRESHOLD);
  });

  it("fails when dgamma has a bug (dgamma1 doubled, or dgamma2 missing its 1/m)", () => {
    const correct = backwardOf(fixture.X, fixture.Y, fixtureParameters);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    for (const buggy of [
      { ...correct, dgamma1: multiply(correct["dgamma1"] as Matrix, 2) },
      { ...correct, dgamma2: multiply(correct["dgamma2"] as Matrix, fixture.X.cols) },
    ]) {
      const difference = unwrap(
        gradient_check_n(fixtureParameters, buggy, fixture.X, fixture.Y, 1e-7, true, { spec }),
      );
      expect(difference).toBeGreaterThan(GRADIENT_CHECK_THRESHOLD);
      expect(log).toHaveBeenLastCalledWith(
        `There is a mistake in the backward propagation! difference = ${difference}`,
      );
    }
    log.mockRestore();
  });

  it("passes for tanh hidden layers, a softmax output, cross-entropy and L2", () => {
    const { X, parameters } = courseTestCase(3, 6, [4, 5, 3, 3]);
    const Y = matrix([
      [1, 0, 0, 1, 0, 0],
      [0, 1, 0, 0, 1, 0],
      [0, 0, 1, 0, 0, 1],
    ]);
    const p = initialize_batchnorm_parameters(parameters);
    const s: BatchNormNetworkSpec = { hidden: tanh, output: softmax, batchNorm: { eps: 1e-3 } };
    const options = { cost: categorical_cross_entropy, lambd: 0.2 };
    const grads = backwardOf(X, Y, p, s, options);
    expect(unwrap(gradient_check_n(p, grads, X, Y, 1e-7, false, { spec: s, ...options }))).toBeLessThan(
      GRADIENT_CHECK_THRESHOLD,
    );
    // Without the L2 term in the gradients the check must notice.
    const withoutL2 = backwardOf(X, Y, p, s, { cost: categorical_cross_entropy });
    expect(
      unwrap(gradient_check_n(p, withoutL2, X, Y, 1e-7, false, { spec: s, ...options })),
    ).toBeGreaterThan(GRADIENT_CHECK_THRESHOLD);
  });

  it("vector_to_dictionary inverts dictionary_to_vector with batch norm; gradients stack in the same order", () => {
    const [theta, keys] = dictionary_to_vector(fixtureParameters);
    expect(keys.slice(35, 46)).toEqual([
      ...Array<string>(5).fill("gamma1"),
      ...Array<string>(5).fill("beta1"),
      "W2",
    ]);
    const back = vector_to_dictionary(theta, fixture.layers, true);
    for (const [key, m] of Object.entries(fixtureParameters))
      expect(equals(back[key as keyof BatchNormParameters] as Matrix, m as Matrix), key).toBe(true);
    const grads = backwardOf(fixture.X, fixture.Y, fixtureParameters);
    const vector = gradients_to_vector(grads, 3, true);
    expect(vector.data[35]).toBe(grads["dgamma1"]?.data[0]);
    expect(vector.data[40]).toBe(grads["dbeta1"]?.data[0]);
  });
});

describe("batchnorm_backward and linear_bn_activation_backward", () => {
  const { X, parameters } = courseTestCase(5, 7, [3, 4, 1]);
  const p = {
    ...parameters,
    gamma1: matrix([[1.5], [0.5], [-1], [2]]),
    beta1: matrix([[0.1], [0], [-0.2], [0.3]]),
  };

  it("dbeta is the mean of dZ̃ and dgamma the mean of dZ̃ ⊙ Z_norm; dZ sums to zero over the batch", () => {
    const [A, cache] = linear_bn_activation_forward(
      X,
      weight(p, 1),
      bias(p, 1),
      gammaOf(p, 1),
      betaOf(p, 1),
      tanh,
    );
    const dZ_tilde = multiply(A, 0.5);
    const [dZ, dgamma, dbeta] = batchnorm_backward(dZ_tilde, cache.batchnorm_cache);
    for (let i = 0; i < 4; i++) {
      let sumDZ = 0;
      let sumDbeta = 0;
      let sumDgamma = 0;
      for (let j = 0; j < 7; j++) {
        sumDZ += dZ.data[i * 7 + j] as number;
        sumDbeta += dZ_tilde.data[i * 7 + j] as number;
        sumDgamma +=
          (dZ_tilde.data[i * 7 + j] as number) * (cache.batchnorm_cache.Z_norm.data[i * 7 + j] as number);
      }
      // The batch mean is subtracted, so shifting every Z of a unit by the same amount changes nothing.
      expect(Math.abs(sumDZ)).toBeLessThan(1e-14);
      expect(dbeta.data[i]).toBeCloseTo(sumDbeta / 7, 15);
      expect(dgamma.data[i]).toBeCloseTo(sumDgamma / 7, 15);
    }
  });

  it("linear_bn_activation_backward is one layer of L_model_backward_bn", () => {
    const Y = matrix([[1, 0, 1, 1, 0, 0, 1]]);
    const [AL, caches] = unwrap(L_model_forward_bn(X, p, initialize_running_stats(p), spec));
    const grads = unwrap(L_model_backward_bn(AL, Y, caches));
    const dA1 = grads["dA1"] as Matrix;
    const [dA0, dW1, db1, dgamma1, dbeta1] = linear_bn_activation_backward(
      dA1,
      caches[0] as Parameters<typeof linear_bn_activation_backward>[1],
    );
    expect(equals(dW1, grads["dW1"] as Matrix)).toBe(true);
    expect(equals(db1, grads["db1"] as Matrix)).toBe(true);
    expect(equals(dgamma1, grads["dgamma1"] as Matrix)).toBe(true);
    expect(equals(dbeta1, grads["dbeta1"] as Matrix)).toBe(true);
    expect(grads["dA0"]).toBeUndefined();
    expect(equals(dA0, unwrap(L_model_backward_bn(AL, Y, caches, { dA0: true }))["dA0"] as Matrix)).toBe(
      true,
    );
  });

  it("dZ1_instead_of_dW1 hands back the gradient of W1·X + b1, before the normalization", () => {
    const Y = matrix([[1, 0, 1, 1, 0, 0, 1]]);
    const [AL, caches] = unwrap(L_model_forward_bn(X, p, initialize_running_stats(p), spec));
    const full = unwrap(L_model_backward_bn(AL, Y, caches));
    const dual = unwrap(L_model_backward_bn(AL, Y, caches, { dZ1_instead_of_dW1: true }));
    expect(dual["dW1"]).toBeUndefined();
    const dZ1 = dual["dZ1"] as Matrix;
    // dW1 = dZ1·Xᵀ / m
    for (let i = 0; i < 4; i++)
      for (let k = 0; k < 3; k++) {
        let s = 0;
        for (let j = 0; j < 7; j++) s += (dZ1.data[i * 7 + j] as number) * (X.data[k * 7 + j] as number);
        expect(s / 7).toBeCloseTo(full["dW1"]?.data[i * 3 + k] as number, 15);
      }
    expect(equals(dual["dgamma1"] as Matrix, full["dgamma1"] as Matrix)).toBe(true);
  });

  it("refuses caches without batch norm on a hidden layer", () => {
    const Y = matrix([[1, 0, 1, 1, 0, 0, 1]]);
    const [AL, caches] = unwrap(L_model_forward(X, parameters));
    expect(L_model_backward_bn(AL, Y, caches)).toEqual(
      E.left({
        _tag: "ShapeError",
        message:
          "L_model_backward_bn: layer 1's cache has no batch norm; pass the caches L_model_forward_bn returned",
      }),
    );
    // …while the plain backward pass still serves plain caches.
    expect(unwrap(L_model_backward(AL, Y, caches))["dW1"]).toBeDefined();
  });
});
