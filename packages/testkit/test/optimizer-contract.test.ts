import {
  constantSchedule,
  type Grads,
  type Optimizer,
  type OptimizerDefinition,
  type OptimizerState,
  type Parameters,
  type Schedule,
} from "@stepwise/core";
import { add, axpby, divide, type Matrix, sqrt, square, zerosLike } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import { type OptimizerCheckName, type OptimizerContractOptions, optimizerChecks } from "../src/index.js";

// Hand-built optimizers (this package cannot depend on @stepwise/optimizer, which tests with it): a
// correct gradient descent and AdaGrad, and one broken optimizer per clause, each caught by its clause.

type Rule = (
  W: Matrix,
  dW: Matrix,
  slot: Matrix | undefined,
  lr: number,
  step: number,
) => readonly [Matrix, Matrix?];

const mapDict = <A>(dict: Readonly<Record<string, A | undefined>>, f: (key: string, a: A) => Matrix) =>
  Object.fromEntries(Object.entries(dict).flatMap(([k, a]) => (a === undefined ? [] : [[k, f(k, a)]])));

const define = (
  name: string,
  rule: Rule,
  { slot = false, freeze = true, metaName }: { slot?: boolean; freeze?: boolean; metaName?: string } = {},
): OptimizerDefinition => {
  const meta = Object.freeze({ kind: "optimizer" as const, name });
  const create = (schedule: Schedule): Optimizer => ({
    meta: metaName === undefined ? meta : { kind: "optimizer", name: metaName },
    init: (parameters: Parameters): OptimizerState => ({
      parameters,
      slots: slot
        ? {
            s: Object.fromEntries(
              Object.entries(mapDict(parameters, (_, W: Matrix) => zerosLike(W))).map(([k, z]) => [
                `d${k}`,
                z,
              ]),
            ),
          }
        : {},
    }),
    update: (step: number, grads: Grads, state: OptimizerState): OptimizerState => {
      const results = Object.entries(state.parameters).flatMap(([k, W]) => {
        const dW = grads[`d${k}` as keyof Grads];
        return W === undefined || dW === undefined
          ? []
          : [[k, rule(W, dW, state.slots["s"]?.[`d${k}` as keyof Grads], schedule(step), step)] as const];
      });
      const s = Object.fromEntries(
        results.flatMap(([k, [, next]]) => (next === undefined ? [] : [[`d${k}`, next]])),
      );
      return {
        parameters: Object.fromEntries(results.map(([k, [W]]) => [k, W])) as Parameters,
        slots: slot ? { s } : {},
      };
    },
    params: (state: OptimizerState) => state.parameters,
  });
  const definition = { meta, linearInGradient: false, create };
  return freeze ? Object.freeze(definition) : definition;
};

const gd: Rule = (W, dW, _, lr) => [axpby(1, W, -lr, dW)];
const adagrad: Rule = (W, dW, s = zerosLike(W), lr) => {
  const sum = add(s, square(dW));
  return [axpby(1, W, -lr, divide(dW, add(sqrt(sum), 1e-10))), sum];
};

interface Case {
  readonly label: string;
  readonly definition: OptimizerDefinition;
  readonly options?: OptimizerContractOptions;
  readonly failing: ReadonlyArray<OptimizerCheckName>;
}

let counter = 0;
const cases: ReadonlyArray<Case> = [
  { label: "gradient descent", definition: define("gd", gd), failing: [] },
  { label: "AdaGrad, a slot", definition: define("adagrad", adagrad, { slot: true }), failing: [] },
  {
    label: "a decay declared",
    definition: define("decayed", (W, dW, _, lr) => [axpby(1 - lr * 0.5, W, -lr, dW)]),
    options: { zeroGradient: (w, lr) => w * (1 - lr * 0.5) },
    failing: [],
  },
  {
    label: "a decay not declared",
    definition: define("decayed", (W, dW, _, lr) => [axpby(1 - lr * 0.5, W, -lr, dW)]),
    failing: ["a step with a zero gradient"],
  },
  {
    label: "a step that ignores the learning rate",
    definition: define("sign", (W, dW) => [axpby(1, W, -1e-3, dW)]),
    failing: ["learning rate 0 changes no parameter"],
  },
  {
    label: "a slot dropped after the first update",
    definition: define(
      "forgetful",
      (W, dW, s, lr, step) => (step > 1 ? gd(W, dW, s, lr, step) : adagrad(W, dW, s, lr, step)),
      {
        slot: true,
      },
    ),
    failing: ["update keeps every key and shape"],
  },
  {
    label: "a state written in place",
    definition: define(
      "in_place",
      (W, dW, s, lr, step) => {
        if (s !== undefined) (s.data as Float64Array)[0] = step;
        return adagrad(W, dW, s, lr, step);
      },
      { slot: true },
    ),
    failing: ["update does not mutate its inputs"],
  },
  {
    label: "a counter kept between calls",
    definition: define("counting", (W, dW, _, lr) => {
      counter += 1;
      return [axpby(1, W, -lr * (1 + counter * 1e-3), dW)];
    }),
    failing: ["deterministic"],
  },
  {
    label: "0/0 on a zero gradient",
    definition: define(
      "unguarded",
      (W, dW, s = W, lr) => {
        const sum = add(s, square(dW));
        return [axpby(1, W, -lr, divide(dW, sqrt(sum))), sum];
      },
      { slot: true },
    ),
    failing: [
      "a step with a zero gradient",
      "learning rate 0 changes no parameter",
      "finite over many steps",
    ],
  },
  {
    label: "an unfrozen definition",
    definition: define("gd", gd, { freeze: false }),
    failing: ["the plugin object is frozen"],
  },
  {
    label: "an optimizer named apart from its definition",
    definition: define("gd", gd, { metaName: "sgd" }),
    failing: ["the optimizer is named as its definition"],
  },
];

describe("optimizerChecks", () => {
  it("lists every clause once", () => {
    const names = optimizerChecks(define("gd", gd)).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("a step with a zero gradient");
  });

  it("the hand-built optimizers work (the schedule reaches the rule)", () => {
    const o = define("gd", gd).create(constantSchedule(0.5));
    expect(o.meta.name).toBe("gd");
  });

  for (const { label, definition, options, failing } of cases)
    describe(label, () => {
      for (const check of optimizerChecks(definition, { numRuns: 10, ...options }))
        if (failing.includes(check.name)) it(`fails "${check.name}"`, () => expect(check.run).toThrow());
        else it(`passes "${check.name}"`, () => check.run());
    });
});
