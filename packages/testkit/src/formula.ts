import type { Activation, Cost } from "@stepwise/core";
import { fromFunction, type Matrix, map, sumAll, type Tolerance, zipWith } from "@stepwise/tensor";
import { describe, it } from "vitest";
import { assertClose, expectMatrixClose } from "./assert-close.js";

/**
 * Formula tests, the second half of every plugin's test file (the contract is the first): the plugin
 * against its formula written out independently in the test. These register vitest cases, like
 * `runActivationContract`.
 */

export interface ActivationFormula {
  /** g(z), written independently of the plugin. */
  readonly fn: (z: number) => number;
  /** g'(z). */
  readonly derivative: (z: number) => number;
  /** Where to compare (default: 3 × 9 values spread over [−6.8, 7.5]). */
  readonly Z?: Matrix;
  readonly forward?: Tolerance;
  readonly backward?: Tolerance;
}

const defaultZ = fromFunction(3, 9, (i, j) => (j - 4) * 1.7 + i * 0.37);
const strict: Tolerance = { rtol: 1e-12, atol: 1e-300 };

/** `forward(Z) = g(Z)` and `backward(dA, cache) = dA ⊙ g'(Z)` elementwise, for a fixed varied dA. */
export const describeActivationFormula = (
  title: string,
  plugin: Activation,
  formula: ActivationFormula,
): void => {
  const Z = formula.Z ?? defaultZ;
  const dA = map(Z, (_, i, j) => Math.cos(i + 2 * j));
  describe(`${title} against its formula`, () => {
    it("forward is g(z)", () => {
      expectMatrixClose(plugin.forward(Z)[0], map(Z, formula.fn), formula.forward ?? strict);
    });
    it("backward is dA · g'(z)", () => {
      const [, cache] = plugin.forward(Z);
      const expected = map(Z, (z, i, j) => formula.derivative(z) * Math.cos(i + 2 * j));
      expectMatrixClose(plugin.backward(dA, cache), expected, formula.backward ?? strict);
    });
  });
};

export interface CostFormula {
  /** The loss of one output unit; J is its sum over rows, averaged over columns. */
  readonly loss: (a: number, y: number) => number;
  /** ∂loss/∂a. */
  readonly derivative: (a: number, y: number) => number;
  readonly AL: Matrix;
  readonly Y: Matrix;
  readonly cost?: Tolerance;
  readonly backward?: Tolerance;
}

/** `compute_cost = (1/m) Σ loss(a, y)` and `cost_backward = ∂loss/∂a` elementwise. */
export const describeCostFormula = (title: string, plugin: Cost, formula: CostFormula): void => {
  const { AL, Y } = formula;
  describe(`${title} against its formula`, () => {
    it("J = (1/m) Σ_columns Σ_rows loss(a, y)", () => {
      const expected = sumAll(zipWith(AL, Y, formula.loss)) / AL.cols;
      assertClose(plugin.compute_cost(AL, Y), expected, formula.cost ?? { rtol: 1e-12, atol: 0 });
    });
    it("dAL = ∂loss/∂a", () => {
      expectMatrixClose(
        plugin.cost_backward(AL, Y),
        zipWith(AL, Y, formula.derivative),
        formula.backward ?? strict,
      );
    });
  });
};
