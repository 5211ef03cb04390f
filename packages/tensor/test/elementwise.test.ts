import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  abs,
  add,
  allClose,
  clip,
  divide,
  equal,
  exp,
  fromFunction,
  greater,
  lessEqual,
  log,
  map,
  maximum,
  minimum,
  multiply,
  negate,
  reciprocal,
  sqrt,
  square,
  subtract,
  tanh,
  toArray,
  zipWith,
} from "../src/index.js";
import { m } from "./helpers.js";

const A = m([
  [1, 2, 3],
  [4, 5, 6],
]);

describe("broadcasting arithmetic", () => {
  it("same shape", () => {
    expect(toArray(add(A, A))).toEqual([
      [2, 4, 6],
      [8, 10, 12],
    ]);
    expect(toArray(subtract(A, A))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(toArray(multiply(A, A))).toEqual([
      [1, 4, 9],
      [16, 25, 36],
    ]);
    expect(toArray(divide(A, A))).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });

  it("a column vector broadcasts over columns (the course's `W·A + b`)", () => {
    expect(toArray(add(A, m([[10], [20]])))).toEqual([
      [11, 12, 13],
      [24, 25, 26],
    ]);
  });

  it("a row vector broadcasts over rows, and both orders agree", () => {
    const row = m([[1, 0, -1]]);
    expect(toArray(add(A, row))).toEqual([
      [2, 2, 2],
      [5, 5, 5],
    ]);
    expect(toArray(add(row, A))).toEqual(toArray(add(A, row)));
  });

  it("a column and a row broadcast to their outer shape", () => {
    expect(toArray(multiply(m([[1], [2]]), m([[3, 4, 5]])))).toEqual([
      [3, 4, 5],
      [6, 8, 10],
    ]);
  });

  it("numbers on either side", () => {
    expect(toArray(subtract(1, m([[0.25, 1]])))).toEqual([[0.75, 0]]);
    expect(toArray(subtract(m([[0.25, 1]]), 1))).toEqual([[-0.75, 0]]);
    expect(toArray(divide(1, m([[4, 2]])))).toEqual([[0.25, 0.5]]);
    expect(toArray(multiply(A, 2))).toEqual(toArray(add(A, A)));
  });

  it("shapes that do not broadcast name both shapes", () => {
    expect(() => add(A, m([[1, 2]]))).toThrow(
      "add: (2, 3) and (1, 2) do not broadcast: each dimension must be equal or 1",
    );
    expect(() => multiply(A, m([[1], [2], [3]]))).toThrow("multiply: (2, 3) and (3, 1) do not broadcast");
  });

  it("broadcasting a column equals adding the explicitly repeated matrix (law)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.nat(), (r, c, s) => {
        const a = fromFunction(r, c, (i, j) => Math.sin(i + j * 3 + s));
        const b = fromFunction(r, 1, (i) => Math.cos(i + s));
        const repeated = fromFunction(r, c, (i) => Math.cos(i + s));
        return allClose(add(a, b), add(a, repeated), { rtol: 0, atol: 0 });
      }),
    );
  });

  it("addition commutes and subtracting itself gives zero (laws)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.nat(), (r, c, s) => {
        const a = fromFunction(r, c, (i, j) => Math.sin(i * 5 + j + s));
        const b = fromFunction(1, c, (_, j) => Math.cos(j - s));
        return (
          allClose(add(a, b), add(b, a), { rtol: 0, atol: 0 }) && subtract(a, a).data.every((x) => x === 0)
        );
      }),
    );
  });
});

describe("unary functions", () => {
  it("compute elementwise", () => {
    const x = m([[0, 1, 4]]);
    expect(toArray(exp(x))).toEqual([[1, Math.E, Math.exp(4)]]);
    expect(toArray(log(m([[1, Math.E]])))).toEqual([[0, 1]]);
    expect(toArray(sqrt(x))).toEqual([[0, 1, 2]]);
    expect(toArray(square(x))).toEqual([[0, 1, 16]]);
    expect(toArray(negate(x))).toEqual([[-0, -1, -4]]);
    expect(toArray(abs(m([[-2, 2]])))).toEqual([[2, 2]]);
    expect(toArray(tanh(m([[0]])))).toEqual([[0]]);
    expect(toArray(reciprocal(m([[4]])))).toEqual([[0.25]]);
  });

  it("maximum(Z, 0) is ReLU; clip bounds both sides", () => {
    expect(toArray(maximum(m([[-1, 0, 2]]), 0))).toEqual([[0, 0, 2]]);
    expect(toArray(minimum(m([[-1, 0, 2]]), 0))).toEqual([[-1, 0, 0]]);
    expect(toArray(clip(m([[-5, 0.5, 5]]), 0, 1))).toEqual([[0, 0.5, 1]]);
  });

  it("NaN propagates through maximum, as in numpy", () => {
    expect(Number.isNaN(maximum(m([[0]]), Number.NaN).data[0])).toBe(true);
  });
});

describe("masks", () => {
  it("comparisons give 0/1 masks", () => {
    expect(toArray(greater(m([[-1, 0, 2]]), 0))).toEqual([[0, 0, 1]]);
    expect(toArray(lessEqual(m([[-1, 0, 2]]), 0))).toEqual([[1, 1, 0]]);
    expect(toArray(equal(m([[1, 2]]), m([[1, 3]])))).toEqual([[1, 0]]);
  });
});

describe("map and zipWith", () => {
  it("map passes the value and its indices", () => {
    expect(toArray(map(A, (x, i, j) => x + 10 * i + 100 * j))).toEqual([
      [1, 102, 203],
      [14, 115, 216],
    ]);
  });
  it("zipWith combines same-shaped matrices and rejects others", () => {
    expect(toArray(zipWith(A, A, (x, y) => x * y + 1))).toEqual([
      [2, 5, 10],
      [17, 26, 37],
    ]);
    expect(() => zipWith(A, m([[1]]), (x) => x)).toThrow("zipWith: (2, 3) and (1, 1) differ");
  });
  it("never writes to its inputs", () => {
    const before = A.data.slice();
    add(A, 1);
    map(A, (x) => x * 2);
    negate(A);
    expect(A.data).toStrictEqual(before);
  });
});
