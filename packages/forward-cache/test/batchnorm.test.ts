import { identity } from "@stepwise/activation-identity";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { clone, equals, type Matrix } from "@stepwise/tensor";
import { courseTestCase, matrix } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import {
  type BatchNormNetworkSpec,
  type BatchNormParameters,
  batchnorm_forward,
  batchnorm_forward_inference,
  initialize_batchnorm_parameters,
  initialize_running_stats,
  L_model_forward_bn,
  L_model_forward_bn_inference,
  splitBatchNormParameters,
  update_running_stats,
  validateBatchNormParameters,
} from "../src/index.js";
import { leftMessage, unwrap } from "./helpers.js";

const Z = matrix([
  [1, 2, 3, 6],
  [-1, -1, 0, 2],
]);
const gamma = matrix([[2], [0.5]]);
const beta = matrix([[0.1], [-0.3]]);
const spec: BatchNormNetworkSpec = { hidden: relu, output: sigmoid, batchNorm: {} };

describe("batchnorm_forward", () => {
  it("normalizes each unit over the batch with the biased variance, then scales by γ and shifts by β", () => {
    const [Z_tilde, cache] = batchnorm_forward(Z, gamma, beta, 1e-5);
    // Row 0: mean 3, biased variance (4 + 1 + 0 + 9)/4 = 3.5; row 1: mean 0, variance (1 + 1 + 0 + 4)/4 = 1.5.
    expect(Array.from(cache.mu.data)).toEqual([3, 0]);
    expect(Array.from(cache.var.data)).toEqual([3.5, 1.5]);
    const expected = [
      [1, 2, 3, 6].map((z) => (2 * (z - 3)) / Math.sqrt(3.5 + 1e-5) + 0.1),
      [-1, -1, 0, 2].map((z) => (0.5 * z) / Math.sqrt(1.5 + 1e-5) - 0.3),
    ];
    Z_tilde.data.forEach((x, i) => {
      expect(x).toBeCloseTo(expected[Math.floor(i / 4)]?.[i % 4] as number, 14);
    });
  });

  it("does not touch its inputs", () => {
    const copies = [clone(Z), clone(gamma), clone(beta)];
    batchnorm_forward(Z, gamma, beta);
    expect([Z, gamma, beta].every((m, i) => equals(m, copies[i] as Matrix))).toBe(true);
  });

  it("in inference form with the batch's own mean and biased variance gives the training output", () => {
    const [Z_tilde, { mu, var: variance }] = batchnorm_forward(Z, gamma, beta);
    const inferred = batchnorm_forward_inference(Z, gamma, beta, mu, variance);
    inferred.data.forEach((x, i) => {
      expect(x).toBeCloseTo(Z_tilde.data[i] as number, 15);
    });
  });
});

describe("update_running_stats", () => {
  it("moves the running mean and the unbiased running variance by momentum, as PyTorch", () => {
    const [, cache] = batchnorm_forward(Z, gamma, beta);
    const [mu, variance] = update_running_stats(matrix([[0], [1]]), matrix([[1], [2]]), cache, 0.1);
    expect(mu.data[0]).toBeCloseTo(0.9 * 0 + 0.1 * 3, 15);
    expect(mu.data[1]).toBeCloseTo(0.9 * 1 + 0.1 * 0, 15);
    // Unbiased: 14/3 and 6/3.
    expect(variance.data[0]).toBeCloseTo(0.9 * 1 + (0.1 * 14) / 3, 15);
    expect(variance.data[1]).toBeCloseTo(0.9 * 2 + (0.1 * 6) / 3, 15);
  });

  it("refuses a batch of one example (no unbiased variance)", () => {
    const [, cache] = batchnorm_forward(matrix([[1], [2]]), gamma, beta);
    expect(() => update_running_stats(matrix([[0], [0]]), matrix([[1], [1]]), cache)).toThrow(
      "update_running_stats: the batch has 1 example",
    );
  });
});

describe("L_model_forward_bn", () => {
  const { X, parameters } = courseTestCase(2, 5, [3, 4, 2, 1]);
  const p = initialize_batchnorm_parameters(parameters);
  const running = initialize_running_stats(parameters);

  it("starts γ at 1, β at 0, the running mean at 0 and the running variance at 1 for hidden layers only", () => {
    expect(Object.keys(p).sort()).toEqual([
      "W1",
      "W2",
      "W3",
      "b1",
      "b2",
      "b3",
      "beta1",
      "beta2",
      "gamma1",
      "gamma2",
    ]);
    expect(Array.from(p["gamma2"]?.data ?? [])).toEqual([1, 1]);
    expect(Array.from(p["beta1"]?.data ?? [])).toEqual([0, 0, 0, 0]);
    expect(Object.keys(running).sort()).toEqual(["mu1", "mu2", "var1", "var2"]);
    expect(Array.from(running["var1"]?.data ?? [])).toEqual([1, 1, 1, 1]);
  });

  it("returns AL, a batch-norm cache per hidden layer and the advanced running statistics", () => {
    const [AL, caches, next] = unwrap(L_model_forward_bn(X, p, running, spec));
    expect([AL.rows, AL.cols]).toEqual([1, 5]);
    expect(caches.map((c) => c.batchnorm_cache !== undefined)).toEqual([true, true, false]);
    // One step from mean 0 / variance 1 with momentum 0.1.
    const cache1 = caches[0]?.batchnorm_cache;
    expect(next["mu1"]?.data[0]).toBeCloseTo(0.1 * (cache1?.mu.data[0] as number), 15);
    expect(next["var1"]?.data[0]).toBeCloseTo(0.9 + (0.1 * (cache1?.var.data[0] as number) * 5) / 4, 15);
    // The running statistics passed in are not changed.
    expect(Array.from(running["mu1"]?.data ?? [])).toEqual([0, 0, 0, 0]);
  });

  it("at prediction time uses the running statistics, so a single example is a valid batch", () => {
    const [, , next] = unwrap(L_model_forward_bn(X, p, running, spec));
    const all = unwrap(L_model_forward_bn_inference(X, p, next, spec));
    const one = unwrap(
      L_model_forward_bn_inference(
        matrix([[X.data[2] as number], [X.data[7] as number], [X.data[12] as number]]),
        p,
        next,
        spec,
      ),
    );
    expect(one.data[0]).toBe(all.data[2]);
    expect(leftMessage(L_model_forward_bn(matrix([[1], [2], [3]]), p, running, spec))).toContain(
      "L_model_forward_bn: X has 1 example; batch norm in training mode needs at least 2 per batch",
    );
  });

  it("says what is wrong with the dictionary, the running statistics or the options", () => {
    const [linear] = splitBatchNormParameters(p);
    expect(
      leftMessage(L_model_forward_bn(X, { ...linear, gamma1: p["gamma1"] as Matrix }, running, spec)),
    ).toBe(
      "L_model_forward_bn: parameters has no beta1; start from initialize_batchnorm_parameters(parameters)",
    );
    expect(
      leftMessage(
        L_model_forward_bn(
          X,
          { ...p, gamma3: matrix([[1]]), beta3: matrix([[0]]) } as BatchNormParameters,
          running,
          spec,
        ),
      ),
    ).toBe(
      "L_model_forward_bn: parameters has gamma3, beta3, but batch norm sits only on the hidden layers 1..2; remove them",
    );
    expect(leftMessage(L_model_forward_bn(X, { ...p, gamma2: matrix([[1], [1], [1]]) }, running, spec))).toBe(
      "L_model_forward_bn: parameters gamma2 is (3, 1) but layer 2 has 2 units; gamma2 must be (2, 1)",
    );
    const { var2: _, ...missing } = running;
    expect(leftMessage(L_model_forward_bn(X, p, missing, spec))).toBe(
      "L_model_forward_bn: running has no var2; start from initialize_running_stats(parameters) and pass back what L_model_forward_bn returned",
    );
    expect(
      leftMessage(L_model_forward_bn(X, p, { ...running, var1: matrix([[1], [-1], [1], [1]]) }, spec)),
    ).toBe("L_model_forward_bn: running var1 element 1 is -1; a variance must be finite and ≥ 0");
    expect(leftMessage(L_model_forward_bn(X, p, running, { ...spec, batchNorm: { eps: 0 } }))).toBe(
      "L_model_forward_bn: eps is 0; pass a small finite number > 0 (PyTorch uses 1e-5)",
    );
    expect(validateBatchNormParameters("f", p, 3)).toEqual({ _tag: "Right", right: 3 });
  });

  it("with a linear output layer and γ = 1, β = 0 each hidden unit's pre-activation has batch mean 0", () => {
    const [, caches] = unwrap(
      L_model_forward_bn(X, p, running, { hidden: identity, output: identity, batchNorm: {} }),
    );
    const A1 = caches[1]?.linear_cache.A_prev as Matrix;
    for (let i = 0; i < A1.rows; i++) {
      let s = 0;
      for (let j = 0; j < A1.cols; j++) s += A1.data[i * A1.cols + j] as number;
      expect(Math.abs(s)).toBeLessThan(1e-14);
    }
  });
});
