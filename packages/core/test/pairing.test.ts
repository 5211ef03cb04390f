import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { checkOutputCost, defineActivation, defineCost } from "../src/index.js";

const logistic = defineActivation({
  name: "logistic_test",
  outputRange: "probability",
  fn: (z) => 1 / (1 + Math.exp(-z)),
  derivative: (_, a) => a * (1 - a),
});
const normalized = defineActivation({
  name: "normalized_test",
  outputRange: "distribution",
  fn: (z) => z,
  derivative: () => 1,
});
const linear = defineActivation({
  name: "linear_test",
  outputRange: "real",
  fn: (z) => z,
  derivative: () => 1,
});
const rectifier = defineActivation({
  name: "rectifier_test",
  fn: (z) => Math.max(z, 0),
  derivative: (z) => (z > 0 ? 1 : 0),
});

const crossEntropy = defineCost({
  name: "cross_entropy_test",
  accepts: { outputRange: ["probability"], hint: "Use logistic_test." },
  loss: (a, y) => -(y * Math.log(a) + (1 - y) * Math.log(1 - a)),
  derivative: (a, y) => -(y / a - (1 - y) / (1 - a)),
});
const categorical = defineCost({
  name: "categorical_test",
  accepts: { outputRange: ["distribution"], minUnits: 2 },
  loss: (a, y) => -y * Math.log(a),
  derivative: (a, y) => -y / a,
});
const squared = defineCost({
  name: "squared_test",
  loss: (a, y) => (a - y) ** 2 / 2,
  derivative: (a, y) => a - y,
});

const message = (result: E.Either<{ readonly message: string }, void>): string =>
  E.isLeft(result) ? result.left.message : "ok";

describe("checkOutputCost", () => {
  it("passes a pairing the cost accepts, and any output for a cost that declares nothing", () => {
    expect(message(checkOutputCost("t", logistic, crossEntropy, 1))).toBe("ok");
    expect(message(checkOutputCost("t", normalized, categorical, 3))).toBe("ok");
    for (const output of [logistic, linear, rectifier])
      expect(message(checkOutputCost("t", output, squared, 1))).toBe("ok");
  });

  it("names the cost, what it needs, what the output gives, and the hint", () => {
    expect(message(checkOutputCost("t", linear, crossEntropy, 1))).toBe(
      't: the cost "cross_entropy_test" needs an output activation that gives a probability in (0, 1) for each unit (as sigmoid does), but "linear_test" gives an unbounded real number such as a logit (as identity does). Use logistic_test.',
    );
    expect(message(checkOutputCost("t", rectifier, crossEntropy))).toContain(
      '"rectifier_test" promises none of these (a plugin declares what it gives with meta.outputRange)',
    );
  });

  it("refuses a distribution over one unit, whatever the cost, and a cost's minimum of units", () => {
    expect(message(checkOutputCost("t", normalized, squared, 1))).toBe(
      't: the output activation "normalized_test" over 1 unit always gives exactly 1 (it normalizes each column), so nothing can be learned; give the output layer one unit per class (≥ 2), or use "sigmoid" for a single yes/no unit',
    );
    expect(message(checkOutputCost("t", normalized, categorical))).toBe("ok");
    const twoUnitsNeeded = defineCost({
      ...categorical.meta,
      accepts: { outputRange: ["real"], minUnits: 2 },
      loss: () => 0,
      derivative: () => 0,
    });
    expect(message(checkOutputCost("t", linear, twoUnitsNeeded, 1))).toBe(
      't: the cost "categorical_test" needs at least 2 output units, but the output layer has 1.',
    );
  });

  it("keeps the declarations on the frozen metas", () => {
    expect(logistic.meta.outputRange).toBe("probability");
    expect(crossEntropy.meta.accepts?.outputRange).toEqual(["probability"]);
    expect(Object.isFrozen(crossEntropy.meta)).toBe(true);
  });
});
