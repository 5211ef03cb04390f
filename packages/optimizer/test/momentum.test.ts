import { layerCount } from "@stepwise/core";
import { orThrow, zeros } from "@stepwise/tensor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  initialize_velocity,
  update_parameters,
  update_parameters_with_momentum,
  updateParametersWithHeavyBall,
} from "../src/index.js";
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

// Inputs: testCases.py's initialize_velocity_test_case and update_parameters_with_momentum_test_case
// (np.random.seed(1), randn), rebuilt by fixtures/make_fixtures.py; the notebook calls the update with
// beta = 0.9, learning_rate = 0.01. Expected: the course's functions run on them in numpy.
const parameters = dict(course.parameters);
const grads = dict(course.grads);
const { beta, learning_rate } = course.update_parameters_with_momentum;

describe("initialize_velocity", () => {
  it("gives zeros under dW1, db1, … shaped like the parameters (the notebook's test case)", () => {
    const v = orThrow(initialize_velocity(dict(course.initialize_test_case.parameters)));
    expect(dictEquals(v, { dW1: zeros(2, 3), db1: zeros(2, 1), dW2: zeros(3, 3), db2: zeros(3, 1) })).toBe(
      true,
    );
  });

  it("rejects a dictionary that is not the course's", () => {
    expect(thrown(() => initialize_velocity({ W1: zeros(2, 3) })).message).toContain(
      "initialize_velocity: parameters has W1 but no b1",
    );
  });
});

describe("update_parameters_with_momentum (the course's EMA form)", () => {
  it("matches the course's numbers to 1e-12 relative", () => {
    const [updated, v] = orThrow(
      update_parameters_with_momentum(
        parameters,
        grads,
        orThrow(initialize_velocity(parameters)),
        beta,
        learning_rate,
      ),
    );
    expectDictClose(updated, dict(course.update_parameters_with_momentum.expected.parameters));
    expectDictClose(v, dict(course.update_parameters_with_momentum.expected.v));
  });

  it("agrees with the notebook's printed Expected Output", () => {
    const [updated, v] = orThrow(
      update_parameters_with_momentum(parameters, grads, orThrow(initialize_velocity(parameters)), 0.9, 0.01),
    );
    expectPrinted(updated, "W1", [
      [1.62544598, -0.61290114, -0.52907334],
      [-1.07347112, 0.86450677, -2.30085497],
    ]);
    expectPrinted(updated, "b2", [[-0.87809283], [0.04055394], [0.58207317]]);
    expectPrinted(v, "dW1", [
      [-0.11006192, 0.11447237, 0.09015907],
      [0.05024943, 0.09008559, -0.06837279],
    ]);
  });

  it("never modifies its inputs", () => {
    fc.assert(
      fc.property(problem, fc.double({ min: 0, max: 0.99, noNaN: true }), (p, b) => {
        const g = firstGrads(p);
        const [, v1] = orThrow(
          update_parameters_with_momentum(
            p.parameters,
            g,
            orThrow(initialize_velocity(p.parameters)),
            b,
            0.1,
          ),
        );
        const before = [snapshot(p.parameters), snapshot(g), snapshot(v1)];
        orThrow(update_parameters_with_momentum(p.parameters, g, v1, b, 0.1));
        expect([snapshot(p.parameters), snapshot(g), snapshot(v1)]).toEqual(before);
      }),
    );
  });

  it("with beta 0 is gradient descent, step after step", () => {
    fc.assert(
      fc.property(problem, fc.double({ min: 0, max: 1, noNaN: true }), (p, lr) => {
        let gd = p.parameters;
        let mom = p.parameters;
        let v = orThrow(initialize_velocity(p.parameters));
        for (const g of p.grads) {
          gd = orThrow(update_parameters(gd, g, lr));
          [mom, v] = orThrow(update_parameters_with_momentum(mom, g, v, 0, lr));
          if (!dictEquals(gd, mom)) return false;
        }
        return true;
      }),
    );
  });
});

describe("updateParametersWithHeavyBall (PyTorch's SGD momentum, not the course's)", () => {
  it("matches torch.optim.SGD's formula (buf = β·buf + g) computed in numpy", () => {
    const [updated, v] = orThrow(
      updateParametersWithHeavyBall(
        parameters,
        grads,
        orThrow(initialize_velocity(parameters)),
        course.heavy_ball_momentum.beta,
        course.heavy_ball_momentum.learning_rate,
      ),
    );
    expectDictClose(updated, dict(course.heavy_ball_momentum.expected.parameters));
    expectDictClose(v, dict(course.heavy_ball_momentum.expected.v));
  });

  it("with beta 0 is gradient descent; its velocity is 1/(1 − β) times the course's for a constant gradient", () => {
    fc.assert(
      fc.property(problem, fc.double({ min: 0, max: 0.95, noNaN: true }), (p, b) => {
        const g = firstGrads(p);
        const [heavy0] = orThrow(
          updateParametersWithHeavyBall(p.parameters, g, orThrow(initialize_velocity(p.parameters)), 0, 0.1),
        );
        expect(dictEquals(heavy0, orThrow(update_parameters(p.parameters, g, 0.1)))).toBe(true);
        let vCourse = orThrow(initialize_velocity(p.parameters));
        let vHeavy = orThrow(initialize_velocity(p.parameters));
        for (let i = 0; i < 200; i++) {
          [, vCourse] = orThrow(update_parameters_with_momentum(p.parameters, g, vCourse, b, 0.1));
          [, vHeavy] = orThrow(updateParametersWithHeavyBall(p.parameters, g, vHeavy, b, 0.1));
        }
        for (const [, d] of layerKeys(layerCount(p.parameters))) {
          const vh = vHeavy[d]?.data ?? [];
          const vc = vCourse[d]?.data ?? [];
          expect(vh.length).toBe(vc.length);
          vh.forEach((x, i) => {
            expect(x * (1 - b)).toBeCloseTo(vc[i] ?? Number.NaN, 6);
          });
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("momentum errors", () => {
  const v0 = orThrow(initialize_velocity(parameters));
  it.each([
    [1, "1"],
    [-0.1, "-0.1"],
    [Number.NaN, "NaN"],
  ])("beta %s", (b, shown) => {
    const error = thrown(() => update_parameters_with_momentum(parameters, grads, v0, b, 0.01));
    expect(error._tag).toBe("InvalidArgument");
    expect(error.message).toBe(
      `update_parameters_with_momentum: beta is ${shown}; pass a number in [0, 1) (the course uses 0.9)`,
    );
  });

  it("learning_rate NaN", () => {
    expect(
      thrown(() => update_parameters_with_momentum(parameters, grads, v0, 0.9, Number.NaN)).message,
    ).toMatch(/^update_parameters_with_momentum: learning_rate is NaN; pass a finite number ≥ 0/);
  });

  it("a velocity that does not match the parameters", () => {
    const { db1: _, ...partial } = v0;
    expect(
      thrown(() => update_parameters_with_momentum(parameters, grads, partial, 0.9, 0.01)).message,
    ).toMatch(
      /^update_parameters_with_momentum: v has no db1 but parameters has b1; start from initialize_velocity\(parameters\)/,
    );
    expect(
      thrown(() => updateParametersWithHeavyBall(parameters, grads, { ...v0, dW2: grads.dW1 }, 0.9, 0.01))
        .message,
    ).toContain('updateParametersWithHeavyBall: v["dW2"] is (2, 3) but W2 is (3, 3)');
  });
});
