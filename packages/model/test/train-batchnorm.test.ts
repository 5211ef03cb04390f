import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { makeRegistry, type Parameters } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import type { BatchNormNetworkSpec, RunningStats } from "@stepwise/forward-cache";
import type { Initializer } from "@stepwise/init";
import { adam } from "@stepwise/optimizer";
import { randn, seedOrThrow } from "@stepwise/random";
import { fromFunction, greater, type Matrix, takeColumns } from "@stepwise/tensor";
import { expectMatrixClose, loadTorchBatchNormCases } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  L_layer_model,
  modelToSafetensors,
  type PlanChoice,
  parseModel,
  predict,
  serializeModel,
  type TrainResult,
  toModelFile,
} from "../src/index.js";

// L_layer_model with spec.batchNorm against torch-optim-bn.json's batch_norm cases: PyTorch 1.13 in
// float64, BatchNorm1d(eps=1e-5, momentum=0.1) after each hidden linear step, plain SGD on the full batch.
// The building blocks are checked against the same numbers in @stepwise/backward; this runs them through
// the training loop (its init, fold, optimizer and running statistics), on both plans.
const RTOL = 1e-10;
const spec: BatchNormNetworkSpec = { hidden: relu, output: sigmoid, batchNorm: { eps: 1e-5, momentum: 0.1 } };

const unwrap = <A>(result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};
const message = (result: E.Either<{ readonly message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

const entry = (dict: Readonly<Partial<Record<string, Matrix>>>, key: string): Matrix => {
  const m = dict[key];
  if (m === undefined) throw new Error(`missing ${key}`);
  return m;
};

/** An initializer that hands back given parameters (the fixture's, gamma_l/beta_l included). */
const given =
  (parameters: Parameters): Initializer =>
  (_dims, rng) =>
    E.right([parameters, rng]);

describe.each(loadTorchBatchNormCases())("L_layer_model with batch norm: torch-optim-bn.json $name", (c) => {
  const train = (plan: PlanChoice): TrainResult =>
    unwrap(
      L_layer_model(c.X, c.Y, c.layers, {
        spec,
        init: given(c.initialParameters as Parameters),
        learning_rate: c.sgd.lr,
        num_iterations: c.sgd.steps,
        plan,
      }),
    );

  it.each(["primal", "dual"] as const)(
    "plan %s: the SGD trajectory's costs, final parameters, running statistics and evaluation pass to relative 1e-10",
    (plan) => {
      const result = train(plan);
      expect(result.plan).toBe(plan);
      expect(result.costs).toHaveLength(c.sgd.steps);
      result.costs.forEach((J, t) => {
        const expected = c.sgd.costs[t] as number;
        expect(Math.abs(J - expected), `cost before step ${t}`).toBeLessThanOrEqual(RTOL * expected);
      });
      expect(Object.keys(result.parameters).sort()).toEqual(Object.keys(c.sgd.finalParameters).sort());
      for (const [key, expected] of Object.entries(c.sgd.finalParameters))
        expectMatrixClose(entry(result.parameters, key), expected, { rtol: RTOL, atol: 0 }, key);
      const running = result.running ?? {};
      expect(Object.keys(running).sort()).toEqual(
        [...Object.keys(c.sgd.runningMean), ...Object.keys(c.sgd.runningVar)].sort(),
      );
      for (const [key, expected] of [
        ...Object.entries(c.sgd.runningMean),
        ...Object.entries(c.sgd.runningVar),
      ])
        expectMatrixClose(entry(running, key), expected, { rtol: RTOL, atol: 0 }, key);
      const evaluated = unwrap(predict(c.eval.X_test, undefined, result.parameters, spec, result.running));
      expectMatrixClose(evaluated.probabilities, c.eval.AL, { rtol: RTOL, atol: 0 }, "eval AL");
    },
  );
});

describe("L_layer_model with batch norm", () => {
  // 300 features and 40 examples: wider than the batch, so "auto" picks the dual plan.
  const [X] = randn(300, 40)(seedOrThrow(7));
  const Y = greater(
    fromFunction(1, 40, (_, j) => Math.sin(1.3 * j)),
    0,
  );
  const dims = [300, 8, 4, 1];

  it("starts gamma_l at 1 and beta_l at 0 after the initializer's W_l, b_l, and the running statistics at 0 and 1", () => {
    const result = unwrap(L_layer_model(X, Y, dims, { spec, num_iterations: 0 }));
    expect(Object.keys(result.parameters)).toEqual(
      expect.arrayContaining(["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"]),
    );
    expect(Array.from(entry(result.parameters, "gamma2").data)).toEqual([1, 1, 1, 1]);
    expect(Array.from(entry(result.parameters, "beta1").data)).toEqual(new Array(8).fill(0));
    expect(Array.from(entry(result.running ?? {}, "var1").data)).toEqual(new Array(8).fill(1));
    expect(Object.keys(result.running ?? {}).sort()).toEqual(["mu1", "mu2", "var1", "var2"]);
  });

  it("the plan auto chooses (dual, on this wide input) trains as the primal plan does", () => {
    const options = { spec, learning_rate: 0.05, num_iterations: 30, mini_batch_size: 16 } as const;
    const auto = unwrap(L_layer_model(X, Y, dims, options));
    const primal = unwrap(L_layer_model(X, Y, dims, { ...options, plan: "primal" }));
    expect(auto.plan).toBe("dual");
    expect(primal.plan).toBe("primal");
    // The two plans sum in different orders: the same numbers to ~1e-13 (plans.test.ts holds 1e-9).
    auto.costs.forEach((J, i) => {
      expect(Math.abs(J - (primal.costs[i] as number))).toBeLessThanOrEqual(1e-9);
    });
    for (const key of ["W1", "gamma1", "beta1", "W2", "gamma2", "W3", "b3"])
      expectMatrixClose(entry(auto.parameters, key), entry(primal.parameters, key), {
        rtol: 1e-9,
        atol: 1e-12,
      });
    for (const key of ["mu1", "var1", "mu2", "var2"])
      expectMatrixClose(entry(auto.running ?? {}, key), entry(primal.running ?? {}, key), {
        rtol: 1e-9,
        atol: 1e-12,
      });
    expect(primal.costs.at(-1) as number).toBeLessThan(primal.costs[0] as number);
  });

  it("trains with Adam (moments for gamma_l and beta_l) and predicts one example alone with the running statistics", () => {
    const result = unwrap(
      L_layer_model(X, Y, dims, { spec, optimizer: adam, learning_rate: 0.01, num_iterations: 40 }),
    );
    expect(result.costs.at(-1) as number).toBeLessThan((result.costs[0] as number) * 0.5);
    const all = unwrap(predict(X, Y, result.parameters, spec, result.running));
    const one = unwrap(predict(takeColumns(X, [3]), undefined, result.parameters, spec, result.running));
    expect(one.probabilities.data[0]).toBe(all.probabilities.data[3]);
    expect(all.accuracy).toBeGreaterThan(0.9);
  });

  it("a trained run's model file (safetensors and inline JSON) predicts bit for bit as the run's result", () => {
    const result = unwrap(
      L_layer_model(X, Y, dims, {
        spec: { ...spec, batchNorm: { eps: 1e-3, momentum: 0.2 } },
        learning_rate: 0.05,
        num_iterations: 5,
      }),
    );
    const trainedSpec = { ...spec, batchNorm: { eps: 1e-3, momentum: 0.2 } };
    const file = toModelFile(result.parameters, trainedSpec, binary_cross_entropy, {}, result.running);
    expect(file.batch_norm).toEqual({ eps: 1e-3, momentum: 0.2 });
    const registry = unwrap(makeRegistry({ activations: [relu, sigmoid], costs: [binary_cross_entropy] }));
    const expected = unwrap(
      predict(X, undefined, result.parameters, trainedSpec, result.running),
    ).probabilities;
    for (const source of [modelToSafetensors(file), serializeModel(file)]) {
      const loaded = unwrap(parseModel(source, registry));
      expect(loaded.spec).toEqual(trainedSpec);
      const AL = unwrap(predict(X, undefined, loaded.parameters, loaded.spec, loaded.running)).probabilities;
      expect(Array.from(AL.data)).toEqual(Array.from(expected.data));
    }
  });

  it("returns no running statistics without batch norm", () => {
    const result = unwrap(L_layer_model(X, Y, dims, { num_iterations: 2 }));
    expect(result.running).toBeUndefined();
    expect(Object.keys(result.parameters).some((k) => k.startsWith("gamma"))).toBe(false);
  });

  it.each([
    [
      { spec: { ...spec, batchNorm: { eps: 0 } } },
      dims,
      "L_layer_model: spec.batchNorm.eps is 0; pass a small finite number > 0 (PyTorch's default is 1e-5)",
    ],
    [
      { spec: { ...spec, batchNorm: { momentum: 1.5 } } },
      dims,
      "L_layer_model: spec.batchNorm.momentum is 1.5; pass a number in [0, 1], the weight of each batch in the running averages (PyTorch's default is 0.1)",
    ],
    [
      { spec },
      [300, 1],
      "L_layer_model: spec.batchNorm puts batch norm after each hidden layer's linear step, but layers_dims 300, 1 has no hidden layer; add one or leave batchNorm out",
    ],
    [
      { spec, keep_prob: 0.8 },
      dims,
      "L_layer_model: keep_prob is 0.8 with spec.batchNorm; dropout and batch norm together are not supported — pass keep_prob 1 or leave batchNorm out",
    ],
    [
      { spec, mini_batch_size: 13 },
      dims,
      "L_layer_model: batch norm normalizes over each mini-batch, which needs at least 2 examples, but 40 examples in batches of 13 leave a last batch of 1; pass another mini_batch_size (e.g. 14)",
    ],
    [
      { spec, mini_batch_size: 1 },
      dims,
      "L_layer_model: batch norm normalizes over each mini-batch, which needs at least 2 examples; mini_batch_size is 1 — pass 2 or more (the course uses 64)",
    ],
    [
      {
        init: given({
          ...unwrap(L_layer_model(X, Y, dims, { spec, num_iterations: 0 })).parameters,
        }),
      },
      dims,
      "L_layer_model: the initializer made batch norm's gamma1, beta1, gamma2, beta2, but spec has no batchNorm; pass spec.batchNorm (e.g. { eps: 1e-5, momentum: 0.1 }) or an init without them",
    ],
  ])(
    "refuses bad settings before training, naming the value and the fix (case %#)",
    (options, layers, expected) => {
      expect(message(L_layer_model(X, Y, layers, { num_iterations: 1, ...options }))).toBe(expected);
    },
  );

  it("refuses a single example: batch norm's training mode needs a batch of two", () => {
    expect(message(L_layer_model(takeColumns(X, [0]), takeColumns(Y, [0]), dims, { spec }))).toBe(
      "L_layer_model: batch norm normalizes over the batch, which needs at least 2 examples; the data has 1",
    );
  });

  it("the running statistics come back with partial results too", () => {
    const controller = new AbortController();
    const result = L_layer_model(X, Y, dims, {
      spec,
      num_iterations: 10,
      signal: controller.signal,
      onIteration: (i) => {
        if (i === 2) controller.abort();
      },
    });
    expect(E.isLeft(result) && "partial" in result.left).toBe(true);
    if (E.isLeft(result) && "partial" in result.left) {
      const running: RunningStats | undefined = result.left.partial.running;
      expect(result.left.partial.costs).toHaveLength(3);
      expect(Object.keys(running ?? {}).sort()).toEqual(["mu1", "mu2", "var1", "var2"]);
    }
  });
});
