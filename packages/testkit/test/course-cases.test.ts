import { randn, seedOrThrow } from "@stepwise/random";
import { describe, expect, it } from "vitest";
import { courseTestCase, draws } from "../src/index.js";

describe("course test cases", () => {
  it("draws continue one stream", () => {
    const [a, b] = draws(1, [2, 3], [1, 2]);
    const [both] = randn(1, 8)(seedOrThrow(1));
    expect([...(a?.data ?? []), ...(b?.data ?? [])]).toEqual(Array.from(both.data));
  });
  it("courseTestCase draws X, then W1, b1, W2, b2, … (L_model_forward_test_case_2hidden)", () => {
    const { X, parameters } = courseTestCase(6, 4, [5, 4, 3, 1]);
    expect([X.rows, X.cols]).toEqual([5, 4]);
    expect(Object.keys(parameters)).toEqual(["W1", "b1", "W2", "b2", "W3", "b3"]);
    const [x, w1] = draws(6, [5, 4], [4, 5]);
    expect(X.data).toStrictEqual(x?.data);
    expect(parameters["W1"]?.data).toStrictEqual(w1?.data);
    expect([parameters["b3"]?.rows, parameters["b3"]?.cols]).toEqual([1, 1]);
  });
});
