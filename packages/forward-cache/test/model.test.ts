import { identity } from "@stepwise/activation-identity";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { bias, fromLayers, weight } from "@stepwise/core";
import { seedOrThrow } from "@stepwise/random";
import {
  allClose,
  fromArray,
  jsBackend,
  type Matrix,
  toArray,
  toBackend,
  unsafeMatrix,
} from "@stepwise/tensor";
import { courseTestCase, draws } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { courseSpec, L_model_forward, L_model_forward_with_dropout } from "../src/index.js";
import { leftMessage, unwrap } from "./helpers.js";

const expectClose = (actual: Matrix, expected: number[][], rtol = 1e-12): void => {
  const e = fromArray(expected);
  expect(E.isRight(e) && allClose(actual, e.right, { rtol, atol: 0 })).toBe(true);
};

// testCases_v4a.L_model_forward_test_case_2hidden: np.random.seed(6), then X, W1, b1, W2, b2, W3, b3.
const { X, parameters } = courseTestCase(6, 4, [5, 4, 3, 1]);
const [W1, b1, W3, b3] = [
  weight(parameters, 1),
  bias(parameters, 1),
  weight(parameters, 3),
  bias(parameters, 3),
];

describe("L_model_forward", () => {
  it("the course's Expected Output: AL = [[0.03921668 0.70498921 0.19734387 0.04728177]], 3 caches", () => {
    const [AL, caches] = unwrap(L_model_forward(X, parameters));
    expectClose(AL, [[0.039216679222503596, 0.7049892075012225, 0.19734387234713996, 0.04728177161977344]]);
    expect(caches).toHaveLength(3);
    expect(caches.map((c) => c.activation.meta.name)).toEqual(["relu", "relu", "sigmoid"]);
  });
  it("a spec picks other activations", () => {
    const [AL, caches] = unwrap(L_model_forward(X, parameters, { hidden: identity, output: identity }));
    expect(caches.map((c) => c.activation.meta.name)).toEqual(["identity", "identity", "identity"]);
    expect(AL.rows).toBe(1);
  });
  it("a spec may give each hidden layer its own activation, layer 1 first", () => {
    const [AL, caches] = unwrap(
      L_model_forward(X, parameters, { hidden: [identity, relu], output: sigmoid }),
    );
    expect(caches.map((c) => c.activation.meta.name)).toEqual(["identity", "relu", "sigmoid"]);
    // The course's ReLU net differs only in layer 1's activation, so identity there changes AL.
    expect(AL.data).not.toEqual(unwrap(L_model_forward(X, parameters))[0].data);
    const [same] = unwrap(L_model_forward(X, parameters, { hidden: [relu, relu], output: sigmoid }));
    expect(same.data).toEqual(unwrap(L_model_forward(X, parameters))[0].data);
  });
  it("rejects a per-layer list that does not match the hidden layers", () => {
    expect(leftMessage(L_model_forward(X, parameters, { hidden: [relu], output: sigmoid }))).toBe(
      "L_model_forward: spec.hidden lists 1 activation(s) but the network has 2 hidden layer(s); give one per hidden layer (layer 1 first), or a single activation for all of them",
    );
  });
  it("rejects a dictionary missing b3, naming the key and the fix", () => {
    const { b3: _, ...missing } = parameters;
    expect(leftMessage(L_model_forward(X, missing))).toBe(
      "L_model_forward: parameters has W3 but no b3; every layer l needs both W3 and b3",
    );
  });
  it("rejects an X with the wrong number of features", () => {
    const [badX] = draws(0, [4, 4]) as [Matrix];
    expect(leftMessage(L_model_forward(badX, parameters))).toBe(
      "L_model_forward: X is (4, 4) but W1 is (4, 5); X needs one row per input feature (5) and one column per example",
    );
  });
  it("rejects weights that do not chain", () => {
    const broken = fromLayers([
      [W1, b1],
      [W3, b3],
    ]);
    expect(leftMessage(L_model_forward(X, broken))).toContain(
      "W2 is (1, 3) but the layer below has 4 units; W2 must be (n_2, 4)",
    );
  });
  it("refuses an X holding NaN, naming the element: never a NaN output", () => {
    const data = X.data.slice();
    data[2 * X.cols + 3] = Number.NaN;
    expect(leftMessage(L_model_forward(unsafeMatrix(X.rows, X.cols, data), parameters))).toBe(
      "L_model_forward: X element (2, 3) is NaN; X must hold finite numbers: look at how it was loaded, scaled or computed",
    );
  });
  it("refuses an X with no examples (a cost over 0 examples is NaN)", () => {
    expect(leftMessage(L_model_forward(unsafeMatrix(5, 0, new Float64Array(0)), parameters))).toBe(
      "L_model_forward: X is (5, 0), which has no examples; X needs one column per example, and at least one",
    );
  });
  it("refuses a parameter holding ±Infinity, naming its key and element", () => {
    const data = W1.data.slice();
    data[1] = Number.POSITIVE_INFINITY;
    expect(
      leftMessage(L_model_forward(X, { ...parameters, W1: unsafeMatrix(W1.rows, W1.cols, data) })),
    ).toContain(
      'L_model_forward: parameters["W1"] element (0, 1) is Infinity; the parameters hold NaN or ±Infinity',
    );
  });
  it("refuses X and parameters on two backends, naming both", () => {
    const elsewhere = toBackend(X, { ...jsBackend, name: "wasm" });
    expect(leftMessage(L_model_forward(elsewhere, parameters))).toContain(
      "L_model_forward: X is on the wasm backend but W1 is on the js backend",
    );
  });
  it("does not modify X or the parameters", () => {
    const inputs = [X, ...Object.values(parameters)] as Matrix[];
    const before = inputs.map((m) => m.data.slice());
    unwrap(L_model_forward(X, parameters, courseSpec));
    expect(inputs.map((m) => m.data)).toStrictEqual(before);
  });
});

describe("L_model_forward_with_dropout", () => {
  // Course 2 Regularization notebook: forward_propagation_with_dropout_test_case (np.random.seed(1), then
  // X (3, 5), W1 (2, 3), b1, W2 (3, 2), b2, W3 (1, 3), b3) with keep_prob 0.7 and np.random.seed(1) inside.
  // Expected Output: A3 = [[0.36974721 0.00305176 0.04565099 0.49683389 0.36974721]].
  const { X: x, parameters: p } = courseTestCase(1, 5, [3, 2, 3, 1]);
  it("reproduces the course's A3 and keeps the masks in the caches", () => {
    const [A3, caches] = unwrap(L_model_forward_with_dropout(x, p, 0.7, seedOrThrow(1)));
    expectClose(A3, [
      [
        0.36974720617815354, 0.003051758134649767, 0.045650993373441896, 0.4968338925883705,
        0.36974720617815354,
      ],
    ]);
    expect(caches.map((c) => c.dropout?.keep_prob)).toEqual([0.7, 0.7, undefined]);
    expect(caches[0]?.dropout?.D.data.every((d) => d === 0 || d === 1)).toBe(true);
  });
  it("keep_prob 1 keeps every unit and equals the plain forward pass", () => {
    const [AL] = unwrap(L_model_forward_with_dropout(x, p, 1, seedOrThrow(5)));
    const [plain] = unwrap(L_model_forward(x, p));
    expect(toArray(AL)).toEqual(toArray(plain));
  });
  it.each([0, -0.1, 1.5, Number.NaN])("rejects keep_prob %s", (keep_prob) => {
    expect(leftMessage(L_model_forward_with_dropout(x, p, keep_prob, seedOrThrow(1)))).toContain(
      `keep_prob is ${keep_prob}; it must be in (0, 1]`,
    );
  });
});
