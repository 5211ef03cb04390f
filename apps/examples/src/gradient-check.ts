/**
 * Example `gradient-check`: the Gradient Checking notebook (Course 2, week 1) — `gradient_check_n` on its
 * test case, first against `backward_propagation_n` with the notebook's two planted bugs, then against the
 * fixed backward pass.
 *
 * The notebook's network is LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID on 3 examples of 4 features,
 * drawn from `np.random.seed(1)` by `gradient_check_n_test_case()`: x = randn(4, 3), y = [1, 1, 0], then
 * W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1), all randn. Its cost is
 * `1./m * np.sum(-log(A3)·Y − log(1 − A3)·(1 − Y))` (the `binary_cross_entropy_nansum` cost), its backward
 * pass starts from `dZ3 = A3 − Y` and averages with `1./m * np.dot(…)`: here `L_model_backward` with that
 * cost and `batchMean: "reciprocal"`. The planted bugs are
 *
 *     dW2 = 1./m * np.dot(dZ2, A1.T) * 2        (a stray factor 2)
 *     db1 = 4./m * np.sum(dZ1, axis=1, keepdims = True)   (4 where 1 belongs)
 *
 * The check finds them: above the course's 2e-7 the backward pass is wrong, and comparing the two gradient
 * vectors block by block says which blocks (db1 and dW2). With the bugs fixed the difference drops to
 * 1.189e-07, under the threshold: the notebook's 0.2850931567761623 and 1.1890913024229996e-07, to the
 * digits that central differences with ε = 1e-7 leave meaningful (their rounding is ~1e-16 / 1e-7).
 *
 * Run: pnpm example gradient-check
 */
import { GRADIENT_CHECK_THRESHOLD, gradient_check_n, L_model_backward } from "@stepwise/backward";
import { fromLayers, type Grads, type Parameters } from "@stepwise/core";
import { binary_cross_entropy_nansum } from "@stepwise/cost-binary-cross-entropy";
import { L_model_forward } from "@stepwise/forward-cache";
import { randn, seedOrThrow } from "@stepwise/random";
import { type Matrix, multiply, rowVector, subtract, sumOfSquares } from "@stepwise/tensor";
import { orThrow, py, runIfMain } from "./run.js";

/** `gradient_check_n_test_case()`: one seeded stream, drawn in the notebook's order. */
export const gradient_check_n_test_case = (): readonly [X: Matrix, Y: Matrix, parameters: Parameters] => {
  const shapes: ReadonlyArray<readonly [number, number]> = [
    [4, 3],
    [5, 4],
    [5, 1],
    [3, 5],
    [3, 1],
    [1, 3],
    [1, 1],
  ];
  let state = seedOrThrow(1);
  const drawn = shapes.map(([rows, cols]) => {
    const [m, next] = randn(rows, cols)(state);
    state = next;
    return m;
  });
  const [x, W1, b1, W2, b2, W3, b3] = drawn as [Matrix, Matrix, Matrix, Matrix, Matrix, Matrix, Matrix];
  return [
    x,
    orThrow(rowVector([1, 1, 0])),
    fromLayers([
      [W1, b1],
      [W2, b2],
      [W3, b3],
    ]),
  ];
};

const BACKWARD = { cost: binary_cross_entropy_nansum, batchMean: "reciprocal" } as const;

/** `backward_propagation_n` as the notebook ships it: right, except dW2 (×2) and db1 (4/m for 1/m). */
export const backward_propagation_n_with_bugs = (X: Matrix, Y: Matrix, parameters: Parameters): Grads => {
  const [AL, caches] = orThrow(L_model_forward(X, parameters));
  const grads = orThrow(L_model_backward(AL, Y, caches, BACKWARD));
  return { ...grads, dW2: multiply(grads["dW2"] as Matrix, 2), db1: multiply(grads["db1"] as Matrix, 4) };
};

/** The fixed `backward_propagation_n`: the course's L_model_backward. */
export const backward_propagation_n = (X: Matrix, Y: Matrix, parameters: Parameters): Grads => {
  const [AL, caches] = orThrow(L_model_forward(X, parameters));
  return orThrow(L_model_backward(AL, Y, caches, BACKWARD));
};

/** `‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖)` for one block: how wrong that gradient is. */
export const blockDifferences = (
  parameters: Parameters,
  gradients: Grads,
  reference: Grads,
): ReadonlyArray<readonly [key: string, difference: number]> =>
  Object.keys(parameters).map((key) => {
    const g = gradients[`d${key}` as keyof Grads] as Matrix;
    const r = reference[`d${key}` as keyof Grads] as Matrix;
    const difference =
      Math.sqrt(sumOfSquares(subtract(g, r))) / (Math.sqrt(sumOfSquares(g)) + Math.sqrt(sumOfSquares(r)));
    return [`d${key}`, difference] as const;
  });

export interface GradientCheckResult {
  readonly withBugs: number;
  /** The blocks whose gradient disagrees with the fixed backward pass: the planted bugs. */
  readonly buggyBlocks: ReadonlyArray<string>;
  readonly fixed: number;
}

/** The notebook's verdict line (its colours left out), the number as Python prints it. */
export const verdict = (difference: number): string =>
  difference > GRADIENT_CHECK_THRESHOLD
    ? `There is a mistake in the backward propagation! difference = ${py(difference)}`
    : `Your backward propagation works perfectly fine! difference = ${py(difference)}`;

export const gradient_check_example = (print = false): GradientCheckResult => {
  const [X, Y, parameters] = gradient_check_n_test_case();
  const check = (gradients: Grads): number => {
    const difference = orThrow(
      gradient_check_n(parameters, gradients, X, Y, 1e-7, false, { cost: binary_cross_entropy_nansum }),
    );
    if (print) console.log(verdict(difference));
    return difference;
  };
  const buggy = backward_propagation_n_with_bugs(X, Y, parameters);
  const withBugs = check(buggy);
  const fixedGradients = backward_propagation_n(X, Y, parameters);
  const buggyBlocks = blockDifferences(parameters, buggy, fixedGradients)
    .filter(([, d]) => d > GRADIENT_CHECK_THRESHOLD)
    .map(([key]) => key);
  if (print) console.log(`The mistakes are in ${buggyBlocks.join(" and ")}; fixing them:`);
  const fixed = check(fixedGradients);
  return { withBugs, buggyBlocks, fixed };
};

export const main = (): void => {
  gradient_check_example(true);
};

runIfMain(import.meta.url, main);
