import { type Matrix, toArray } from "@stepwise/tensor";
import { matrix } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { plus, times, unbroadcast, type Value } from "../src/index.js";

const asMatrix = (v: Value): Matrix => {
  if (typeof v === "number") throw new Error(`expected a matrix, got the number ${v}`);
  return v;
};

describe("value arithmetic", () => {
  it("numbers stay numbers, anything with a matrix becomes a matrix", () => {
    expect(times(100, 2)).toBe(200);
    expect(plus(200, 450)).toBe(650);
    expect(toArray(asMatrix(times(3, matrix([[1, 2]]))))).toStrictEqual([[3, 6]]);
    expect(toArray(asMatrix(plus(matrix([[1, 2]]), 1)))).toStrictEqual([[2, 3]]);
  });
});

describe("unbroadcast", () => {
  const g = matrix([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  it("sums over the dimensions the forward pass stretched", () => {
    expect(unbroadcast(g, 7)).toBe(21);
    expect(unbroadcast(2.5, 7)).toBe(2.5);
    expect(toArray(asMatrix(unbroadcast(g, matrix([[0, 0, 0]]))))).toStrictEqual([[5, 7, 9]]);
    expect(toArray(asMatrix(unbroadcast(g, matrix([[0], [0]]))))).toStrictEqual([[6], [15]]);
    expect(toArray(asMatrix(unbroadcast(g, matrix([[0]]))))).toStrictEqual([[21]]);
    expect(
      unbroadcast(
        g,
        matrix([
          [0, 0, 0],
          [0, 0, 0],
        ]),
      ),
    ).toBe(g);
  });
  it("rejects a gradient that cannot come from the input's shape", () => {
    expect(() => unbroadcast(g, matrix([[0, 0]]))).toThrow("unbroadcast: a (2, 3) gradient does not reduce");
    expect(() => unbroadcast(1, matrix([[0, 0]]))).toThrow("unbroadcast: the gradient is a number");
  });
});
