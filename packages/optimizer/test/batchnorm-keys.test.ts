import { orThrow, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  adam,
  createOptimizer,
  initialize_adam,
  initialize_velocity,
  update_parameters,
  update_parameters_with_adam,
} from "../src/index.js";
import { dictionaryKeys } from "../src/moments.js";

// Batch norm adds gamma_l and beta_l, (n_l, 1), to each hidden layer of the dictionary. An optimizer steps
// them with the same per-matrix rule as W_l and b_l, its moments under dgamma_l and dbeta_l.

const column = (...values: number[]) => unsafeMatrix(values.length, 1, Float64Array.from(values));
const parameters = {
  W1: unsafeMatrix(2, 3, Float64Array.of(0.1, -0.2, 0.3, 0.4, -0.5, 0.6)),
  b1: column(0.01, -0.02),
  gamma1: column(1, 1.5),
  beta1: column(0, -0.25),
  W2: unsafeMatrix(1, 2, Float64Array.of(0.7, -0.8)),
  b2: column(0.05),
};
const grads = {
  dW1: unsafeMatrix(2, 3, Float64Array.of(0.5, 0.25, -0.125, 1, -2, 0.75)),
  db1: column(1e-17, -2e-17),
  dgamma1: column(0.3, -0.6),
  dbeta1: column(-0.1, 0.2),
  dW2: unsafeMatrix(1, 2, Float64Array.of(0.9, -0.4)),
  db2: column(0.2),
  dA1: unsafeMatrix(2, 4, new Float64Array(8)),
};

describe("optimizers over a dictionary with batch norm", () => {
  it("take the keys from the dictionary, gamma_l and beta_l after b_l", () => {
    expect(dictionaryKeys(parameters)).toEqual([
      ["W1", "dW1"],
      ["b1", "db1"],
      ["gamma1", "dgamma1"],
      ["beta1", "dbeta1"],
      ["W2", "dW2"],
      ["b2", "db2"],
    ]);
  });

  it("update_parameters steps gamma and beta as it steps W and b: p − α·dp", () => {
    const next = orThrow(update_parameters(parameters, grads, 0.1));
    expect(Object.keys(next)).toEqual(["W1", "b1", "gamma1", "beta1", "W2", "b2"]);
    expect(Array.from(next["gamma1"]?.data ?? [])).toEqual([1 - 0.1 * 0.3, 1.5 - 0.1 * -0.6]);
    expect(Array.from(next["beta1"]?.data ?? [])).toEqual([0 - 0.1 * -0.1, -0.25 - 0.1 * 0.2]);
  });

  it("the moments are keyed dgamma_l and dbeta_l, and Adam's step is the same rule for every matrix", () => {
    const [v, s] = orThrow(initialize_adam(parameters));
    expect(Object.keys(v)).toEqual(["dW1", "db1", "dgamma1", "dbeta1", "dW2", "db2"]);
    expect(Object.keys(s)).toEqual(Object.keys(v));
    expect(Object.keys(orThrow(initialize_velocity(parameters)))).toEqual(Object.keys(v));
    const [next, v1, s1] = orThrow(update_parameters_with_adam(parameters, grads, v, s, 1, 0.01));
    // At t = 1 Adam's step is lr · dp / (|dp| + ε) per element: the sign of the gradient, scaled.
    const step = (p: number, dp: number) => p - (0.01 * dp) / (Math.sqrt(dp * dp) + 1e-8);
    const expected = [step(1, 0.3), step(1.5, -0.6)];
    (next["gamma1"]?.data ?? []).forEach((x, i) => {
      expect(x).toBeCloseTo(expected[i] as number, 15);
    });
    expect(v1["dgamma1"]?.data[0]).toBeCloseTo(0.1 * 0.3, 15);
    expect(s1["dbeta1"]?.data[1]).toBeCloseTo(0.001 * 0.04, 18);
    // The plugin's update gives the course function's numbers, bit for bit.
    const optimizer = orThrow(createOptimizer(adam, 0.01));
    const state = optimizer.update(1, grads, optimizer.init(parameters));
    expect(Object.keys(state.slots["v"] ?? {})).toEqual(Object.keys(v));
    for (const [key, m] of Object.entries(next))
      expect(Array.from(optimizer.params(state)[key as keyof typeof next]?.data ?? []), key).toEqual(
        Array.from(m?.data ?? []),
      );
  });

  it("grads without dgamma_l, or with a dgamma_l the parameters do not have, are errors that name it", () => {
    const { dgamma1: _, ...missing } = grads;
    const left = (e: E.Either<{ message: string }, unknown>) => (E.isLeft(e) ? e.left.message : "no error");
    expect(left(update_parameters(parameters, missing, 0.1))).toBe(
      "update_parameters: grads has no dgamma1 but parameters has gamma1; pass the grads that L_model_backward returned for these parameters",
    );
    const { gamma1: _g, beta1: _b, ...course } = parameters;
    expect(left(update_parameters(course, grads, 0.1))).toBe(
      "update_parameters: grads has dgamma1, dbeta1 but parameters has no gamma1, beta1; pass the grads that L_model_backward returned for these parameters",
    );
  });
});
