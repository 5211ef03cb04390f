import { bias, layerDimsOf, type Parameters, weight } from "@stepwise/core";
import { type RandomState, seedOrThrow } from "@stepwise/random";
import { type Matrix, type StepwiseError, sumAll, sumOfSquares, toArray } from "@stepwise/tensor";
import { type ArraySummary, loadCourseraInit } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  initialize_parameters,
  initialize_parameters_deep,
  initialize_parameters_he,
  initialize_parameters_random,
  initialize_parameters_xavier_normal,
  initialize_parameters_xavier_uniform,
  initialize_parameters_zeros,
} from "../src/index.js";

const fixture = loadCourseraInit();

const unwrap = <A>(result: E.Either<StepwiseError, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const expectSummary = (actual: Matrix | undefined, expected: ArraySummary | undefined): void => {
  if (actual === undefined || expected === undefined) throw new Error("missing matrix or fixture entry");
  expect([actual.rows, actual.cols]).toEqual(expected.shape);
  // First and last values are the RNG's exact doubles: `toBe`. Sums differ in summation order from
  // numpy's pairwise sum, so they get a relative 1e-12.
  expect(Array.from(actual.data.subarray(0, expected.first.length))).toEqual(expected.first);
  expect(Array.from(actual.data.subarray(actual.data.length - expected.last.length))).toEqual(expected.last);
  expect(sumAll(actual)).toBeCloseTo(expected.sum, 10);
  expect(Math.abs(sumAll(actual) - expected.sum)).toBeLessThanOrEqual(
    1e-12 * Math.max(1, Math.abs(expected.sum)),
  );
  expect(Math.abs(sumOfSquares(actual) - expected.sumsq)).toBeLessThanOrEqual(
    1e-12 * expected.sumsq + 1e-300,
  );
};

const expectLike = (parameters: Parameters, fixtureName: string): void => {
  const expected = fixture.inits[fixtureName];
  if (expected === undefined) throw new Error(`coursera-init.json has no run ${fixtureName}`);
  const keys = Object.keys(expected) as Array<keyof typeof expected>;
  expect(keys.length, `coursera-init.json's ${fixtureName}`).toBeGreaterThan(0);
  for (const key of keys) expectSummary(parameters[key as keyof Parameters], expected[key]);
};

describe("coursera-init.json (np.random.seed(1))", () => {
  it("initialize_parameters_deep([12288, 20, 7, 5, 1]) matches the application notebook", () => {
    const [parameters] = unwrap(initialize_parameters_deep([12288, 20, 7, 5, 1], seedOrThrow(1)));
    expectLike(parameters, "deep_seed1_12288_20_7_5_1");
    expect(layerDimsOf(parameters)).toEqual([12288, 20, 7, 5, 1]);
  });
  it("initialize_parameters(12288, 7, 1) matches the two-layer notebook", () => {
    const [parameters] = unwrap(initialize_parameters(12288, 7, 1, seedOrThrow(1)));
    expectLike(parameters, "two_seed1_12288_7_1");
  });
});

// Expected values below were printed by numpy 2 on this machine, e.g.
// python3 -c "import numpy as np; np.random.seed(3); print((np.random.randn(4,2)*np.sqrt(2./2)).tolist())"
describe("Course 2 initializers, against numpy", () => {
  it("initialize_parameters_he([2, 4, 1]) with seed 3 (the course's Expected Output)", () => {
    const [p] = unwrap(initialize_parameters_he([2, 4, 1], seedOrThrow(3)));
    expect(toArray(weight(p, 1))).toEqual([
      [1.7886284734303186, 0.43650985051198943],
      [0.09649746807200862, -1.8634927033644908],
      [-0.27738820251439905, -0.35475897926898675],
      [-0.08274148148245977, -0.6270006768238473],
    ]);
    expect(toArray(weight(p, 2))).toEqual([
      [-0.030984124422056857, -0.33744410537169206, -0.9290426766647434, 0.6255224840406426],
    ]);
    expect(toArray(bias(p, 1))).toEqual([[0], [0], [0], [0]]);
  });
  it("initialize_parameters_random([3, 2, 1]) scales by 10", () => {
    const [p] = unwrap(initialize_parameters_random()([3, 2, 1], seedOrThrow(3)));
    expect(toArray(weight(p, 1))).toEqual([
      [17.886284734303185, 4.365098505119894, 0.9649746807200863],
      [-18.634927033644907, -2.7738820251439904, -3.5475897926898674],
    ]);
    expect(toArray(weight(p, 2))).toEqual([[-0.8274148148245977, -6.270006768238473]]);
  });
  it("Glorot uniform and normal", () => {
    const [u] = unwrap(initialize_parameters_xavier_uniform([3, 2], seedOrThrow(2)));
    expect(toArray(weight(u, 1))).toEqual([
      [-0.14022814356860047, -1.0386435869973543, 0.10880503758308113],
      [-0.14170153811372954, -0.1744654044015922, -0.3717177830373194],
    ]);
    const [n] = unwrap(initialize_parameters_xavier_normal([3, 2], seedOrThrow(2)));
    expect(toArray(weight(n, 1))).toEqual([
      [-0.2635808061100364, -0.035586266149275125, -1.3510490382142533],
      [1.0373983468090848, -1.134268257202544, -0.5323677779840397],
    ]);
  });
  it("initialize_parameters(3, 2, 1) with seed 1 draws W1 then W2 at 0.01", () => {
    const [p] = unwrap(initialize_parameters(3, 2, 1, seedOrThrow(1)));
    expect(toArray(weight(p, 1))).toEqual([
      [0.01624345363663242, -0.006117564136500754, -0.005281717522634557],
      [-0.010729686221561705, 0.008654076293246785, -0.02301538696880283],
    ]);
    expect(toArray(weight(p, 2))).toEqual([[0.0174481176421648, -0.007612069008951028]]);
  });
  it("zeros draws nothing and returns the state unchanged", () => {
    const rng: RandomState = seedOrThrow(0);
    const [p, after] = unwrap(initialize_parameters_zeros([3, 2, 1], rng));
    expect(after).toBe(rng);
    expect(toArray(weight(p, 1))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});

describe("purity and the RNG state", () => {
  it("the same state gives the same parameters, and the returned state continues the stream", () => {
    const rng = seedOrThrow(1);
    const [a, next] = unwrap(initialize_parameters_deep([4, 3, 1], rng));
    const [b] = unwrap(initialize_parameters_deep([4, 3, 1], rng));
    expect(toArray(weight(a, 1))).toEqual(toArray(weight(b, 1)));
    const [c] = unwrap(initialize_parameters_deep([4, 3, 1], next));
    expect(toArray(weight(c, 1))).not.toEqual(toArray(weight(a, 1)));
  });
});
