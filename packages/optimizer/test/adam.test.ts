import { layerCount } from "@stepwise/core";
import { orThrow, zeros } from "@stepwise/tensor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { initialize_adam, update_parameters_with_adam } from "../src/index.js";
import { layerKeys } from "../src/moments.js";
import course from "./fixtures/optimization-methods.json" with { type: "json" };
import {
  dict,
  dictEquals,
  expectDictClose,
  expectPrinted,
  firstGrads,
  problem,
  snapshot,
  thrown,
} from "./helpers.js";

// Inputs: testCases.py's initialize_adam_test_case and update_parameters_with_adam_test_case
// (np.random.seed(1), randn), rebuilt by fixtures/make_fixtures.py. The original notebook calls the
// update with t = 2 and the defaults; its 2021 revision with t = 2, learning_rate 0.02, beta1 0.8,
// beta2 0.888, epsilon 1e-2. Expected: the course's update_parameters_with_adam run on them in numpy.
const parameters = dict(course.parameters);
const grads = dict(course.grads);

describe("initialize_adam", () => {
  it("gives [v, s], zeros under dW1, db1, … shaped like the parameters (the notebook's test case)", () => {
    const [v, s] = orThrow(initialize_adam(dict(course.initialize_test_case.parameters)));
    const expected = { dW1: zeros(2, 3), db1: zeros(2, 1), dW2: zeros(3, 3), db2: zeros(3, 1) };
    expect(dictEquals(v, expected)).toBe(true);
    expect(dictEquals(s, expected)).toBe(true);
  });
});

describe("update_parameters_with_adam", () => {
  it.each([
    ["the original notebook (t = 2, defaults)", course.update_parameters_with_adam],
    ["the 2021 notebook (t = 2, lr 0.02, β1 0.8, β2 0.888, ε 1e-2)", course.update_parameters_with_adam_2021],
  ])("matches the course's numbers to 1e-12 relative: %s", (_, c) => {
    const [v0, s0] = orThrow(initialize_adam(parameters));
    const out = orThrow(
      update_parameters_with_adam(
        parameters,
        grads,
        v0,
        s0,
        c.t,
        c.learning_rate,
        c.beta1,
        c.beta2,
        c.epsilon,
      ),
    );
    expectDictClose(out[0], dict(c.expected.parameters));
    expectDictClose(out[1], dict(c.expected.v));
    expectDictClose(out[2], dict(c.expected.s));
    expectDictClose(out[3], dict(c.expected.v_corrected));
    expectDictClose(out[4], dict(c.expected.s_corrected));
  });

  it("uses the course's defaults: learning_rate 0.01, beta1 0.9, beta2 0.999, epsilon 1e-8", () => {
    const [v0, s0] = orThrow(initialize_adam(parameters));
    const defaults = orThrow(update_parameters_with_adam(parameters, grads, v0, s0, 2));
    const explicit = orThrow(
      update_parameters_with_adam(parameters, grads, v0, s0, 2, 0.01, 0.9, 0.999, 1e-8),
    );
    defaults.forEach((d, i) => {
      expect(dictEquals(d, explicit[i] ?? {})).toBe(true);
    });
  });

  it("agrees with the notebook's printed Expected Output (W1, both revisions)", () => {
    const [v0, s0] = orThrow(initialize_adam(parameters));
    const [original, , s] = orThrow(update_parameters_with_adam(parameters, grads, v0, s0, 2));
    expectPrinted(original, "W1", [
      [1.63178673, -0.61919778, -0.53561312],
      [-1.08040999, 0.85796626, -2.29409733],
    ]);
    expectPrinted(s, "dW1", [
      [0.00121136, 0.00131039, 0.00081287],
      [0.0002525, 0.00081154, 0.00046748],
    ]);
    const [revised] = orThrow(
      update_parameters_with_adam(parameters, grads, v0, s0, 2, 0.02, 0.8, 0.888, 1e-2),
    );
    expectPrinted(revised, "W1", [
      [1.63942428, -0.6268425, -0.54320974],
      [-1.08782943, 0.85036983, -2.2865723],
    ]);
  });

  it("never modifies its inputs", () => {
    fc.assert(
      fc.property(problem, (p) => {
        const g = firstGrads(p);
        const [v0, s0] = orThrow(initialize_adam(p.parameters));
        const [, v1, s1] = orThrow(update_parameters_with_adam(p.parameters, g, v0, s0, 1));
        const before = [snapshot(p.parameters), snapshot(g), snapshot(v1), snapshot(s1)];
        orThrow(update_parameters_with_adam(p.parameters, g, v1, s1, 2));
        expect([snapshot(p.parameters), snapshot(g), snapshot(v1), snapshot(s1)]).toEqual(before);
      }),
    );
  });

  it("moves each parameter by at most about learning_rate on the first step (|v̂/√ŝ| ≤ 1 at t = 1)", () => {
    fc.assert(
      fc.property(problem, fc.double({ min: 1e-4, max: 1, noNaN: true }), (p, lr) => {
        const [v0, s0] = orThrow(initialize_adam(p.parameters));
        const [updated] = orThrow(update_parameters_with_adam(p.parameters, firstGrads(p), v0, s0, 1, lr));
        return layerKeys(layerCount(p.parameters)).every(([key]) => {
          const before = p.parameters[key]?.data ?? [];
          const after = updated[key]?.data ?? [];
          return before.every((w, i) => Math.abs((after[i] ?? Number.NaN) - w) <= lr * (1 + 1e-12));
        });
      }),
    );
  });
});

describe("update_parameters_with_adam errors", () => {
  const [v0, s0] = orThrow(initialize_adam(parameters));
  const call = (t: number, lr = 0.01, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) =>
    thrown(() => update_parameters_with_adam(parameters, grads, v0, s0, t, lr, beta1, beta2, epsilon));

  it("t < 1 or not an integer", () => {
    expect(call(0).message).toMatch(/^update_parameters_with_adam: t is 0; t counts updates from 1/);
    expect(call(1.5).message).toContain("t is 1.5");
    expect(call(Number.NaN)._tag).toBe("InvalidArgument");
  });

  it("beta1, beta2, epsilon, learning_rate", () => {
    expect(call(1, 0.01, 1).message).toBe(
      "update_parameters_with_adam: beta1 is 1; pass a number in [0, 1) (the course uses 0.9)",
    );
    expect(call(1, 0.01, 0.9, 1.5).message).toBe(
      "update_parameters_with_adam: beta2 is 1.5; pass a number in [0, 1) (the course uses 0.999)",
    );
    expect(call(1, 0.01, 0.9, 0.999, 0).message).toBe(
      "update_parameters_with_adam: epsilon is 0; pass a number > 0 (the course uses 1e-8)",
    );
    expect(call(1, Number.NaN).message).toMatch(/^update_parameters_with_adam: learning_rate is NaN/);
  });

  it("s that does not match the parameters", () => {
    const { dW2: _, ...partial } = s0;
    expect(thrown(() => update_parameters_with_adam(parameters, grads, v0, partial, 1)).message).toMatch(
      /^update_parameters_with_adam: s has no dW2 but parameters has W2; start from initialize_adam\(parameters\)/,
    );
  });
});
