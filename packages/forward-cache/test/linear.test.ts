import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { allClose, fromArray, toArray } from "@stepwise/tensor";
import { draws } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { linear_activation_forward, linear_forward } from "../src/index.js";

const close = (actual: number[][], expected: number[][]): boolean => {
  const [a, b] = [fromArray(actual), fromArray(expected)];
  return E.isRight(a) && E.isRight(b) && allClose(a.right, b.right, { rtol: 1e-12, atol: 0 });
};

// Inputs rebuilt as the course's testCases_v4a.py builds them; expected values are the notebook's
// "Expected Output" (8 digits), checked here to all 17 digits against numpy on this machine.
describe("linear_forward", () => {
  it("linear_forward_test_case: Z = [[3.26295337, -1.23429987]]", () => {
    const [A, W, b] = draws(1, [3, 2], [1, 3], [1, 1]) as [never, never, never];
    const [Z, cache] = linear_forward(A, W, b);
    expect(close(toArray(Z), [[3.262953374654174, -1.2342998686128757]])).toBe(true);
    expect(cache).toEqual({ A_prev: A, W, b });
  });
  it("names both shapes when W does not fit A", () => {
    const [A, W, b] = draws(1, [4, 2], [1, 3], [1, 1]) as [never, never, never];
    expect(() => linear_forward(A, W, b)).toThrow(
      "matmul: (1, 3) · (4, 2): inner dimensions differ (3 vs 4)",
    );
  });
});

describe("linear_activation_forward", () => {
  const [A_prev, W, b] = draws(2, [3, 2], [1, 3], [1, 1]) as [never, never, never];
  it("sigmoid: A = [[0.96890023, 0.11013289]]", () => {
    const [A, cache] = linear_activation_forward(A_prev, W, b, sigmoid);
    expect(close(toArray(A), [[0.968900232783661, 0.11013289483978989]])).toBe(true);
    expect(cache.activation).toBe(sigmoid);
    expect(cache.linear_cache.A_prev).toBe(A_prev);
    expect(cache.activation_cache.A).toBe(A);
  });
  it("relu: A = [[3.43896131, 0.]]", () => {
    const [A] = linear_activation_forward(A_prev, W, b, relu);
    expect(toArray(A)).toEqual([[3.4389613134945427, 0]]);
  });
});
