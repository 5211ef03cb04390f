import { zeros } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  checkHyperparameter,
  checkLearningRate,
  checkLike,
  checkParameters,
  checkStep,
  checkUpdate,
} from "../src/index.js";
import { matrix } from "./helpers.js";

const messageOf = <A>(result: E.Either<{ readonly message: string }, A>): string =>
  E.isLeft(result) ? result.left.message : "(no error)";

const parameters = { W1: zeros(2, 3), b1: zeros(2, 1), W2: zeros(1, 2), b2: zeros(1, 1) };
const grads = { dW1: zeros(2, 3), db1: zeros(2, 1), dW2: zeros(1, 2), db2: zeros(1, 1) };

describe("the Either checks (the course functions and createOptimizer return the same errors)", () => {
  it("checkLearningRate accepts finite numbers ≥ 0 and names anything else", () => {
    expect(checkLearningRate("f", 0)).toEqual(E.right(0));
    expect(checkLearningRate("f", 0.0075)).toEqual(E.right(0.0075));
    expect(messageOf(checkLearningRate("f", Number.NaN))).toBe(
      "f: learning_rate is NaN; pass a finite number ≥ 0 (the course uses 0.0075 for the cat model, 0.01 for Adam)",
    );
    expect(messageOf(checkLearningRate("f", Number.NEGATIVE_INFINITY))).toContain(
      "learning_rate is -Infinity",
    );
    expect(messageOf(checkLearningRate("f", -1, "learning_rate0"))).toContain("f: learning_rate0 is -1");
    // JavaScript callers can pass anything; say what it was.
    expect(messageOf(checkLearningRate("f", "0.01" as unknown as number))).toContain(
      'learning_rate is "0.01" (a string)',
    );
  });

  it("checkHyperparameter checks a value against its optimizer's range, with the course's value in the hint", () => {
    const beta = { default: 0.999, min: 0, lessThan: 1 };
    expect(checkHyperparameter("f", "beta2", beta, 0)).toEqual(E.right(0));
    expect(messageOf(checkHyperparameter("f", "beta2", beta, 1))).toBe(
      "f: beta2 is 1; pass a number in [0, 1) (the course uses 0.999)",
    );
    const epsilon = { default: 1e-8, greaterThan: 0 };
    expect(E.isLeft(checkHyperparameter("f", "epsilon", epsilon, 0))).toBe(true);
    expect(E.isLeft(checkHyperparameter("f", "epsilon", epsilon, Number.POSITIVE_INFINITY))).toBe(true);
  });

  it("checkStep is an integer ≥ 1", () => {
    expect(checkStep("f", "t", 1)).toEqual(E.right(1));
    expect(messageOf(checkStep("f", "t", 0))).toBe(
      "f: t is 0; t counts updates from 1 (an integer ≥ 1): pass 1 on the first update and add 1 after each",
    );
    expect(E.isLeft(checkStep("f", "t", 2.5))).toBe(true);
  });

  it("checkParameters wants W1, b1, …, WL, bL, nothing else, all finite, and does not chain shapes", () => {
    expect(checkParameters("f", parameters)).toEqual(E.right(2));
    // The notebook's optimizer test cases have W1 (2, 3) under W2 (3, 3): layer-wise updates allow it.
    expect(
      checkParameters("f", { W1: zeros(2, 3), b1: zeros(2, 1), W2: zeros(3, 3), b2: zeros(3, 1) }),
    ).toEqual(E.right(2));
    expect(messageOf(checkParameters("f", {}))).toBe(
      "f: parameters has no weights; expected W1, b1, …, WL, bL",
    );
    // Core's check of a network's parameters (validateParameters), without the chaining.
    expect(messageOf(checkParameters("f", { W1: zeros(1, 1), b1: zeros(1, 1), b2: zeros(1, 1) }))).toBe(
      "f: parameters has unexpected keys b2; expected W1, b1, …, W1, b1",
    );
    expect(messageOf(checkParameters("f", { W2: zeros(1, 1), b2: zeros(1, 1) }))).toBe(
      "f: parameters has 1 weights but no W1; keys must run W1..W1",
    );
    expect(
      messageOf(checkParameters("f", { ...parameters, b2: matrix([[Number.POSITIVE_INFINITY]]) })),
    ).toMatch(/^f: parameters\["b2"\] element \(0, 0\) is Infinity; the parameters hold NaN or ±Infinity/);
  });

  it("checkLike and checkUpdate match grads, v and s to the parameters", () => {
    expect(checkLike("f", "grads", parameters, 2, grads)).toEqual(E.right(2));
    expect(
      checkUpdate("f", parameters, [
        ["grads", grads],
        ["v", grads],
      ]),
    ).toEqual(E.right(2));
    expect(
      messageOf(
        checkUpdate("f", parameters, [
          ["grads", grads],
          ["v", { ...grads, db2: zeros(2, 1) }],
        ]),
      ),
    ).toBe(
      'f: v["db2"] is (2, 1) but b2 is (1, 1); db2 must have the shape of b2 (start from initialize_velocity(parameters) or initialize_adam(parameters) and pass back what the last update returned)',
    );
    expect(
      messageOf(checkLike("f", "grads", parameters, 2, { ...grads, dW5: zeros(1, 1), db7: zeros(1, 1) })),
    ).toContain("f: grads has dW5, db7 but parameters has 2 layers (W1..W2)");
  });
});
