import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { tanh } from "@stepwise/activation-tanh";
import type { Parameters } from "@stepwise/core";
import { L_model_forward, type NetworkSpec } from "@stepwise/forward-cache";
import { adam } from "@stepwise/optimizer";
import { randn, seedOrThrow } from "@stepwise/random";
import { fromFunction, greater, jsBackend, type Matrix, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it, vi } from "vitest";
import { isTrainingStopped, L_layer_model, L_layer_model_async, two_layer_model } from "../src/index.js";

const [X] = randn(20, 30)(seedOrThrow(3));
const Y = greater(
  fromFunction(1, 30, (_, j) => Math.cos(j)),
  0,
);

const unwrapForward = (parameters: Parameters, spec: NetworkSpec) => {
  const forward = L_model_forward(X, parameters, spec);
  if (E.isLeft(forward)) throw new Error(forward.left.message);
  return forward.right;
};

const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

describe("L_layer_model", () => {
  it("lowers the cost and records one cost per iteration", () => {
    const result = L_layer_model(X, Y, [20, 5, 1], { learning_rate: 0.1, num_iterations: 200 });
    if (E.isLeft(result)) throw new Error(result.left.message);
    const { costs } = result.right;
    expect(costs).toHaveLength(200);
    expect(costs[199]).toBeLessThan((costs[0] as number) * 0.5);
  });

  it("reuses large arrays between steps, yet hands back parameters of their own", () => {
    // W1 is 40 × 100 and A1 is 40 × 60: large enough for the recycler (src/train.ts steps in one).
    const [Xw] = randn(100, 60)(seedOrThrow(5));
    const Yw = greater(
      fromFunction(1, 60, (_, j) => Math.sin(j)),
      0,
    );
    const run = (): E.Either<
      unknown,
      { parameters: Record<string, Matrix | undefined>; costs: ReadonlyArray<number> }
    > => L_layer_model(Xw, Yw, [100, 40, 1], { learning_rate: 0.05, num_iterations: 30 });
    const [first, second] = [run(), run()];
    if (E.isLeft(first) || E.isLeft(second)) throw new Error("training failed");
    const W1 = first.right.parameters["W1"];
    // On the backend the run trained on (not the recycler's view of it), in an array of its own.
    expect(W1?.backend).toBe(jsBackend);
    expect(W1?.data.buffer).toBeInstanceOf(ArrayBuffer);
    // The same numbers every time: recycled storage never leaks one step's values into another's.
    expect(second.right.costs).toEqual(first.right.costs);
    expect(second.right.parameters["W1"]?.data).toEqual(W1?.data);
  });

  it("prints the course's lines with print_cost", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    L_layer_model(X, Y, [20, 5, 1], { num_iterations: 201, print_cost: true });
    expect(log.mock.calls.map(([line]) => String(line).replace(/: .*/, ""))).toEqual([
      "Cost after iteration 0",
      "Cost after iteration 100",
      "Cost after iteration 200",
    ]);
    log.mockRestore();
  });

  it("calls onIteration with each cost", () => {
    const seen: number[] = [];
    L_layer_model(X, Y, [20, 3, 1], { num_iterations: 5, onIteration: (i) => seen.push(i) });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it("hands onIteration the parameters after each iteration: 3 iterations then the 4th's equal a 4-iteration run's", () => {
    const after: Parameters[] = [];
    const options = {
      num_iterations: 4,
      onIteration: (_i: number, _c: number, p: () => Parameters) => after.push(p()),
    };
    const four = L_layer_model(X, Y, [20, 3, 1], options);
    const three = L_layer_model(X, Y, [20, 3, 1], { num_iterations: 3 });
    if (E.isLeft(four) || E.isLeft(three)) throw new Error("expected both runs to train");
    expect(after).toHaveLength(4);
    expect(after[2]).toStrictEqual(three.right.parameters);
    expect(after[3]).toStrictEqual(four.right.parameters);
  });

  it.each([
    [{ learning_rate: -1 }, "L_layer_model: learning_rate is -1; pass a finite number > 0"],
    [{ learning_rate: Number.NaN }, "L_layer_model: learning_rate is NaN"],
    [{ num_iterations: 1.5 }, "L_layer_model: num_iterations is 1.5"],
    [{ mini_batch_size: 0 }, "L_layer_model: mini_batch_size is 0"],
    [{ lambd: -0.1 }, "L_layer_model: lambd is -0.1"],
    [{ keep_prob: 0 }, "L_layer_model: keep_prob is 0; it must be in (0, 1]"],
    [{ seed: -1 }, "L_layer_model: seed is -1"],
  ])("rejects %j", (options, expected) => {
    expect(message(L_layer_model(X, Y, [20, 5, 1], options))).toContain(expected);
  });

  it("rejects data that does not fit the layers, naming both", () => {
    expect(message(L_layer_model(X, Y, [21, 5, 1]))).toBe(
      "L_layer_model: X is (20, 30) but layers_dims starts with 21; the first size must be X's row count (20)",
    );
    const wrongY = fromFunction(1, 29, () => 0);
    expect(message(L_layer_model(X, wrongY, [20, 5, 1]))).toContain("X is (20, 30) but Y is (1, 29)");
    expect(message(L_layer_model(X, Y, [20, 5]))).toBe(
      "L_layer_model: Y is (1, 30) but layers_dims ends with 5; the last size must be Y's row count (1)",
    );
    expect(message(L_layer_model(X, Y, [20]))).toContain("layer_dims is [20]; it needs at least two sizes");
  });

  it("trains a network with its own activation per hidden layer, and refuses a list of the wrong length", () => {
    const spec = { hidden: [tanh, relu], output: sigmoid };
    const result = L_layer_model(X, Y, [20, 6, 4, 1], { learning_rate: 0.1, num_iterations: 50, spec });
    if (E.isLeft(result)) throw new Error(result.left.message);
    const [, caches] = unwrapForward(result.right.parameters, spec);
    expect(caches.map((c) => c.activation.meta.name)).toEqual(["tanh", "relu", "sigmoid"]);
    expect(result.right.costs[49]).toBeLessThan(result.right.costs[0] as number);
    expect(message(L_layer_model(X, Y, [20, 5, 1], { spec }))).toBe(
      "L_layer_model: spec.hidden lists 2 activation(s) but the network has 1 hidden layer(s); give one per hidden layer (layer 1 first), or a single activation for all of them",
    );
  });

  it("checks the data once, before training: finite numbers, at least one example, labels the cost takes", () => {
    const withNaN = unsafeMatrix(
      X.rows,
      X.cols,
      X.data.map((x, i) => (i === 7 * 30 + 4 ? Number.NaN : x)),
    );
    expect(message(L_layer_model(withNaN, Y, [20, 5, 1]))).toBe(
      "L_layer_model: X element (7, 4) is NaN; X must hold finite numbers: look at how it was loaded, scaled or computed",
    );
    const none = unsafeMatrix(20, 0, new Float64Array(0));
    expect(message(L_layer_model(none, unsafeMatrix(1, 0, new Float64Array(0)), [20, 5, 1]))).toBe(
      "L_layer_model: X is (20, 0), which has no examples; X needs one column per example, and at least one",
    );
    const twos = fromFunction(1, 30, (_, j) => (j === 12 ? 2 : 0));
    expect(message(L_layer_model(X, twos, [20, 5, 1]))).toBe(
      "L_layer_model: Y element (0, 12) is 2; binary_cross_entropy takes labels that are a number in [0, 1] (0 or 1, such as the course's non-cat and cat)",
    );
  });

  it("checks what a custom init returns against layers_dims", () => {
    const result = L_layer_model(X, Y, [20, 5, 1], {
      init: (_, rng) =>
        E.right([{ W1: fromFunction(3, 20, () => 0.1), b1: fromFunction(3, 1, () => 0) }, rng]),
    });
    expect(message(result)).toContain("L_layer_model: the initializer made parameters for layers 20, 3");
  });

  it("stops on a NaN or infinite cost, naming the iteration, and keeps the costs so far", () => {
    const result = L_layer_model(X, Y, [20, 5, 1], {
      learning_rate: 1e6,
      num_iterations: 50,
      plan: "primal",
    });
    expect(E.isLeft(result)).toBe(true);
    if (E.isLeft(result) && isTrainingStopped(result.left)) {
      expect(result.left._tag).toBe("Diverged");
      expect(result.left.message).toMatch(
        /the cost became (NaN|Infinity) at iteration \d+; training stopped\. Try a smaller learning rate \(now 1000000\)/,
      );
      expect(result.left.partial.costs.length).toBeGreaterThan(0);
      expect(result.left.partial.costs.every(Number.isFinite)).toBe(true);
    } else throw new Error("expected a Diverged stop");
  });

  it("stops when Adam's state overflows while the cost stays finite (a huge lambd), naming the slot", () => {
    // dW holds (λ/m)·W ≈ 3e306·W, finite, but its square overflows s; every update of W would then be 0.
    const result = L_layer_model(X, Y, [20, 5, 1], {
      optimizer: adam,
      lambd: 1e308,
      num_iterations: 3,
    });
    if (!(E.isLeft(result) && isTrainingStopped(result.left))) throw new Error("expected a Diverged stop");
    expect(result.left._tag).toBe("Diverged");
    expect(result.left.message).toMatch(
      /^L_layer_model: the optimizer's s\["dW\d"\] was no longer a finite number by iteration 2, although the cost was .*Try a smaller learning rate \(now 0\.0075\) or lambd \(now 1e\+308\)\.$/,
    );
    expect(result.left.partial.costs).toHaveLength(3);
    expect(result.left.partial.costs.every(Number.isFinite)).toBe(true);
  });

  it("stops when aborted and returns what it has", () => {
    const controller = new AbortController();
    const result = L_layer_model(X, Y, [20, 5, 1], {
      num_iterations: 100,
      signal: controller.signal,
      onIteration: (i) => {
        if (i === 9) controller.abort();
      },
    });
    if (E.isRight(result) || !isTrainingStopped(result.left)) throw new Error("expected an Aborted stop");
    expect(result.left._tag).toBe("Aborted");
    expect(result.left.partial.costs).toHaveLength(10);
  });

  it("does not modify X or Y", () => {
    const before = [X.data.slice(), Y.data.slice()];
    L_layer_model(X, Y, [20, 5, 1], { num_iterations: 3, mini_batch_size: 8, keep_prob: 0.7, lambd: 0.1 });
    expect([X.data, Y.data]).toStrictEqual(before);
  });

  it("mini-batch epochs report the example-weighted mean cost", () => {
    const result = L_layer_model(X, Y, [20, 4, 1], { num_iterations: 3, mini_batch_size: 7, plan: "primal" });
    expect(E.isRight(result) && result.right.costs.length).toBe(3);
  });
});

describe("L_layer_model_async", () => {
  it("gives the same numbers and lets other work run while it trains", async () => {
    let ranDuringTraining = false;
    setImmediate(() => {
      ranDuringTraining = true;
    });
    const options = { num_iterations: 300, plan: "primal" } as const;
    const asyncResult = await L_layer_model_async(X, Y, [20, 5, 1], options);
    const syncResult = L_layer_model(X, Y, [20, 5, 1], options);
    if (E.isLeft(asyncResult) || E.isLeft(syncResult)) throw new Error("training failed");
    expect(asyncResult.right.costs).toEqual(syncResult.right.costs);
    expect(ranDuringTraining).toBe(true);
  });
  it("returns checking errors without training", async () => {
    expect(message(await L_layer_model_async(X, Y, [20, 5, 1], { learning_rate: 0 }))).toContain(
      "learning_rate is 0",
    );
  });
});

describe("two_layer_model", () => {
  it("initializes with randn·0.01 and trains", () => {
    const result = two_layer_model(X, Y, [20, 4, 1], { num_iterations: 10 });
    if (E.isLeft(result)) throw new Error(result.left.message);
    const W1 = result.right.parameters["W1"] as Matrix;
    expect(Math.max(...Array.from(W1.data, Math.abs))).toBeLessThan(0.1);
  });
});
