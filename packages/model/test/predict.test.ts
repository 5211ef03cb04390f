import { relu } from "@stepwise/activation-relu";
import { softmax } from "@stepwise/activation-softmax";
import { fromLayers, type Parameters } from "@stepwise/core";
import { initialize_parameters_he } from "@stepwise/init";
import { randn, seedOrThrow } from "@stepwise/random";
import { jsBackend, type Matrix, toBackend } from "@stepwise/tensor";
import { matrix } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { predict } from "../src/index.js";

// One layer whose output is its input: W = I, b = 0 (sigmoid output unless a spec says otherwise).
const identityLayer = (n: number) =>
  fromLayers([
    [
      matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))),
      matrix(Array.from({ length: n }, () => [0])),
    ],
  ]);

describe("predict", () => {
  it("thresholds a sigmoid output at 0.5 and reports the accuracy", () => {
    const X = matrix([[-2, -0.1, 0.1, 3]]);
    const result = predict(X, matrix([[0, 1, 1, 1]]), identityLayer(1));
    if (E.isLeft(result)) throw new Error(result.left.message);
    expect(Array.from(result.right.predictions.data)).toEqual([0, 0, 1, 1]);
    expect(result.right.accuracy).toBe(0.75);
  });
  it("takes the argmax per column for a softmax output, against one-hot Y", () => {
    const X = matrix([
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 3],
    ]);
    const Y = matrix([
      [1, 0, 0],
      [0, 1, 1],
      [0, 0, 0],
    ]);
    const result = predict(X, Y, identityLayer(3), { hidden: relu, output: softmax });
    if (E.isLeft(result)) throw new Error(result.left.message);
    expect(Array.from(result.right.predictions.data)).toEqual([0, 1, 2]);
    expect(result.right.accuracy).toBe(2 / 3);
  });
  it("splits an identity (logit) output at 0, its decision threshold", async () => {
    const { identity } = await import("@stepwise/activation-identity");
    const result = predict(matrix([[-2, -0.1, 0.1, 3]]), matrix([[0, 0, 1, 1]]), identityLayer(1), {
      hidden: relu,
      output: identity,
    });
    if (E.isLeft(result)) throw new Error(result.left.message);
    expect(Array.from(result.right.predictions.data)).toEqual([0, 0, 1, 1]);
    expect(result.right.accuracy).toBe(1);
  });
  it("without Y there is no accuracy", () => {
    const result = predict(matrix([[1]]), undefined, identityLayer(1));
    expect(E.isRight(result) && result.right.accuracy).toBeUndefined();
  });
  it("names the shapes when Y does not fit", () => {
    const result = predict(matrix([[1, 2]]), matrix([[1]]), identityLayer(1));
    expect(E.isLeft(result) && result.left.message).toBe(
      "predict: Y is (1, 1) but the network outputs (1, 2); Y needs one column per example",
    );
  });
  it("passes on L_model_forward's errors", () => {
    const result = predict(matrix([[1], [2]]), undefined, identityLayer(1));
    expect(E.isLeft(result) && result.left.message).toContain(
      "L_model_forward: X is (2, 1) but W1 is (1, 1)",
    );
  });
});

describe("predict through the fused kernels", () => {
  // The course's network on the js backend takes src/fused/forward.ts; a copy of the js backend (the same
  // kernels, another object) takes the composed L_model_forward. Their outputs must agree to the bit.
  const composedBackend = { ...jsBackend, name: "js (composed)" };
  const bits = (m: Matrix): ReadonlyArray<string> =>
    Array.from(m.data, (x) => (Object.is(x, -0) ? "-0" : String(x)));

  it.each([
    ["2-D data, 2-5-2-1 (k of 2, 5 and 2)", [2, 5, 2, 1], 300],
    ["6 features, 6-5-4-1 (matmul's blocks of four and a tail)", [6, 5, 4, 1], 51],
    ["one example, 9-7-1", [9, 7, 1], 1],
  ] as const)("%s: the composed ops' bits", (_, layers, m) => {
    const [X] = randn(layers[0], m)(seedOrThrow(11));
    const initialized = initialize_parameters_he(layers, seedOrThrow(3));
    if (E.isLeft(initialized)) throw new Error(initialized.left.message);
    const [parameters] = initialized.right;
    const fused = predict(X, undefined, parameters);
    const composed = predict(toBackend(X, composedBackend), undefined, toBackendParameters(parameters));
    if (E.isLeft(fused) || E.isLeft(composed)) throw new Error("predict failed");
    expect(bits(fused.right.probabilities)).toEqual(bits(composed.right.probabilities));
    expect(bits(fused.right.predictions)).toEqual(bits(composed.right.predictions));
  });

  it("keeps L_model_forward's checks: a NaN in X is refused by name", () => {
    const X = matrix([[0.5, Number.NaN]]);
    const result = predict(X, undefined, identityLayer(1));
    expect(E.isLeft(result) && result.left.message).toMatch(/L_model_forward/);
  });

  function toBackendParameters(parameters: Parameters): Parameters {
    return Object.fromEntries(
      Object.entries(parameters).map(([k, v]) => [k, toBackend(v as Matrix, composedBackend)]),
    ) as Parameters;
  }
});
