import { rand, randn, seedOrThrow } from "@stepwise/random";
import { fromFunction, type Matrix } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import { random_mini_batches } from "../src/mini-batches.js";

const at = (m: Matrix, i: number, j: number): number | undefined => m.data[i * m.cols + j];
const firstThree = (m: Matrix): ReadonlyArray<number | undefined> => [at(m, 0, 0), at(m, 0, 1), at(m, 0, 2)];

// The course's random_mini_batches (Course 2, "Optimization methods"), run with numpy 2.4:
//   def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
//       np.random.seed(seed); m = X.shape[1]
//       permutation = list(np.random.permutation(m))
//       shuffled_X = X[:, permutation]; shuffled_Y = Y[:, permutation].reshape((1, m))
//       ... complete batches of mini_batch_size, then the last partial one
// The permutation it draws: python3 -c "import numpy as np; np.random.seed(0); print(np.random.permutation(148).tolist())"
const PERMUTATION_148 = [
  24, 7, 37, 114, 27, 26, 43, 54, 132, 71, 76, 22, 83, 130, 100, 73, 44, 16, 51, 66, 8, 133, 93, 90, 86, 40,
  101, 107, 92, 145, 33, 78, 18, 127, 63, 45, 2, 85, 10, 125, 109, 62, 112, 122, 102, 61, 139, 116, 120, 96,
  50, 60, 56, 30, 59, 135, 91, 121, 84, 94, 118, 48, 142, 131, 13, 104, 119, 20, 15, 52, 3, 123, 105, 6, 68,
  89, 12, 95, 113, 97, 46, 11, 144, 108, 41, 110, 1, 106, 137, 42, 4, 124, 17, 38, 5, 53, 141, 98, 0, 34, 28,
  55, 75, 35, 23, 74, 31, 111, 57, 129, 65, 32, 136, 14, 146, 19, 29, 126, 49, 134, 99, 82, 64, 147, 79, 69,
  128, 80, 115, 143, 72, 77, 25, 81, 138, 140, 39, 58, 88, 70, 87, 36, 21, 9, 103, 67, 117, 47,
];

describe("random_mini_batches", () => {
  it("shuffles columns with np.random.permutation(m) and cuts 64, 64, then the 20 left over", () => {
    // Column j of X holds j in every row, so a batch's first row spells out the permutation it used.
    const X = fromFunction(3, 148, (_, j) => j);
    const Y = fromFunction(1, 148, (_, j) => 1000 + j);
    const [batches] = random_mini_batches(X, Y, 64, seedOrThrow(0));
    expect(batches.map(([bx, by]) => [bx.rows, bx.cols, by.rows, by.cols])).toEqual([
      [3, 64, 1, 64],
      [3, 64, 1, 64],
      [3, 20, 1, 20],
    ]);
    expect(batches.flatMap(([bx]) => Array.from(bx.data.subarray(0, bx.cols)))).toEqual(PERMUTATION_148);
    expect(batches.flatMap(([, by]) => Array.from(by.data))).toEqual(PERMUTATION_148.map((j) => 1000 + j));
    // Every row of a batch uses the same columns.
    const [bx] = batches[2] ?? [];
    expect(bx === undefined ? [] : Array.from(bx.data.subarray(2 * 20, 3 * 20))).toEqual(
      PERMUTATION_148.slice(128),
    );
  });

  it("reproduces the course's random_mini_batches_test_case", () => {
    // np.random.seed(1); X = np.random.randn(12288, 148); Y = np.random.randn(1, 148) < 0.5
    // mini_batches = random_mini_batches(X, Y, 64)   (seed=0 inside)
    // print([(x.shape, [repr(float(v)) for v in x[0][0:3]], repr(float(x[-1][-1]))) for x, y in mini_batches])
    // print(repr(np.random.rand()))   # the generator's next draw after the permutation
    const [X, afterX] = randn(12288, 148)(seedOrThrow(1));
    const [Z] = randn(1, 148)(afterX);
    const Y = fromFunction(1, 148, (_, j) => ((at(Z, 0, j) ?? 1) < 0.5 ? 1 : 0));
    expect(firstThree(X)).toEqual([1.6243453636632417, -0.6117564136500754, -0.5281717522634557]);
    const [batches, next] = random_mini_batches(X, Y, 64, seedOrThrow(0));
    expect(batches.map(([bx, by]) => [bx.rows, bx.cols, by.rows, by.cols])).toEqual([
      [12288, 64, 1, 64],
      [12288, 64, 1, 64],
      [12288, 20, 1, 20],
    ]);
    // The course prints "mini batch sanity check: [ 0.90085595 -0.7612069   0.2344157 ]" for the first.
    expect(batches.map(([bx]) => firstThree(bx))).toEqual([
      [0.9008559492644118, -0.7612069008951028, 0.23441569781709215],
      [-0.38405435466841564, -1.0949118457410418, 0.4089005379368278],
      [-1.3122834112374318, 0.7504116398650081, 0.16003706944783047],
    ]);
    expect(batches.map(([bx]) => at(bx, bx.rows - 1, bx.cols - 1))).toEqual([
      -0.7394830885033619, -0.9840122320214503, -0.34992496875026985,
    ]);
    expect(batches.map(([, by]) => Array.from(by.data.subarray(0, 5)))).toEqual([
      [1, 0, 1, 1, 1],
      [1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1],
    ]);
    // The returned state is numpy's state after the permutation.
    const [r] = rand(1, 1)(next);
    expect(at(r, 0, 0)).toBe(0.28847643704852866);
  });

  it("defaults to batches of 64 and np.random.seed(0), like the course", () => {
    const X = fromFunction(1, 148, (_, j) => j);
    const [batches] = random_mini_batches(X, X);
    expect(batches.map(([bx]) => bx.cols)).toEqual([64, 64, 20]);
    expect(batches.flatMap(([bx]) => Array.from(bx.data))).toEqual(PERMUTATION_148);
  });

  it("has no partial batch when the size divides m, and one batch when it exceeds m", () => {
    const X = fromFunction(2, 128, (i, j) => i * 1000 + j);
    expect(random_mini_batches(X, X, 64, seedOrThrow(3))[0].map(([bx]) => bx.cols)).toEqual([64, 64]);
    expect(random_mini_batches(X, X, 500, seedOrThrow(3))[0].map(([bx]) => bx.cols)).toEqual([128]);
  });

  it("does not touch its inputs and is repeatable from the same state", () => {
    const X = fromFunction(2, 10, (i, j) => i + j / 10);
    const copy = X.data.slice();
    const state = seedOrThrow(7);
    const [a] = random_mini_batches(X, X, 4, state);
    const [b] = random_mini_batches(X, X, 4, state);
    expect(X.data).toEqual(copy);
    expect(a).toEqual(b);
  });

  it("throws on mismatched examples or a bad batch size (caller bugs)", () => {
    const X = fromFunction(2, 10, () => 0);
    const Y = fromFunction(1, 9, () => 0);
    expect(() => random_mini_batches(X, Y, 4, seedOrThrow(0))).toThrow(/X \(2, 10\) and Y \(1, 9\)/);
    expect(() => random_mini_batches(X, X, 0, seedOrThrow(0))).toThrow(
      /mini_batch_size must be an integer ≥ 1, got 0/,
    );
    expect(() => random_mini_batches(X, X, 2.5, seedOrThrow(0))).toThrow(/got 2\.5/);
  });
});

describe("random_mini_batch_indices", () => {
  it("draws the same permutation as random_mini_batches and cuts it the same way", async () => {
    const { random_mini_batch_indices, random_mini_batches } = await import("../src/index.js");
    const { fromFunction, takeColumns, equals } = await import("@stepwise/tensor");
    const { seedOrThrow } = await import("@stepwise/random");
    const X = fromFunction(3, 10, (i, j) => 10 * i + j);
    const Y = fromFunction(1, 10, (_, j) => j % 2);
    const [indices, afterIndices] = random_mini_batch_indices(10, 4, seedOrThrow(3));
    const [batches, afterBatches] = random_mini_batches(X, Y, 4, seedOrThrow(3));
    expect(indices.map((b) => b.length)).toEqual([4, 4, 2]);
    expect([...indices.flat()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    indices.forEach((columns, k) => {
      expect(equals(takeColumns(X, columns), batches[k]?.[0] ?? X)).toBe(true);
    });
    expect(afterIndices).toStrictEqual(afterBatches);
  });
});
