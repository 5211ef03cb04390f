import { identity } from "@stepwise/activation-identity";
import { leaky_relu } from "@stepwise/activation-leaky-relu";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { softmax } from "@stepwise/activation-softmax";
import { tanh } from "@stepwise/activation-tanh";
import type { Activation, Cost } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import { mse } from "@stepwise/cost-mse";
import { L_model_forward } from "@stepwise/forward-cache";
import { initialize_parameters_he } from "@stepwise/init";
import { rand, randn, seedOrThrow } from "@stepwise/random";
import { argmaxPerColumn, fromFunction, greater, type Matrix, orThrow } from "@stepwise/tensor";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, it } from "vitest";
import { GRADIENT_CHECK_THRESHOLD, gradient_check_n, L_model_backward } from "../src/index.js";

/** Output activation × cost pairings that make sense, with targets of the right kind. */
const heads: ReadonlyArray<{
  name: string;
  output: Activation;
  cost: Cost;
  targets: (n_y: number, m: number, seed: number) => Matrix;
}> = [
  {
    name: "sigmoid + binary cross-entropy",
    output: sigmoid,
    cost: binary_cross_entropy,
    targets: (n, m, s) => greater(rand(n, m)(seedOrThrow(s))[0], 0.5),
  },
  { name: "sigmoid + mse", output: sigmoid, cost: mse, targets: (n, m, s) => rand(n, m)(seedOrThrow(s))[0] },
  {
    name: "identity + mse",
    output: identity,
    cost: mse,
    targets: (n, m, s) => randn(n, m)(seedOrThrow(s))[0],
  },
  {
    name: "softmax + categorical cross-entropy",
    output: softmax,
    cost: categorical_cross_entropy,
    targets: (n, m, s) => {
      const winners = argmaxPerColumn(randn(n, m)(seedOrThrow(s))[0]);
      return fromFunction(n, m, (i, j) => (winners[j] === i ? 1 : 0));
    },
  },
];
const hiddens: ReadonlyArray<Activation> = [relu, tanh, leaky_relu, sigmoid, identity];

// The law: on random small networks, the backward pass agrees with central differences
// (gradient_check_n's relative difference below the course's 2e-7) for every hidden activation and
// every sensible output/cost pair, with and without L2. Seeded, so a failure reproduces.
describe.each(heads)("gradient check passes: $name", ({ output, cost, targets }) => {
  it.each(hiddens.map((h) => [h.meta.name, h] as const))("with %s hidden layers", (_, hidden) => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(0, 0.3),
        (hiddenSizes, n_y, m, seed, lambd) => {
          const outputs = output === softmax ? n_y : output === identity ? n_y : 1;
          const dims = [3, ...hiddenSizes, outputs];
          const [X] = randn(3, m)(seedOrThrow(seed + 1));
          const Y = targets(outputs, m, seed + 2);
          const initialized = initialize_parameters_he(dims, seedOrThrow(seed));
          if (E.isLeft(initialized)) throw new Error(initialized.left.message);
          // Random biases too: with zero biases a layer of dead ReLUs feeds exactly 0 to the next ReLU,
          // its kink, where the backward pass's convention (derivative 0) and a central difference (½)
          // legitimately disagree.
          const [weights, afterWeights] = initialized.right;
          let state = afterWeights;
          const parameters = Object.fromEntries(
            Object.entries(weights).map(([key, value]) => {
              if (!key.startsWith("b") || value === undefined) return [key, value];
              const [b, next] = randn(value.rows, 1)(state);
              state = next;
              return [key, b];
            }),
          );
          const spec = { hidden, output };
          const forward = L_model_forward(X, parameters, spec);
          if (E.isLeft(forward)) throw new Error(forward.left.message);
          const [AL, caches] = forward.right;
          // A saturated sigmoid (AL within 1e-4 of 0 or 1) makes log(1 − AL) lose digits to cancellation,
          // and the central difference divides that error by ε: the check, not the backward pass, breaks.
          fc.pre(output !== sigmoid || AL.data.every((a) => a > 1e-4 && a < 1 - 1e-4));
          const grads = orThrow(L_model_backward(AL, Y, caches, { cost, lambd }));
          const difference = orThrow(
            gradient_check_n(parameters, grads, X, Y, 1e-7, false, { spec, cost, lambd }),
          );
          return difference < GRADIENT_CHECK_THRESHOLD;
        },
      ),
      { seed: 2024, numRuns: 25, maxSkipsPerRun: 100 },
    );
  });
});
