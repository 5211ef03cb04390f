import { mse } from "@stepwise/cost-mse";
import { fromArray, type Matrix, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { compute_cost, compute_cost_with_regularization, l2_regularization_cost } from "../src/index.js";

const matrix = (rows: number[][]): Matrix => {
  const m = fromArray(rows, { allowNonFinite: true });
  if (E.isLeft(m)) throw new Error(m.left.message);
  return m.right;
};
const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

const AL = matrix([[0.8, 0.9, 0.4]]);
const Y = matrix([[1, 1, 0]]);
const parameters = {
  W1: matrix([
    [1, 2],
    [3, 4],
  ]),
  b1: matrix([[0], [0]]),
};

describe("compute_cost", () => {
  it("is the course's binary cross-entropy", () => {
    expect(compute_cost(AL, Y)).toEqual(E.right(0.2797765635793422));
  });
  it("refuses a label binary cross-entropy does not take, naming its position", () => {
    expect(message(compute_cost(AL, matrix([[1, 2, 0]])))).toBe(
      "compute_cost: Y element (0, 1) is 2; binary_cross_entropy takes labels that are a number in [0, 1] (0 or 1, such as the course's non-cat and cat)",
    );
  });
  it("refuses no examples, non-finite numbers and a Y of another shape", () => {
    const empty = unsafeMatrix(1, 0, new Float64Array(0));
    expect(message(compute_cost(empty, empty))).toBe(
      "compute_cost: Y is (1, 0), which has no examples; Y needs one column per example, and at least one",
    );
    expect(message(compute_cost(matrix([[0.8, Number.NaN, 0.4]]), Y))).toContain(
      "compute_cost: AL element (0, 1) is NaN",
    );
    expect(message(compute_cost(AL, matrix([[1, 0, Number.POSITIVE_INFINITY]])))).toContain(
      "compute_cost: Y element (0, 2) is Infinity",
    );
    expect(message(compute_cost(AL, matrix([[1, 0]])))).toBe(
      "compute_cost: AL is (1, 3) but Y is (1, 2); Y needs one column per example and one row per output unit",
    );
  });
});

describe("compute_cost_with_regularization", () => {
  it("adds (λ / 2m) Σ ‖W‖² to the data cost; another cost takes its own labels", () => {
    const J = compute_cost_with_regularization(AL, Y, parameters, 0.6, mse);
    expect(J).toEqual(E.right(mse.compute_cost(AL, Y) + (0.6 / 6) * 30));
    expect(E.isRight(compute_cost_with_regularization(AL, matrix([[2, -3, 0.5]]), parameters, 0, mse))).toBe(
      true,
    );
  });
  it("refuses a negative lambd and parameters that are not a network's", () => {
    expect(message(compute_cost_with_regularization(AL, Y, parameters, -1))).toContain(
      "compute_cost_with_regularization: lambd is -1",
    );
    expect(message(l2_regularization_cost({ W1: parameters.W1 }, 0.1, 3))).toContain(
      "l2_regularization_cost: parameters has W1 but no b1",
    );
  });
});
