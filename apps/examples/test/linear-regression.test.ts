import { seedOrThrow } from "@stepwise/random";
import { type Matrix, maxAbsDifference, meanAll, square } from "@stepwise/tensor";
import { finiteDifferenceGradient, matrix } from "@stepwise/testkit";
import { describe, expect, it, vi } from "vitest";
import {
  forward_linear_regression,
  loss_gradients,
  main,
  make_regression_data,
  NOISE_FLOOR,
  NOISE_STD,
  TRUE_WEIGHTS,
  train_linear_regression,
  type Weights,
} from "../src/linear-regression.js";

const { X, y, noise } = make_regression_data(1000, seedOrThrow(0));

describe("forward_linear_regression and loss_gradients", () => {
  const X_batch = matrix([
    [1, 2, 0.5],
    [-1, 0.3, 2],
    [0.2, -0.7, 1.1],
    [1.5, 0.1, -0.4],
  ]);
  const y_batch = matrix([[3], [-1], [0.5], [2]]);
  const weights: Weights = { W: matrix([[0.3], [-0.2], [0.8]]), B: matrix([[0.1]]) };

  it("computes N = X·W, P = N + B and the mean squared error, keeping the targets under 'y'", () => {
    const [loss, info] = forward_linear_regression(X_batch, y_batch, weights);
    expect(info.y).toBe(y_batch); // the notes' first bug: Y_batch for y_batch
    const row = (i: number): number[] => Array.from(X_batch.data.subarray(3 * i, 3 * i + 3));
    const w = Array.from(weights.W.data);
    const N = [0, 1, 2, 3].map((i) => row(i).reduce((s, x, k) => s + x * (w[k] as number), 0));
    expect(Array.from(info.N.data)).toStrictEqual(N);
    const residuals = [0, 1, 2, 3].map((i) => (y_batch.data[i] as number) - (info.P.data[i] as number));
    expect(loss).toBeCloseTo(residuals.reduce((s, r) => s + r * r, 0) / 4, 15);
    for (let i = 0; i < 4; i++) expect(info.P.data[i]).toBe((info.N.data[i] as number) + 0.1);
  });

  it("gives the gradients of that loss: they agree with central finite differences", () => {
    const [, info] = forward_linear_regression(X_batch, y_batch, weights);
    const grads = loss_gradients(info, weights); // the notes' second bug: 'Y' for 'y'
    const lossAtW = (W: Matrix): number => forward_linear_regression(X_batch, y_batch, { ...weights, W })[0];
    const lossAtB = (B: Matrix): number => forward_linear_regression(X_batch, y_batch, { ...weights, B })[0];
    // Central differences of a quadratic are exact up to round-off (~1e-10 at ε = 1e-6 and losses ~1).
    expect(maxAbsDifference(grads.W, finiteDifferenceGradient(lossAtW, weights.W))).toBeLessThan(1e-8);
    expect(maxAbsDifference(grads.B, finiteDifferenceGradient(lossAtB, weights.B))).toBeLessThan(1e-8);
    expect([grads.W.rows, grads.W.cols, grads.B.rows, grads.B.cols]).toStrictEqual([3, 1, 1, 1]);
  });

  it("agrees with finite differences on the generated data too", () => {
    const start: Weights = { W: matrix([[0], [0], [0]]), B: matrix([[0]]) };
    const [, info] = forward_linear_regression(X, y, start);
    const grads = loss_gradients(info, start);
    const lossAtW = (W: Matrix): number => forward_linear_regression(X, y, { ...start, W })[0];
    // Gradients here are O(10); 1e-6 relative.
    expect(maxAbsDifference(grads.W, finiteDifferenceGradient(lossAtW, start.W))).toBeLessThan(1e-5);
  });

  it("rejects mismatched shapes like the notes' asserts", () => {
    expect(() => forward_linear_regression(X_batch, matrix([[1], [2]]), weights)).toThrow(
      "forward_linear_regression: X_batch is (4, 3) but y_batch is (2, 1)",
    );
    expect(() => forward_linear_regression(X_batch, y_batch, { ...weights, W: matrix([[1], [2]]) })).toThrow(
      "W must be (3, 1)",
    );
    expect(() => forward_linear_regression(X_batch, y_batch, { ...weights, B: matrix([[1, 2]]) })).toThrow(
      "B must be (1, 1)",
    );
  });
});

describe("training on y = X·[2, −3.4, 1.7] + 4.2 + N(0, 0.5²)", () => {
  const { weights, losses } = train_linear_regression(X, y);
  const final = losses[losses.length - 1] as number;
  // The loss of the true formula on these data is the sample variance of the noise that was added.
  const trueLoss = meanAll(square(noise));

  it("the loss falls monotonically to the noise floor σ² = 0.25", () => {
    expect(NOISE_FLOOR).toBe(NOISE_STD ** 2);
    for (let i = 1; i < losses.length; i++)
      expect(losses[i]).toBeLessThanOrEqual((losses[i - 1] as number) + 1e-15);
    expect(losses[0]).toBeGreaterThan(10);
    // Tolerance: on m = 1000 examples, mean(ε²) scatters around σ² with standard deviation σ²·√(2/m) ≈ 4.5 %
    // of σ²; 10 % is over two standard deviations. (Here final = 0.25772, mean(ε²) = 0.25806.)
    expect(Math.abs(final - NOISE_FLOOR)).toBeLessThan(0.1 * NOISE_FLOOR);
    // Least squares can only do better than the true formula on the data it was fitted to, and by about
    // (n + 1)/m · σ² = 0.001 in expectation: the fit is at the floor, not below it by overfitting.
    expect(final).toBeLessThanOrEqual(trueLoss);
    expect(trueLoss - final).toBeLessThan(0.005);
  });

  it("has converged (the last 50 losses agree to 1e-12) and recovers the formula's weights to ±0.05", () => {
    expect(Math.abs(final - (losses[losses.length - 51] as number))).toBeLessThan(1e-12);
    TRUE_WEIGHTS.w.forEach((w, i) => {
      expect(Math.abs((weights.W.data[i] as number) - w)).toBeLessThan(0.05);
    });
    expect(Math.abs((weights.B.data[0] as number) - TRUE_WEIGHTS.b)).toBeLessThan(0.05);
  });

  it("prints the loss curve and the noise floor", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    main();
    const lines = log.mock.calls.map((args) => args.join(" "));
    log.mockRestore();
    expect(lines[1]).toMatch(/^loss after iteration 0: 40\.56/);
    expect(lines.at(-1)).toMatch(/^noise floor σ² = 0.25; /);
  });
});
