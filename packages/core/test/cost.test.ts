import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { checkTargets, defineCost } from "../src/index.js";
import { matrix } from "./helpers.js";

const absolute = defineCost({
  name: "absolute_test",
  loss: (a, y) => Math.abs(a - y),
  derivative: (a, y) => Math.sign(a - y),
});

describe("defineCost", () => {
  it("averages the per-example loss (summed over rows) over the columns", () => {
    expect(
      absolute.compute_cost(
        matrix([
          [1, 2],
          [3, 4],
        ]),
        matrix([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toBe(5);
    expect(Array.from(absolute.cost_backward(matrix([[1, -2]]), matrix([[0, 0]])).data)).toEqual([1, -1]);
    expect(Object.isFrozen(absolute.meta)).toBe(true);
  });
  it("checkTargets names both shapes", () => {
    const result = checkTargets("compute_cost", matrix([[1, 2]]), matrix([[1, 2, 3]]));
    expect(E.isLeft(result) && result.left.message).toBe(
      "compute_cost: AL is (1, 2) but Y is (1, 3); Y needs one column per example and one row per output unit",
    );
  });
});
