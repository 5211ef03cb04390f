import {
  type Grads,
  getOptimizer,
  makeRegistry,
  type Optimizer,
  type OptimizerDefinition,
  type Parameters,
  type PluginFactory,
  pluginWith,
  type Schedule,
} from "@stepwise/core";
import { orThrow } from "@stepwise/tensor";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { describe, expect, it } from "vitest";
import {
  adam,
  constantSchedule,
  createOptimizer,
  gd,
  heavyBallMomentum,
  initialize_adam,
  initialize_velocity,
  inverseTimeDecay,
  momentum,
  optimizers,
  update_parameters,
  update_parameters_with_adam,
  update_parameters_with_momentum,
  updateParametersWithHeavyBall,
} from "../src/index.js";
import trajectories from "./fixtures/trajectories.json" with { type: "json" };
import { dict, dictEquals, expectDictClose, nth, problem, snapshot, thrown } from "./helpers.js";

/** The optimizer a factory makes with these hyper-parameters (the rest at their defaults) and rate. */
const made = (
  factory: PluginFactory<"optimizer">,
  learning_rate: number | Schedule,
  hyper: Readonly<Record<string, number>> = {},
): Optimizer => orThrow(createOptimizer(factory, learning_rate, hyper));

/** The training loop as a fold: init, then update at steps 1, 2, …; the parameters after every step. */
const run = <S>(
  optimizer: Optimizer<S>,
  parameters: Parameters,
  grads: ReadonlyArray<Grads>,
): Parameters[] => {
  let state = optimizer.init(parameters);
  return grads.map((g, i) => {
    state = optimizer.update(i + 1, g, state);
    return optimizer.params(state);
  });
};

/** The same loop written with the course functions, as the notebook's model() does. */
const courseRun = {
  gd: (parameters: Parameters, grads: ReadonlyArray<Grads>, lr: Schedule) => {
    let p = parameters;
    return grads.map((g, i) => {
      p = orThrow(update_parameters(p, g, lr(i + 1)));
      return p;
    });
  },
  momentum: (parameters: Parameters, grads: ReadonlyArray<Grads>, lr: Schedule, beta: number) => {
    let p = parameters;
    let v = orThrow(initialize_velocity(parameters));
    return grads.map((g, i) => {
      [p, v] = orThrow(update_parameters_with_momentum(p, g, v, beta, lr(i + 1)));
      return p;
    });
  },
  heavyBall: (parameters: Parameters, grads: ReadonlyArray<Grads>, lr: Schedule, beta: number) => {
    let p = parameters;
    let v = orThrow(initialize_velocity(parameters));
    return grads.map((g, i) => {
      [p, v] = orThrow(updateParametersWithHeavyBall(p, g, v, beta, lr(i + 1)));
      return p;
    });
  },
  adam: (parameters: Parameters, grads: ReadonlyArray<Grads>, lr: Schedule, beta1: number, beta2: number) => {
    let p = parameters;
    let [v, s] = orThrow(initialize_adam(parameters));
    let t = 0;
    return grads.map((g) => {
      t = t + 1;
      [p, v, s] = orThrow(update_parameters_with_adam(p, g, v, s, t, lr(t), beta1, beta2, 1e-8));
      return p;
    });
  },
};

const sameRun = (a: ReadonlyArray<Parameters>, b: ReadonlyArray<Parameters>): boolean =>
  a.length === b.length && a.every((p, i) => dictEquals(p, b[i] ?? {}));

const lrArb = fc.double({ min: 0, max: 0.5, noNaN: true });
const betaArb = fc.double({ min: 0, max: 0.99, noNaN: true });

describe("the plugins are the course functions, step for step (one rule for each)", () => {
  it("gd", () => {
    fc.assert(
      fc.property(problem, lrArb, (p, lr0) => {
        const schedule = orThrow(inverseTimeDecay(lr0, 0.5));
        return sameRun(
          run(made(gd, schedule), p.parameters, p.grads),
          courseRun.gd(p.parameters, p.grads, schedule),
        );
      }),
    );
  });

  it("momentum", () => {
    fc.assert(
      fc.property(problem, lrArb, betaArb, (p, lr0, beta) => {
        const schedule = orThrow(inverseTimeDecay(lr0, 0.5));
        const expected = courseRun.momentum(p.parameters, p.grads, schedule, beta);
        return sameRun(run(made(momentum, schedule, { beta }), p.parameters, p.grads), expected);
      }),
    );
  });

  it("momentum_pytorch", () => {
    fc.assert(
      fc.property(problem, lrArb, betaArb, (p, lr0, beta) => {
        const schedule = orThrow(inverseTimeDecay(lr0, 0.5));
        const expected = courseRun.heavyBall(p.parameters, p.grads, schedule, beta);
        return sameRun(run(made(heavyBallMomentum, schedule, { beta }), p.parameters, p.grads), expected);
      }),
    );
  });

  it("adam, with t = step", () => {
    fc.assert(
      fc.property(
        problem,
        lrArb,
        betaArb,
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        (p, lr0, beta1, beta2) => {
          const schedule = orThrow(inverseTimeDecay(lr0, 0.5));
          const expected = courseRun.adam(p.parameters, p.grads, schedule, beta1, beta2);
          return sameRun(run(made(adam, schedule, { beta1, beta2 }), p.parameters, p.grads), expected);
        },
      ),
    );
  });

  it("states are values: updating never modifies the state or the grads it was given", () => {
    fc.assert(
      fc.property(problem, (p) => {
        const g = nth(p.grads, 0);
        const stepTwice = (optimizer: Optimizer): void => {
          const s0 = optimizer.init(p.parameters);
          const s1 = optimizer.update(1, g, s0);
          const before = [snapshot(optimizer.params(s1)), snapshot(g), JSON.stringify(s1)];
          optimizer.update(2, g, s1);
          expect([snapshot(optimizer.params(s1)), snapshot(g), JSON.stringify(s1)]).toEqual(before);
          expect(optimizer.params(s0)).toBe(p.parameters);
        };
        for (const factory of optimizers) stepTwice(made(factory, 0.1));
      }),
      { numRuns: 50 },
    );
  });
});

// Several steps from np.random.seed(3) inputs, computed by fixtures/make_fixtures.py with the course's
// functions (and torch.optim.SGD's formula for momentum_pytorch).
describe("trajectories match numpy to 1e-12 relative", () => {
  const parameters = dict(trajectories.parameters);
  const grads = trajectories.grads.map((g) => dict(g));
  const lr = trajectories.learning_rate;
  const { beta } = trajectories;
  it.each([
    ["gd", gd, {}, trajectories.gd],
    ["momentum", momentum, { beta }, trajectories.momentum],
    ["momentum_pytorch", heavyBallMomentum, { beta }, trajectories.momentum_pytorch],
    ["adam", adam, trajectories.adam, trajectories.adam_parameters],
  ] as const)("%s", (_, factory, hyper, expected) => {
    const got = run(made(factory, constantSchedule(lr), hyper), parameters, grads);
    expect(got.length).toBe(expected.length);
    got.forEach((p, i) => {
      expectDictClose(p, dict(nth(expected, i)));
    });
  });
});

describe("definitions: plugin factories whose parameters are the hyper-parameters", () => {
  it("carry their kind, name, package, parameters and whether they are linear in the gradient", () => {
    expect(
      optimizers.map((o) => [
        o.kind,
        o.name,
        o.package,
        Object.fromEntries(Object.entries(o.parameters).map(([k, spec]) => [k, spec.default])),
      ]),
    ).toEqual([
      ["optimizer", "gd", "@stepwise/optimizer", {}],
      ["optimizer", "momentum", "@stepwise/optimizer", { beta: 0.9 }],
      ["optimizer", "momentum_pytorch", "@stepwise/optimizer", { beta: 0.9 }],
      ["optimizer", "adam", "@stepwise/optimizer", { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, amsgrad: 0 }],
      ["optimizer", "nesterov", "@stepwise/optimizer", { beta: 0.9 }],
      ["optimizer", "rmsprop", "@stepwise/optimizer", { rho: 0.99, epsilon: 1e-8, momentum: 0, centered: 0 }],
      ["optimizer", "adagrad", "@stepwise/optimizer", { epsilon: 1e-10 }],
      ["optimizer", "adadelta", "@stepwise/optimizer", { rho: 0.9, epsilon: 1e-6 }],
      [
        "optimizer",
        "adamw",
        "@stepwise/optimizer",
        { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weight_decay: 0.01 },
      ],
      ["optimizer", "adamax", "@stepwise/optimizer", { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }],
      [
        "optimizer",
        "nadam",
        "@stepwise/optimizer",
        { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, momentum_decay: 0.004 },
      ],
    ]);
    const definitions = optimizers.map((o) => orThrow(pluginWith(o)));
    expect(definitions.map((d) => [d.meta.name, d.linearInGradient])).toEqual([
      ["gd", true],
      ["momentum(beta=0.9)", true],
      ["momentum_pytorch(beta=0.9)", true],
      ["adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)", false],
      ["nesterov(beta=0.9)", true],
      ["rmsprop(rho=0.99, epsilon=1e-8, momentum=0, centered=0)", false],
      ["adagrad(epsilon=1e-10)", false],
      ["adadelta(rho=0.9, epsilon=0.000001)", false],
      ["adamw(beta1=0.9, beta2=0.999, epsilon=1e-8, weight_decay=0.01)", false],
      ["adamax(beta1=0.9, beta2=0.999, epsilon=1e-8)", false],
      ["nadam(beta1=0.9, beta2=0.999, epsilon=1e-8, momentum_decay=0.004)", false],
    ]);
  });

  it("register and look up by name, hyper-parameters in the name as for any plugin", () => {
    const lookup = (name: string): E.Either<{ message: string }, OptimizerDefinition> =>
      pipe(
        makeRegistry({ optimizers }),
        E.flatMap((registry) => getOptimizer(registry, name)),
      );
    const found = lookup("adam(beta1=0.8)");
    expect(E.isRight(found) && found.right.meta.name).toBe(
      "adam(beta1=0.8, beta2=0.999, epsilon=1e-8, amsgrad=0)",
    );
    expect(E.isRight(found) && found.right.create(() => 0.1).meta.name).toBe(
      "adam(beta1=0.8, beta2=0.999, epsilon=1e-8, amsgrad=0)",
    );
    // A model file written before amsgrad existed names adam without it: the default, 0, is the same Adam.
    const older = lookup("adam(beta1=0.9, beta2=0.999, epsilon=1e-8)");
    expect(E.isRight(older) && older.right.meta.name).toBe(
      "adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)",
    );
    const missing = lookup("adma");
    expect(E.isLeft(missing) && missing.left.message).toContain(
      'did you mean "adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)"?',
    );
    const flag = lookup("adam(amsgrad=0.5)");
    expect(E.isLeft(flag) && flag.left.message).toBe(
      "adam(amsgrad=0.5): amsgrad must be a whole number in [0, 1], got 0.5 (default 0)",
    );
    const bad = lookup("adam(beta2=1)");
    expect(E.isLeft(bad) && bad.left.message).toBe(
      "adam(beta2=1): beta2 must be a number in [0, 1), got 1 (default 0.999)",
    );
    const none = lookup("gd(beta=0.9)");
    expect(E.isLeft(none) && none.left.message).toBe("gd(beta=0.9): gd takes no parameters; write gd");
  });

  it("the same rule by name and in code: the registry's adam(beta1=0.8) is createOptimizer(adam, lr, { beta1: 0.8 })", () => {
    const p = dict(trajectories.parameters);
    const g = dict(nth(trajectories.grads, 0));
    const byName = pipe(
      makeRegistry({ optimizers }),
      E.flatMap((registry) => getOptimizer(registry, "adam(beta1=0.8)")),
      E.flatMap((definition) => createOptimizer(definition, 0.1)),
    );
    const inCode = made(adam, 0.1, { beta1: 0.8 });
    const step = (o: Optimizer) => o.params(o.update(1, g, o.init(p)));
    expect(E.isRight(byName) && dictEquals(step(byName.right), step(inCode))).toBe(true);
  });
});

describe("createOptimizer (the checked entry point)", () => {
  it("returns the optimizer, or the error as a value", () => {
    expect(E.isRight(createOptimizer(adam, 0.01, { beta1: 0.8 }))).toBe(true);
    const bad = createOptimizer(momentum, Number.NaN);
    expect(E.isLeft(bad) && bad.left).toEqual({
      _tag: "InvalidArgument",
      message: expect.stringMatching(
        /^momentum\(beta=0.9\).create: learning_rate is NaN; pass a finite number ≥ 0/,
      ),
    });
    const unknown = createOptimizer(adam, 0.01, { beta3: 0.9 });
    expect(E.isLeft(unknown) && unknown.left.message).toContain('adam has no parameter "beta3"');
    const outOfRange = createOptimizer(momentum, 0.1, { beta: 1 });
    expect(E.isLeft(outOfRange) && outOfRange.left.message).toBe(
      "momentum(beta=1): beta must be a number in [0, 1), got 1 (default 0.9)",
    );
    const definition = orThrow(pluginWith(momentum));
    const twice = createOptimizer(definition, 0.1, { beta: 0.5 });
    expect(E.isLeft(twice) && twice.left.message).toContain(
      "momentum(beta=0.9): its hyper-parameters are set in its name",
    );
  });

  it("the schedule is checked at every step, where its rate is known", () => {
    const p = dict(trajectories.parameters);
    const g = dict(nth(trajectories.grads, 0));
    const nanSchedule = made(gd, (step) => (step > 2 ? Number.NaN : 0.1));
    let state = nanSchedule.init(p);
    state = nanSchedule.update(1, g, state);
    state = nanSchedule.update(2, g, state);
    expect(thrown(() => nanSchedule.update(3, g, state)).message).toBe(
      "gd.update: the learning-rate schedule returned NaN at step 3; a schedule must return a finite number ≥ 0 for every step ≥ 1",
    );
  });
});
