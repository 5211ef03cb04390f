import { identity } from "@stepwise/activation-identity";
import { relu } from "@stepwise/activation-relu";
import { softmax } from "@stepwise/activation-softmax";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import { randn, seedOrThrow } from "@stepwise/random";
import { fromFunction, greater } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { L_layer_model, resolveOptions } from "../src/index.js";

const [X] = randn(6, 10)(seedOrThrow(2));
const Y = greater(
  fromFunction(1, 10, (_, j) => Math.cos(j)),
  0,
);

const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

describe("resolveOptions checks the output/cost pairing before training (issue 14, case 3)", () => {
  it("an identity output with the default binary cross-entropy is named, not left to diverge", () => {
    const result = L_layer_model(X, Y, [6, 3, 1], {
      spec: { hidden: relu, output: identity },
      learning_rate: 0.5,
      num_iterations: 50,
    });
    expect(message(result)).toContain(
      'L_layer_model: the cost "binary_cross_entropy" needs an output activation that gives a probability in (0, 1)',
    );
    expect(message(result)).toContain('"identity" gives an unbounded real number');
    expect(message(result)).not.toContain("learning rate");
  });

  it("a one-unit softmax is refused when the output layer's size is known", () => {
    const options = { spec: { hidden: relu, output: softmax }, cost: categorical_cross_entropy };
    expect(message(resolveOptions("L_layer_model", options, 1))).toContain(
      'the output activation "softmax" over 1 unit always gives exactly 1',
    );
    expect(E.isRight(resolveOptions("L_layer_model", options, 3))).toBe(true);
  });

  it("the course's pairing passes", () => {
    expect(E.isRight(resolveOptions("L_layer_model", {}, 1))).toBe(true);
  });
});

describe("the Course 2 options are checked at the edge, with the others", () => {
  it("a decay that fails, or gives no finite rate ≥ 0, is an error before training, naming the epoch", () => {
    const failing = L_layer_model(X, Y, [6, 3, 1], {
      num_iterations: 5,
      decay: (lr0, epoch) => (epoch < 3 ? lr0 : E.left({ _tag: "InvalidArgument", message: "no more" })),
    });
    expect(message(failing)).toBe("L_layer_model: decay at epoch 3: no more");
    const negative = L_layer_model(X, Y, [6, 3, 1], { num_iterations: 5, decay: () => -1 });
    expect(message(negative)).toContain(
      "decay(0.0075, 0, 1) is -1; a decay must give a finite learning rate ≥ 0",
    );
  });

  it("a batchMean of neither kind, a shuffle seed without mini-batches, a dropout seed without dropout", () => {
    expect(message(L_layer_model(X, Y, [6, 3, 1], { batchMean: "mean" as unknown as "divide" }))).toContain(
      'batchMean is mean; pass "divide"',
    );
    expect(message(L_layer_model(X, Y, [6, 3, 1], { shuffle_seed: 10 }))).toContain(
      "shuffle_seed is 10 but there is no mini_batch_size",
    );
    expect(message(L_layer_model(X, Y, [6, 3, 1], { dropout_seed: 1 }))).toContain(
      "dropout_seed is 1 but keep_prob is 1",
    );
  });

  it("keepGoingOnNonFinite trains on past a NaN cost, but NaN parameters stop the run at the next state check", () => {
    // A learning rate this large sends the weights to ±Infinity, then NaN; the cost is NaN well before.
    const result = L_layer_model(X, Y, [6, 3, 1], {
      learning_rate: 1e300,
      num_iterations: 300,
      keepGoingOnNonFinite: true,
    });
    expect(message(result)).toMatch(
      /^L_layer_model: parameters\["W\d"\] was no longer a finite number by iteration 99 \(training went on past non-finite costs/,
    );
  });
});
