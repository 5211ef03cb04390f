import { fromFunction } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  bias,
  fromLayers,
  grad,
  hasBatchNormParameters,
  layerCount,
  layerDimsOf,
  parameterKeys,
  validateParameters,
  weight,
} from "../src/index.js";

const layer = (n: number, n_prev: number) =>
  [fromFunction(n, n_prev, (i, j) => i - j), fromFunction(n, 1, () => 0)] as const;
const parameters = fromLayers([layer(4, 3), layer(2, 4), layer(1, 2)]);
const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

describe("parameter dictionaries", () => {
  it("fromLayers uses the course's keys; layerCount and layerDimsOf read them back", () => {
    expect(Object.keys(parameters)).toEqual(["W1", "b1", "W2", "b2", "W3", "b3"]);
    expect(layerCount(parameters)).toBe(3);
    expect(layerDimsOf(parameters)).toEqual([3, 4, 2, 1]);
    expect(layerDimsOf({})).toEqual([]);
    expect(weight(parameters, 2).rows).toBe(2);
    expect(bias(parameters, 3).rows).toBe(1);
    expect(() => weight(parameters, 4)).toThrow("parameters has no W4");
    expect(() => grad({}, "dW1")).toThrow("grads has no dW1");
  });

  it("validateParameters accepts a chained dictionary and returns L", () => {
    expect(validateParameters("f", parameters, 3)).toEqual(E.right(3));
  });

  it.each([
    [{}, "f: parameters has no weights; expected W1, b1, …, WL, bL"],
    [{ W1: layer(4, 3)[0] }, "f: parameters has W1 but no b1; every layer l needs both W1 and b1"],
    [{ ...parameters, W4: layer(1, 1)[0] }, "f: parameters has W4 but no b4"],
    [
      { ...parameters, W5: layer(1, 1)[0], b5: layer(1, 1)[1] },
      "f: parameters has 4 weights but no W4; keys must run W1..W4",
    ],
    [{ ...parameters, extra: layer(1, 1)[0] }, "f: parameters has unexpected keys extra"],
    [
      { ...parameters, b2: fromFunction(3, 1, () => 0) },
      "f: b2 is (3, 1) but W2 is (2, 4); b2 must be (2, 1)",
    ],
    [
      { ...parameters, W2: fromFunction(2, 5, () => 0) },
      "f: W2 is (2, 5) but the layer below has 4 units; W2 must be (n_2, 4)",
    ],
  ])("rejects case %#: %s", (dictionary, expected) => {
    expect(message(validateParameters("f", dictionary))).toContain(expected);
  });

  it("checks the first layer against n_x when given", () => {
    expect(message(validateParameters("f", parameters, 5))).toBe(
      "f: W1 is (4, 3) but the layer below has 5 units; W1 must be (n_1, 5)",
    );
  });

  describe("with batch norm's gamma_l and beta_l", () => {
    const column = (n: number, v: number) => fromFunction(n, 1, () => v);
    const withBn = {
      ...parameters,
      gamma1: column(4, 1),
      beta1: column(4, 0),
      gamma2: column(2, 1),
      beta2: column(2, 0),
    };

    it("accepts them for every hidden layer, lists them after each b_l, and says the dictionary has them", () => {
      expect(validateParameters("f", withBn, 3)).toEqual(E.right(3));
      expect(parameterKeys(withBn)).toEqual([
        "W1",
        "b1",
        "gamma1",
        "beta1",
        "W2",
        "b2",
        "gamma2",
        "beta2",
        "W3",
        "b3",
      ]);
      expect(parameterKeys(parameters)).toEqual(["W1", "b1", "W2", "b2", "W3", "b3"]);
      expect(hasBatchNormParameters(withBn)).toBe(true);
      expect(hasBatchNormParameters(parameters)).toBe(false);
    });

    it.each([
      [
        { ...parameters, gamma1: column(4, 1) },
        "f: parameters has no beta1; start from initialize_batchnorm_parameters(parameters)",
      ],
      [
        { ...parameters, gamma1: column(4, 1), beta1: column(4, 0) },
        "f: parameters has no gamma2; start from initialize_batchnorm_parameters(parameters)",
      ],
      [
        { ...withBn, gamma2: column(3, 1) },
        "f: parameters gamma2 is (3, 1) but layer 2 has 2 units; gamma2 must be (2, 1)",
      ],
      [
        { ...withBn, gamma3: column(1, 1) },
        "f: parameters has gamma3, but batch norm sits only on the hidden layers 1..2; remove it",
      ],
      [
        { W1: layer(1, 3)[0], b1: layer(1, 3)[1], beta1: column(1, 0) },
        "f: parameters has beta1, but a 1-layer network has no hidden layer for batch norm; remove it",
      ],
      [
        { ...withBn, gamma_1: column(4, 1) },
        "f: parameters has unexpected keys gamma_1; expected W1, b1, …, W3, b3 and batch norm's gamma1, beta1, …, gamma2, beta2",
      ],
    ])("rejects case %#", (dictionary, expected) => {
      expect(message(validateParameters("f", dictionary))).toBe(expected);
    });
  });
});
