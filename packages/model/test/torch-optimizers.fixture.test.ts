import { L_model_backward } from "@stepwise/backward";
import {
  getOptimizer,
  makeRegistry,
  type OptimizerDefinition,
  type Parameters,
  parsePluginName,
} from "@stepwise/core";
import { compute_cost } from "@stepwise/cost";
import { L_model_forward } from "@stepwise/forward-cache";
import { createOptimizer, optimizers } from "@stepwise/optimizer";
import type { Matrix } from "@stepwise/tensor";
import { orThrow } from "@stepwise/tensor";
import {
  expectMatrixClose,
  loadTorchOptimizerCases,
  type TorchHyperparameter,
  type TorchOptimizerCase,
} from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { L_layer_model } from "../src/index.js";

// torch-optim-bn.json's optimizer cases (reference/make_optim_bn_fixtures.py): PyTorch 1.13 in float64,
// a [5, 4, 3, 1] relu-relu-sigmoid network with the mean BCE (the course's L_model_forward,
// compute_cost and L_model_backward), 30 full-batch steps of one torch.optim configuration each from the
// same He-initialized parameters. costs[t] is the cost before step t.
const RTOL = 1e-10;
const network = loadTorchOptimizerCases();
const registry = orThrow(makeRegistry({ optimizers }));

/** The plugin name the generator suggests, without its note: `adam(amsgrad=1) as torch.optim.Adam` → `adam(amsgrad=1)`. */
const pluginNameOf = (c: TorchOptimizerCase): string => c.suggestedPluginName.split(" as ")[0]?.trim() ?? "";

/**
 * torch.optim's keyword arguments under our hyper-parameter names, so a file whose suggested name and
 * torch arguments disagree fails here rather than comparing two different optimizers. `lr` is the run's
 * learning rate; `momentum` is SGD's β (nesterov's `beta`) but RMSprop's own `momentum`.
 */
const ourHyperparameters = (base: string, torch: Readonly<Record<string, TorchHyperparameter>>) =>
  Object.fromEntries(
    Object.entries(torch).flatMap(([key, value]): Array<[string, number]> => {
      const n = (x: TorchHyperparameter): number => (typeof x === "boolean" ? (x ? 1 : 0) : Number(x));
      if (key === "lr") return [];
      if (key === "betas" && Array.isArray(value))
        return [
          ["beta1", value[0] ?? Number.NaN],
          ["beta2", value[1] ?? Number.NaN],
        ];
      const renamed: Record<string, string> = {
        alpha: "rho",
        eps: "epsilon",
        momentum: base === "nesterov" ? "beta" : "momentum",
      };
      return [[renamed[key] ?? key, n(value)]];
    }),
  );

const learningRateOf = (c: TorchOptimizerCase): number => {
  const lr = c.hyperparameters["lr"];
  if (typeof lr !== "number") throw new Error(`${c.name}: no numeric lr in ${c.torch}`);
  return lr;
};

const expectCostsClose = (got: ReadonlyArray<number>, expected: ReadonlyArray<number>): void => {
  expect(got.length).toBe(expected.length);
  got.forEach((J, t) => {
    const want = expected[t] as number;
    expect(Math.abs(J - want), `cost before step ${t}: ${J} vs PyTorch's ${want}`).toBeLessThanOrEqual(
      RTOL * Math.abs(want),
    );
  });
};

const expectParametersClose = (got: Parameters, expected: Readonly<Record<string, Matrix>>): void => {
  expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, want] of Object.entries(expected)) {
    const m = got[key as keyof Parameters];
    if (m === undefined) throw new Error(`no ${key}`);
    expectMatrixClose(m, want, { rtol: RTOL, atol: 0 }, key);
  }
};

it("the file has the nine configurations, each a known optimizer", () => {
  expect(network.cases.length).toBeGreaterThan(0);
  for (const c of network.cases)
    expect(E.isRight(getOptimizer(registry, pluginNameOf(c))), c.name).toBe(true);
});

describe.each(network.cases)("torch-optim-bn.json $name ($suggestedPluginName)", (c) => {
  const definition: OptimizerDefinition = orThrow(getOptimizer(registry, pluginNameOf(c)));
  const learning_rate = learningRateOf(c);
  const initial = network.initialParameters as Parameters;

  it("our plugin has torch.optim's hyper-parameters", () => {
    const { base, parameters } = orThrow(parsePluginName(definition.meta.name));
    const ours = Object.fromEntries(parameters);
    for (const [key, value] of Object.entries(ourHyperparameters(base, c.hyperparameters)))
      expect([key, ours[key]], `${definition.meta.name} vs ${c.torch}`).toEqual([key, value]);
  });

  it(`the cost before every step and the final parameters, to relative ${RTOL}`, () => {
    const optimizer = orThrow(createOptimizer(definition, learning_rate));
    let state = optimizer.init(initial);
    const costs: number[] = [];
    for (let t = 1; t <= c.steps; t++) {
      const parameters = optimizer.params(state);
      const [AL, caches] = orThrow(L_model_forward(network.X, parameters));
      costs.push(orThrow(compute_cost(AL, network.Y)));
      state = optimizer.update(t, orThrow(L_model_backward(AL, network.Y, caches)), state);
    }
    expectCostsClose(costs, c.costs);
    expectParametersClose(optimizer.params(state), c.finalParameters);
  });

  it.each(definition.linearInGradient ? ["primal", "dual"] : ["primal"])(
    "L_layer_model trains the same run (the %s plan)",
    (plan) => {
      const result = L_layer_model(network.X, network.Y, network.layers, {
        init: (_, rng) => E.right([initial, rng]),
        optimizer: definition,
        learning_rate,
        num_iterations: c.steps,
        plan: plan as "primal" | "dual",
      });
      if (E.isLeft(result)) throw new Error(result.left.message);
      expectCostsClose(result.right.costs, c.costs);
      expectParametersClose(result.right.parameters, c.finalParameters);
    },
  );
});
