import { softmax } from "@stepwise/activation-softmax";
import { tanh } from "@stepwise/activation-tanh";
import { L_model_backward } from "@stepwise/backward";
import { type Parameters, type PluginFactory, pluginWith, weight } from "@stepwise/core";
import { l2_regularization_cost } from "@stepwise/cost";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import { L_model_forward } from "@stepwise/forward-cache";
import { initialize_parameters_deep } from "@stepwise/init";
import { adam, gd, heavyBallMomentum, momentum, update_parameters } from "@stepwise/optimizer";
import { randn, seedOrThrow } from "@stepwise/random";
import { fromFunction, greater, type Matrix, matmul, orThrow } from "@stepwise/tensor";
import { maxRelativeDifference } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { choosePlan, dualPlan, L_layer_model, type TrainOptions } from "../src/index.js";

/** A wide, short data set like the cat data: more features than examples. */
const wideData = (seed: number, n_x: number, m: number, classes = 1): readonly [Matrix, Matrix] => {
  const [X] = randn(n_x, m)(seedOrThrow(seed));
  const Y =
    classes === 1
      ? greater(
          fromFunction(1, m, (_, j) => Math.sin(j * 1.3 + seed)),
          0,
        )
      : fromFunction(classes, m, (i, j) => ((j + seed) % classes === i ? 1 : 0));
  return [X, Y];
};

const run = (X: Matrix, Y: Matrix, dims: ReadonlyArray<number>, options: TrainOptions) => {
  const result = L_layer_model(X, Y, dims, options);
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const relativeGap = (a: Parameters, b: Parameters): number =>
  Math.max(
    ...Object.keys(a).map((k) => maxRelativeDifference(a[k as "W1"] as Matrix, b[k as "W1"] as Matrix)),
  );

const maxCostGap = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number =>
  Math.max(...a.map((c, i) => Math.abs(c - (b[i] as number))));

// The dual plan must reproduce the primal plan: every cost to absolute 1e-9, parameters to relative 1e-9.
describe.each([
  { name: "gd", optimizer: gd, hyper: {} },
  { name: "momentum (course)", optimizer: momentum, hyper: { beta: 0.9 } },
  { name: "momentum (PyTorch)", optimizer: heavyBallMomentum, hyper: { beta: 0.8 } },
] as ReadonlyArray<{
  name: string;
  optimizer: PluginFactory<"optimizer">;
  hyper: Record<string, number>;
}>)("dual = primal with $name", ({ optimizer, hyper }) => {
  it.each([
    { seed: 1, dims: [300, 7, 1], options: {} },
    { seed: 2, dims: [300, 9, 4, 1], options: { lambd: 0.7 } },
    { seed: 3, dims: [300, 5, 3, 1], options: { mini_batch_size: 16 } },
    { seed: 4, dims: [300, 6, 4, 1], options: { mini_batch_size: 13, lambd: 0.3 } },
    { seed: 5, dims: [300, 8, 5, 1], options: { keep_prob: 0.8 } },
  ])("seed $seed, layers $dims, $options", ({ seed, dims, options }) => {
    const [X, Y] = wideData(seed, 300, 40);
    const common: TrainOptions = {
      learning_rate: 0.05,
      num_iterations: 30,
      seed,
      optimizer,
      optimizer_hyperparameters: hyper,
      ...options,
    };
    const primal = run(X, Y, dims, { ...common, plan: "primal" });
    const dual = run(X, Y, dims, { ...common, plan: "dual" });
    expect(dual.plan).toBe("dual");
    expect(maxCostGap(dual.costs, primal.costs)).toBeLessThanOrEqual(1e-9);
    expect(relativeGap(dual.parameters, primal.parameters)).toBeLessThanOrEqual(1e-9);
  });
});

describe("dual = primal for other activations and costs", () => {
  it("tanh hidden layers, softmax output, categorical cross-entropy", () => {
    const [X, Y] = wideData(6, 200, 30, 3);
    const common: TrainOptions = {
      learning_rate: 0.1,
      num_iterations: 25,
      spec: { hidden: tanh, output: softmax },
      cost: categorical_cross_entropy,
    };
    const primal = run(X, Y, [200, 6, 3], { ...common, plan: "primal" });
    const dual = run(X, Y, [200, 6, 3], { ...common, plan: "dual" });
    expect(maxCostGap(dual.costs, primal.costs)).toBeLessThanOrEqual(1e-9);
    expect(relativeGap(dual.parameters, primal.parameters)).toBeLessThanOrEqual(1e-9);
  });
});

describe("the dual plan's invariant", () => {
  it("K·F = W1·X with W1 rebuilt mid-run, to relative 1e-10", () => {
    const [X, Y] = wideData(7, 250, 35);
    const initialized = initialize_parameters_deep([250, 6, 1], seedOrThrow(7));
    if (E.isLeft(initialized)) throw new Error(initialized.left.message);
    const plan = dualPlan(X, initialized.right[0]);
    // Twenty plain gradient steps with L2 in the plan's coordinates, then Z1 computed both ways.
    let p = plan.initial;
    for (let step = 0; step < 20; step++) {
      const forward = L_model_forward(plan.input, p);
      if (E.isLeft(forward)) throw new Error(forward.left.message);
      const [AL, caches] = forward.right;
      const grads = plan.gradients(
        orThrow(L_model_backward(AL, Y, caches, { lambd: 0.5, dZ1_instead_of_dW1: true })),
        p,
        undefined,
        0.5,
      );
      p = orThrow(update_parameters(p, grads, 0.05));
    }
    const rebuilt = plan.fromPlan(p);
    expect(
      maxRelativeDifference(matmul(weight(p, 1), plan.input), matmul(weight(rebuilt, 1), X)),
    ).toBeLessThanOrEqual(1e-10);
    // The L2 penalty from the small matrices equals the one from the rebuilt weights.
    const expected = orThrow(l2_regularization_cost(rebuilt, 0.5, 35));
    expect(Math.abs(plan.l2Cost(p, 0.5, 35) - expected)).toBeLessThanOrEqual(1e-10 * expected);
  });
});

describe("choosing a plan", () => {
  const [X] = wideData(8, 300, 40);
  const initial = E.getOrElseW(() => {
    throw new Error("init");
  })(initialize_parameters_deep([300, 5, 1], seedOrThrow(8)))[0];
  const [gdDefinition, adamDefinition] = [orThrow(pluginWith(gd)), orThrow(pluginWith(adam))];
  it("auto picks dual for a wide input and gd, primal for Adam", () => {
    const context = { X, initial, iterations: 100, stepsPerIteration: 1 };
    expect(
      E.map((p: { name: string }) => p.name)(
        choosePlan("t", "auto", { ...context, optimizer: gdDefinition }),
      ),
    ).toEqual(E.right("dual"));
    expect(
      E.map((p: { name: string }) => p.name)(
        choosePlan("t", "auto", { ...context, optimizer: adamDefinition }),
      ),
    ).toEqual(E.right("primal"));
  });
  it("auto's choice does not depend on the run's length, so iteration 0's cost does not either", () => {
    const planFor = (iterations: number, stepsPerIteration: number) =>
      E.map((p: { name: string }) => p.name)(
        choosePlan("t", "auto", { X, initial, iterations, stepsPerIteration, optimizer: gdDefinition }),
      );
    expect([planFor(1, 1), planFor(3, 1), planFor(1000, 1), planFor(1, 4)]).toEqual(
      Array(4).fill(E.right("dual")),
    );
  });
  it("auto stays primal when the setup would not pay off within DUAL_PAYBACK_UPDATES updates", () => {
    // 50 features and 40 examples: the dual's per-update saving is too small for its n_x·m² setup.
    const [narrow] = wideData(8, 50, 40);
    const start = E.getOrElseW(() => {
      throw new Error("init");
    })(initialize_parameters_deep([50, 5, 1], seedOrThrow(8)))[0];
    const context = {
      X: narrow,
      initial: start,
      iterations: 100_000,
      stepsPerIteration: 1,
      optimizer: gdDefinition,
    };
    expect(E.map((p: { name: string }) => p.name)(choosePlan("t", "auto", context))).toEqual(
      E.right("primal"),
    );
  });
  it("asking for dual with Adam is an error that says why", () => {
    const result = choosePlan("L_layer_model", "dual", {
      X,
      initial,
      iterations: 100,
      stepsPerIteration: 1,
      optimizer: adamDefinition,
    });
    expect(E.isLeft(result) && result.left.message).toBe(
      'L_layer_model: plan "dual" cannot train this run: the optimizer "adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)" is not linear in the gradient (the dual plan needs gd, momentum or nesterov). Use plan "primal" or "auto"',
    );
  });
});
