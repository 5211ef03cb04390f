import { identity } from "@stepwise/activation-identity";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { matrix, runCostContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { binary_cross_entropy, binary_cross_entropy_nansum } from "../src/index.js";

runCostContract(binary_cross_entropy_nansum, { outputs: "probabilities" });

const AL = matrix([[0.8, 0.9, 0.4, 0.25]]);
const Y = matrix([[1, 1, 0, 0]]);

describe("binary cross-entropy as Course 2 sums it", () => {
  it("is binary cross-entropy wherever that is finite", () => {
    expect(binary_cross_entropy_nansum.compute_cost(AL, Y)).toBeCloseTo(
      binary_cross_entropy.compute_cost(AL, Y),
      15,
    );
  });

  it("drops the 0·log 0 of an example a saturated sigmoid gets right, as np.nansum does", () => {
    // a = 1 on a label 1: -log(1)·1 + -log(0)·0 = NaN, dropped; the mean still divides by m = 2.
    const cost = binary_cross_entropy_nansum.compute_cost(matrix([[1, 0.5]]), matrix([[1, 1]]));
    expect(cost).toBe((1 / 2) * -Math.log(0.5));
    expect(Number.isNaN(binary_cross_entropy.compute_cost(matrix([[1, 0.5]]), matrix([[1, 1]])))).toBe(true);
  });

  it("is +Infinity where a saturated sigmoid gets an example wrong (the notebook's `Cost after iteration 0: inf`)", () => {
    expect(binary_cross_entropy_nansum.compute_cost(matrix([[1, 0.5]]), matrix([[0, 1]]))).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it("gives dZL = A − Y in closed form for a sigmoid output, finite where A is exactly 0 or 1", () => {
    const dZ = binary_cross_entropy_nansum.dZL?.(matrix([[1, 0, 0.75]]), matrix([[1, 1, 0]]), sigmoid);
    expect(Array.from(dZ?.data ?? [])).toEqual([0, -1, 0.75]);
  });

  it("agrees with the chain rule through sigmoid where that is finite", () => {
    const Z = matrix([[0.3, -1.2, 2.5, -0.4]]);
    const [A, cache] = sigmoid.forward(Z);
    const closed = binary_cross_entropy_nansum.dZL?.(A, Y, sigmoid);
    const chained = sigmoid.backward(binary_cross_entropy_nansum.cost_backward(A, Y), cache);
    Array.from(chained.data).forEach((x, i) => {
      expect(closed?.data[i]).toBeCloseTo(x, 14);
    });
  });

  it("has no closed form for other outputs: the chain rule through dAL is used", () => {
    expect(binary_cross_entropy_nansum.dZL?.(AL, Y, identity)).toBeUndefined();
  });

  it("declares binary cross-entropy's labels and outputs, which the entry points check", () => {
    expect(binary_cross_entropy_nansum.meta.labels).toMatchObject({ min: 0, max: 1 });
    expect(binary_cross_entropy_nansum.meta.accepts?.outputRange).toEqual(["probability"]);
  });
});
