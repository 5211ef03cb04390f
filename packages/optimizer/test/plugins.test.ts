import {
  type Grads,
  getOptimizer,
  makeRegistry,
  type Optimizer,
  type Parameters,
  type Schedule,
} from "@stepwise/core";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { describe, expect, it } from "vitest";
import {
  adam,
  adamOptimizer,
  constantSchedule,
  createOptimizer,
  gd,
  heavyBallMomentum,
  heavyBallOptimizer,
  initialize_adam,
  initialize_velocity,
  inverseTimeDecay,
  momentum,
  momentumOptimizer,
  optimizers,
  sgd,
  update_parameters,
  update_parameters_with_adam,
  update_parameters_with_momentum,
  updateParametersWithHeavyBall,
} from "../src/index.js";
import trajectories from "./fixtures/trajectories.json" with { type: "json" };
import { dict, dictEquals, expectDictClose, nth, problem, snapshot, thrown } from "./helpers.js";

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
      p = update_parameters(p, g, lr(i + 1));
      return p;
    });
  },
  momentum: (parameters: Parameters, grads: ReadonlyArray<Grads>, lr: Schedule, beta: number) => {
    let p = parameters;
    let v = initialize_velocity(parameters);
    return grads.map((g, i) => {
      [p, v] = update_parameters_with_momentum(p, g, v, beta, lr(i + 1));
      return p;
    });
  },
  heavyBall: (parameters: Parameters, grads: ReadonlyArray<Grads>, lr: Schedule, beta: number) => {
    let p = parameters;
    let v = initialize_velocity(parameters);
    return grads.map((g, i) => {
      [p, v] = updateParametersWithHeavyBall(p, g, v, beta, lr(i + 1));
      return p;
    });
  },
  adam: (parameters: Parameters, grads: ReadonlyArray<Grads>, lr: Schedule, beta1: number, beta2: number) => {
    let p = parameters;
    let [v, s] = initialize_adam(parameters);
    let t = 0;
    return grads.map((g) => {
      t = t + 1;
      [p, v, s] = update_parameters_with_adam(p, g, v, s, t, lr(t), beta1, beta2, 1e-8);
      return p;
    });
  },
};

const sameRun = (a: ReadonlyArray<Parameters>, b: ReadonlyArray<Parameters>): boolean =>
  a.length === b.length && a.every((p, i) => dictEquals(p, b[i] ?? {}));

const lrArb = fc.double({ min: 0, max: 0.5, noNaN: true });
const betaArb = fc.double({ min: 0, max: 0.99, noNaN: true });

describe("the plugins are the course functions, step for step", () => {
  it("gd: sgd(schedule) and gd.create", () => {
    fc.assert(
      fc.property(problem, lrArb, (p, lr0) => {
        const schedule = inverseTimeDecay(lr0, 0.5);
        const expected = courseRun.gd(p.parameters, p.grads, schedule);
        return (
          sameRun(run(sgd(schedule), p.parameters, p.grads), expected) &&
          sameRun(run(gd.create(schedule, {}), p.parameters, p.grads), expected)
        );
      }),
    );
  });

  it("momentum: momentumOptimizer and momentum.create", () => {
    fc.assert(
      fc.property(problem, lrArb, betaArb, (p, lr0, beta) => {
        const schedule = inverseTimeDecay(lr0, 0.5);
        const expected = courseRun.momentum(p.parameters, p.grads, schedule, beta);
        return (
          sameRun(run(momentumOptimizer(schedule, { beta }), p.parameters, p.grads), expected) &&
          sameRun(run(momentum.create(schedule, { beta }), p.parameters, p.grads), expected)
        );
      }),
    );
  });

  it("momentum_pytorch: heavyBallOptimizer and heavyBallMomentum.create", () => {
    fc.assert(
      fc.property(problem, lrArb, betaArb, (p, lr0, beta) => {
        const schedule = inverseTimeDecay(lr0, 0.5);
        const expected = courseRun.heavyBall(p.parameters, p.grads, schedule, beta);
        return (
          sameRun(run(heavyBallOptimizer(schedule, { beta }), p.parameters, p.grads), expected) &&
          sameRun(run(heavyBallMomentum.create(schedule, { beta }), p.parameters, p.grads), expected)
        );
      }),
    );
  });

  it("adam: adamOptimizer and adam.create, with t = step", () => {
    fc.assert(
      fc.property(
        problem,
        lrArb,
        betaArb,
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        (p, lr0, beta1, beta2) => {
          const schedule = inverseTimeDecay(lr0, 0.5);
          const expected = courseRun.adam(p.parameters, p.grads, schedule, beta1, beta2);
          return (
            sameRun(run(adamOptimizer(schedule, { beta1, beta2 }), p.parameters, p.grads), expected) &&
            sameRun(run(adam.create(schedule, { beta1, beta2 }), p.parameters, p.grads), expected)
          );
        },
      ),
    );
  });

  it("states are values: updating never modifies the state or the grads it was given", () => {
    fc.assert(
      fc.property(problem, (p) => {
        const g = nth(p.grads, 0);
        const stepTwice = <S>(optimizer: Optimizer<S>): void => {
          const s0 = optimizer.init(p.parameters);
          const s1 = optimizer.update(1, g, s0);
          const before = [snapshot(optimizer.params(s1)), snapshot(g), JSON.stringify(s1)];
          optimizer.update(2, g, s1);
          expect([snapshot(optimizer.params(s1)), snapshot(g), JSON.stringify(s1)]).toEqual(before);
          expect(optimizer.params(s0)).toBe(p.parameters);
        };
        stepTwice(sgd(0.1));
        stepTwice(momentumOptimizer(0.1));
        stepTwice(heavyBallOptimizer(0.1));
        stepTwice(adamOptimizer(0.1));
        for (const definition of optimizers) stepTwice(definition.create(() => 0.1, {}));
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
  ] as const)("%s", (_, definition, hyper, expected) => {
    const got = run(definition.create(constantSchedule(lr), hyper), parameters, grads);
    expect(got.length).toBe(expected.length);
    got.forEach((p, i) => {
      expectDictClose(p, dict(nth(expected, i)));
    });
  });

  it("and the typed constructors agree with the definitions", () => {
    expect(
      sameRun(run(sgd(lr), parameters, grads), run(gd.create(constantSchedule(lr), {}), parameters, grads)),
    ).toBe(true);
    expect(
      sameRun(
        run(adamOptimizer(lr, trajectories.adam), parameters, grads),
        run(adam.create(constantSchedule(lr), trajectories.adam), parameters, grads),
      ),
    ).toBe(true);
  });
});

describe("definitions", () => {
  it("carry their kind, name, package and defaults", () => {
    expect(optimizers.map((o) => [o.meta.kind, o.meta.name, o.meta.package, o.defaults])).toEqual([
      ["optimizer", "gd", "@stepwise/optimizer", {}],
      ["optimizer", "momentum", "@stepwise/optimizer", { beta: 0.9 }],
      ["optimizer", "momentum_pytorch", "@stepwise/optimizer", { beta: 0.9 }],
      ["optimizer", "adam", "@stepwise/optimizer", { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }],
    ]);
  });

  it("register and look up by name", () => {
    const found = pipe(
      makeRegistry({ optimizers }),
      E.flatMap((registry) => getOptimizer(registry, "adam")),
    );
    expect(E.isRight(found) && found.right).toBe(adam);
    const missing = pipe(
      makeRegistry({ optimizers }),
      E.flatMap((registry) => getOptimizer(registry, "adma")),
    );
    expect(E.isLeft(missing) && missing.left.message).toContain('did you mean "adam"?');
  });

  it("create fills in the defaults", () => {
    const p = dict(trajectories.parameters);
    const g = dict(nth(trajectories.grads, 0));
    const viaDefaults = momentum.create(() => 0.1, {});
    const explicit = momentumOptimizer(0.1, { beta: 0.9 });
    expect(
      dictEquals(
        viaDefaults.params(viaDefaults.update(1, g, viaDefaults.init(p))),
        explicit.params(explicit.update(1, g, explicit.init(p))),
      ),
    ).toBe(true);
  });

  it("create rejects unknown hyper-parameters (with a suggestion) and bad values", () => {
    expect(thrown(() => momentum.create(() => 0.1, { betta: 0.9 })).message).toBe(
      'momentum.create: unknown hyper-parameter "betta"; did you mean "beta"? Known: beta',
    );
    expect(thrown(() => gd.create(() => 0.1, { beta: 0.9 })).message).toBe(
      'gd.create: unknown hyper-parameter "beta"; it takes none',
    );
    expect(thrown(() => adam.create(() => 0.1, { beta2: 1 })).message).toBe(
      "adam.create: beta2 is 1; pass a number in [0, 1) (the course uses 0.999)",
    );
    expect(thrown(() => adam.create(() => 0.1, { epsilon: -1 })).message).toContain(
      "adam.create: epsilon is -1",
    );
  });

  it("a state from another optimizer is refused by name", () => {
    const p = dict(trajectories.parameters);
    const state = gd.create(() => 0.1, {}).init(p);
    const error = thrown(() => adam.create(() => 0.1, {}).update(1, {}, state));
    expect(error.message).toBe(
      "adam.update: state is not a adam state (its _tag is GdState, expected AdamState); pass the state that this optimizer's init or update returned",
    );
    expect(thrown(() => momentum.create(() => 0.1, {}).params(undefined)).message).toContain(
      "momentum.params: state is not a momentum state (its _tag is undefined",
    );
  });
});

describe("createOptimizer (the checked entry point)", () => {
  it("returns the optimizer, or the error as a value", () => {
    expect(E.isRight(createOptimizer(adam, 0.01, { beta1: 0.8 }))).toBe(true);
    const bad = createOptimizer(momentum, Number.NaN);
    expect(E.isLeft(bad) && bad.left).toEqual({
      _tag: "InvalidArgument",
      message: expect.stringMatching(/^momentum.create: learning_rate is NaN; pass a finite number ≥ 0/),
    });
    const unknown = createOptimizer(adam, 0.01, { beta3: 0.9 });
    expect(E.isLeft(unknown) && unknown.left.message).toContain('unknown hyper-parameter "beta3"');
  });
});

describe("optimizer errors", () => {
  const p = dict(trajectories.parameters);
  const g = dict(nth(trajectories.grads, 0));

  it("constructors check their arguments when called", () => {
    expect(thrown(() => sgd(-1)).message).toMatch(/^sgd: learning_rate is -1/);
    expect(thrown(() => momentumOptimizer(0.1, { beta: 1 })).message).toMatch(
      /^momentumOptimizer: beta is 1/,
    );
    expect(thrown(() => heavyBallOptimizer(0.1, { beta: -0.5 })).message).toMatch(
      /^heavyBallOptimizer: beta is -0.5/,
    );
    expect(thrown(() => adamOptimizer(0.1, { epsilon: 0 })).message).toMatch(/^adamOptimizer: epsilon is 0/);
  });

  it("init checks the parameters", () => {
    expect(thrown(() => adamOptimizer(0.1).init({})).message).toBe(
      "adam.init: parameters has no weights; expected W1, b1, …, WL, bL",
    );
  });

  it("update checks the step and the scheduled rate", () => {
    const o = adamOptimizer(0.1);
    expect(thrown(() => o.update(0, g, o.init(p))).message).toMatch(
      /^adam.update: step is 0; step counts updates from 1/,
    );
    const nanSchedule = sgd((step) => (step > 2 ? Number.NaN : 0.1));
    let state = nanSchedule.init(p);
    state = nanSchedule.update(1, g, state);
    state = nanSchedule.update(2, g, state);
    expect(thrown(() => nanSchedule.update(3, g, state)).message).toBe(
      "gd.update: the learning-rate schedule returned NaN at step 3; a schedule must return a finite number ≥ 0 for every step ≥ 1",
    );
  });
});
