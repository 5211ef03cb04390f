import { layerCount } from "@stepwise/core";
import { equals, orThrow, zipWith } from "@stepwise/tensor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { update_parameters, update_parameters_with_gd } from "../src/index.js";
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

// Inputs: testCases.py's update_parameters_with_gd_test_case (np.random.seed(1), randn), rebuilt by
// fixtures/make_fixtures.py; expected: the course's update function run on them in numpy.
const parameters = dict(course.parameters);
const grads = dict(course.grads);

describe("update_parameters (the notebook's update_parameters_with_gd)", () => {
  it("matches the course's numbers to 1e-12 relative", () => {
    const updated = orThrow(
      update_parameters(parameters, grads, course.update_parameters_with_gd.learning_rate),
    );
    expectDictClose(updated, dict(course.update_parameters_with_gd.expected));
  });

  it("agrees with the notebook's printed Expected Output", () => {
    const updated = orThrow(update_parameters_with_gd(parameters, grads, 0.01));
    expectPrinted(updated, "W1", [
      [1.63535156, -0.62320365, -0.53718766],
      [-1.07799357, 0.85639907, -2.29470142],
    ]);
    expectPrinted(updated, "b1", [[1.74604067], [-0.75184921]]);
    expectPrinted(updated, "W2", [
      [0.32171798, -0.25467393, 1.46902454],
      [-2.05617317, -0.31554548, -0.3756023],
      [1.1404819, -1.09976462, -0.1612551],
    ]);
    expectPrinted(updated, "b2", [[-0.88020257], [0.02561572], [0.57539477]]);
  });

  it("ignores dA keys in grads (L_model_backward returns them too)", () => {
    const withDA = { ...grads, dA0: parameters.W1, dA1: parameters.b2 };
    expect(
      dictEquals(
        orThrow(update_parameters(parameters, withDA, 0.01)),
        orThrow(update_parameters(parameters, grads, 0.01)),
      ),
    ).toBe(true);
  });

  it("never modifies its inputs", () => {
    fc.assert(
      fc.property(problem, fc.double({ min: 0, max: 2, noNaN: true }), (p, lr) => {
        const before = [snapshot(p.parameters), snapshot(firstGrads(p))];
        orThrow(update_parameters(p.parameters, firstGrads(p), lr));
        expect([snapshot(p.parameters), snapshot(firstGrads(p))]).toEqual(before);
      }),
    );
  });

  it("is the identity with learning_rate 0", () => {
    fc.assert(
      fc.property(problem, (p) =>
        dictEquals(orThrow(update_parameters(p.parameters, firstGrads(p), 0)), p.parameters),
      ),
    );
  });

  it("is W − lr·dW element by element", () => {
    fc.assert(
      fc.property(problem, fc.double({ min: 0, max: 2, noNaN: true }), (p, lr) => {
        const g = firstGrads(p);
        const updated = orThrow(update_parameters(p.parameters, g, lr));
        return layerKeys(layerCount(p.parameters)).every(([key, dKey]) => {
          const W = p.parameters[key];
          const dW = g[dKey];
          const out = updated[key];
          return (
            W !== undefined &&
            dW !== undefined &&
            out !== undefined &&
            equals(
              out,
              zipWith(W, dW, (w, d) => w - lr * d),
            )
          );
        });
      }),
    );
  });
});

describe("update_parameters errors", () => {
  it.each([
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [-0.01, "-0.01"],
  ])("learning_rate %s", (lr, shown) => {
    const error = thrown(() => update_parameters(parameters, grads, lr));
    expect(error._tag).toBe("InvalidArgument");
    expect(error.message).toContain(`update_parameters: learning_rate is ${shown}; pass a finite number ≥ 0`);
  });

  it("grads missing a key that parameters has", () => {
    const { db2: _, ...partial } = grads;
    const error = thrown(() => update_parameters(parameters, partial, 0.01));
    expect(error._tag).toBe("ShapeError");
    expect(error.message).toMatch(
      /^update_parameters: grads has no db2 but parameters has b2; pass the grads/,
    );
  });

  it("grads with a layer the parameters lack", () => {
    const error = thrown(() => update_parameters(parameters, { ...grads, dW3: grads.dW2 }, 0.01));
    expect(error.message).toMatch(/update_parameters: grads has dW3 but parameters has 2 layers \(W1..W2\)/);
  });

  it("a gradient of the wrong shape", () => {
    const error = thrown(() => update_parameters(parameters, { ...grads, dW1: grads.dW2 }, 0.01));
    expect(error._tag).toBe("ShapeError");
    expect(error.message).toContain('update_parameters: grads["dW1"] is (3, 3) but W1 is (2, 3)');
  });

  it("a NaN gradient is named, not propagated", () => {
    const dW2 = dict({
      x: [
        [0, 0, 0],
        [0, 0, Number.NaN],
        [0, 0, 0],
      ],
    }).x;
    const error = thrown(() => update_parameters(parameters, { ...grads, dW2 }, 0.01));
    expect(error._tag).toBe("NonFinite");
    expect(error.message).toContain(
      'update_parameters: grads["dW2"] element (1, 2) is NaN; the run has diverged',
    );
  });

  it("NaN parameters are named too", () => {
    const W1 = dict({
      x: [
        [Number.NaN, 0, 0],
        [0, 0, 0],
      ],
    }).x;
    const error = thrown(() => update_parameters({ ...parameters, W1 }, grads, 0.01));
    expect(error.message).toContain('update_parameters: parameters["W1"] element (0, 0) is NaN');
  });

  it("parameters that are not the course's dictionary", () => {
    const { b1: _, ...noB1 } = parameters;
    expect(thrown(() => update_parameters(noB1, grads, 0.01)).message).toContain(
      "update_parameters: parameters has W1 but no b1; every layer l needs both W1 and b1",
    );
    expect(thrown(() => update_parameters({}, grads, 0.01)).message).toContain("parameters has no weights");
  });
});
