import { getOptimizer, makeRegistry } from "@stepwise/core";
import { orThrow } from "@stepwise/tensor";
import { type OptimizerContractOptions, runOptimizerContract } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { describe, expect, it } from "vitest";
import { optimizers } from "../src/index.js";

// Every optimizer of the package, by the name a user writes, through @stepwise/testkit's optimizer
// contract: state shapes, purity, determinism, a zero-gradient step, a zero learning rate, finiteness.
// One row per configuration; a row's options say what the contract cannot assume (AdamW's decay).
const cases: ReadonlyArray<readonly [name: string, options: OptimizerContractOptions]> = [
  ["gd", {}],
  ["momentum", {}],
  ["momentum_pytorch", {}],
  ["adam", {}],
  ["adam(amsgrad=1)", {}],
  ["nesterov", {}],
  ["nesterov(beta=0)", {}],
  ["rmsprop", {}],
  ["rmsprop(centered=1)", {}],
  ["rmsprop(momentum=0.9)", {}],
  ["rmsprop(rho=0.9, momentum=0.5, centered=1)", {}],
  ["adagrad", {}],
  ["adadelta", { learningRate: 1 }],
  ["adamw", { zeroGradient: (w, lr) => w * (1 - lr * 0.01) }],
  ["adamw(weight_decay=0.5)", { learningRate: 0.1, zeroGradient: (w, lr) => w * (1 - lr * 0.5) }],
  ["adamw(weight_decay=0)", {}],
  ["adamax", {}],
  ["nadam", {}],
  ["nadam(momentum_decay=0)", {}],
];

const registry = orThrow(makeRegistry({ optimizers }));

for (const [name, options] of cases) runOptimizerContract(orThrow(getOptimizer(registry, name)), options);

describe("the case table", () => {
  it("covers every optimizer of the package", () => {
    const covered = new Set(cases.map(([name]) => name.split("(")[0]));
    expect(optimizers.map((o) => o.name).filter((name) => !covered.has(name))).toEqual([]);
  });

  it("names every row canonically by the registry (a typo would be a lookup error)", () => {
    const looked = cases.map(([name]) => pipe(getOptimizer(registry, name), E.isRight));
    expect(looked.every(Boolean)).toBe(true);
  });
});
