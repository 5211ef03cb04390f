import type {
  Grads,
  Hyperparameters,
  Optimizer,
  OptimizerDefinition,
  Parameters,
  PluginMeta,
  Schedule,
} from "@stepwise/core";
import { invalidArgument, isStepwiseException, raise, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { update_parameters_with_adam } from "./adam.js";
import {
  checkBeta,
  checkEpsilon,
  checkParameters,
  checkStep,
  getOrRaise,
  resolveHyperparameters,
} from "./checks.js";
import { update_parameters } from "./gradient-descent.js";
import { type Moments, zerosLike } from "./moments.js";
import { update_parameters_with_momentum, updateParametersWithHeavyBall, type Velocity } from "./momentum.js";
import { rateAt, toSchedule } from "./schedules.js";

/*
 * The course functions as plugins of one shape (core's `Optimizer`, JAX-style): `init(parameters)` → state,
 * `update(step, grads, state)` → state, `params(state)` → parameters. The state is a plain tagged value,
 * so a training loop is a fold and a run can be checkpointed by saving it.
 */

export interface GdState {
  readonly _tag: "GdState";
  readonly parameters: Parameters;
}

export interface MomentumState {
  readonly _tag: "MomentumState";
  readonly parameters: Parameters;
  readonly v: Velocity;
}

export interface HeavyBallState {
  readonly _tag: "HeavyBallState";
  readonly parameters: Parameters;
  readonly v: Velocity;
}

export interface AdamState {
  readonly _tag: "AdamState";
  readonly parameters: Parameters;
  readonly v: Moments;
  readonly s: Moments;
}

export interface MomentumOptions {
  /** The average's decay, in [0, 1); default 0.9, the course's. */
  readonly beta?: number;
}

export interface AdamOptions {
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

const PACKAGE = "@stepwise/optimizer";

const metaOf = (name: string, description: string): PluginMeta<"optimizer"> => ({
  kind: "optimizer",
  name,
  description,
  package: PACKAGE,
});

/** The step of an update: checked, then the schedule's rate at it (also checked). */
const stepRate = (name: string, schedule: Schedule, step: number): number =>
  rateAt(`${name}.update`, schedule, getOrRaise(checkStep(`${name}.update`, "step", step)));

/** Checked parameters for `init`, so a bad dictionary fails before the first step, not during it. */
const initial = (name: string, parameters: Parameters): number =>
  getOrRaise(checkParameters(`${name}.init`, parameters));

/** Gradient descent, the course's `update_parameters`, with a constant or scheduled learning rate. */
export const sgd = (learning_rate: number | Schedule): Optimizer<GdState> => {
  const schedule = toSchedule("sgd", learning_rate);
  return Object.freeze({
    meta: metaOf("gd", "gradient descent, the course's update_parameters: W = W − learning_rate·dW"),
    init: (parameters: Parameters): GdState => {
      initial("gd", parameters);
      return { _tag: "GdState", parameters };
    },
    update: (step: number, grads: Grads, state: GdState): GdState => ({
      _tag: "GdState",
      parameters: update_parameters(state.parameters, grads, stepRate("gd", schedule, step)),
    }),
    params: (state: GdState) => state.parameters,
  });
};

/** The course's momentum (exponentially weighted average): `update_parameters_with_momentum`. */
export const momentumOptimizer = (
  learning_rate: number | Schedule,
  { beta = 0.9 }: MomentumOptions = {},
): Optimizer<MomentumState> => {
  const schedule = toSchedule("momentumOptimizer", learning_rate);
  getOrRaise(checkBeta("momentumOptimizer", "beta", beta));
  return Object.freeze({
    meta: metaOf(
      "momentum",
      `the course's momentum, v = β·v + (1 − β)·dW, W = W − learning_rate·v; beta=${beta}`,
    ),
    init: (parameters: Parameters): MomentumState => ({
      _tag: "MomentumState",
      parameters,
      v: zerosLike(parameters, initial("momentum", parameters)),
    }),
    update: (step: number, grads: Grads, state: MomentumState): MomentumState => {
      const [parameters, v] = update_parameters_with_momentum(
        state.parameters,
        grads,
        state.v,
        beta,
        stepRate("momentum", schedule, step),
      );
      return { _tag: "MomentumState", parameters, v };
    },
    params: (state: MomentumState) => state.parameters,
  });
};

/** PyTorch's `SGD(momentum=β)`: `v = β·v + dW`. Not the course's; see README "Variants". */
export const heavyBallOptimizer = (
  learning_rate: number | Schedule,
  { beta = 0.9 }: MomentumOptions = {},
): Optimizer<HeavyBallState> => {
  const schedule = toSchedule("heavyBallOptimizer", learning_rate);
  getOrRaise(checkBeta("heavyBallOptimizer", "beta", beta));
  return Object.freeze({
    meta: metaOf(
      "momentum_pytorch",
      `PyTorch's SGD momentum (heavy ball), v = β·v + dW, W = W − learning_rate·v; beta=${beta}`,
    ),
    init: (parameters: Parameters): HeavyBallState => ({
      _tag: "HeavyBallState",
      parameters,
      v: zerosLike(parameters, initial("momentum_pytorch", parameters)),
    }),
    update: (step: number, grads: Grads, state: HeavyBallState): HeavyBallState => {
      const [parameters, v] = updateParametersWithHeavyBall(
        state.parameters,
        grads,
        state.v,
        beta,
        stepRate("momentum_pytorch", schedule, step),
      );
      return { _tag: "HeavyBallState", parameters, v };
    },
    params: (state: HeavyBallState) => state.parameters,
  });
};

/** The course's Adam: `update_parameters_with_adam` with `t = step`. */
export const adamOptimizer = (
  learning_rate: number | Schedule,
  { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 }: AdamOptions = {},
): Optimizer<AdamState> => {
  const schedule = toSchedule("adamOptimizer", learning_rate);
  getOrRaise(
    E.sequenceArray([
      checkBeta("adamOptimizer", "beta1", beta1),
      checkBeta("adamOptimizer", "beta2", beta2),
      checkEpsilon("adamOptimizer", epsilon),
    ]),
  );
  return Object.freeze({
    meta: metaOf("adam", `the course's Adam; beta1=${beta1}, beta2=${beta2}, epsilon=${epsilon}`),
    init: (parameters: Parameters): AdamState => {
      const L = initial("adam", parameters);
      return { _tag: "AdamState", parameters, v: zerosLike(parameters, L), s: zerosLike(parameters, L) };
    },
    update: (step: number, grads: Grads, state: AdamState): AdamState => {
      const [parameters, v, s] = update_parameters_with_adam(
        state.parameters,
        grads,
        state.v,
        state.s,
        step,
        stepRate("adam", schedule, step),
        beta1,
        beta2,
        epsilon,
      );
      return { _tag: "AdamState", parameters, v, s };
    },
    params: (state: AdamState) => state.parameters,
  });
};

type Tag = GdState["_tag"] | MomentumState["_tag"] | HeavyBallState["_tag"] | AdamState["_tag"];

const tagOf = (u: unknown): unknown =>
  typeof u === "object" && u !== null && "_tag" in u ? u._tag : undefined;

/**
 * core's `OptimizerDefinition.create` returns `Optimizer<unknown>`, and a typed optimizer is not one (its
 * `update` accepts only its own state). This adapter checks the state's tag at run time instead, so a state
 * from another optimizer fails with a message rather than with `undefined` deep inside a kernel.
 */
const eraseState = <S extends { readonly _tag: Tag }>(optimizer: Optimizer<S>, tag: S["_tag"]): Optimizer => {
  const name = optimizer.meta.name;
  const isState = (state: unknown): state is S => tagOf(state) === tag;
  const expect = (fn: string, state: unknown): S =>
    isState(state)
      ? state
      : raise(
          invalidArgument(
            `${name}.${fn}: state is not a ${name} state (its _tag is ${String(tagOf(state))}, expected ${tag}); pass the state that this optimizer's init or update returned`,
          ),
        );
  return Object.freeze({
    meta: optimizer.meta,
    init: optimizer.init,
    update: (step: number, grads: Grads, state: unknown) =>
      optimizer.update(step, grads, expect("update", state)),
    params: (state: unknown) => optimizer.params(expect("params", state)),
  });
};

const checkHyperparameter =
  (fn: string) =>
  (name: string, value: number): E.Either<StepwiseError, number> =>
    name === "epsilon" ? checkEpsilon(fn, value) : checkBeta(fn, name, value);

/** A resolved hyper-parameter (present: `resolveHyperparameters` filled in the defaults). */
const hyperValue = (hyper: Hyperparameters, name: string): number =>
  hyper[name] ?? raise(invalidArgument(`missing hyper-parameter ${name}`));

const define = <S extends { readonly _tag: Tag }>(
  meta: PluginMeta<"optimizer">,
  tag: S["_tag"],
  defaults: Hyperparameters,
  linearInGradient: boolean,
  make: (learning_rate: Schedule, hyper: Hyperparameters) => Optimizer<S>,
): OptimizerDefinition =>
  Object.freeze({
    meta,
    defaults: Object.freeze({ ...defaults }),
    linearInGradient,
    create: (learning_rate: Schedule, hyper: Hyperparameters) => {
      const fn = `${meta.name}.create`;
      const resolved = getOrRaise(resolveHyperparameters(fn, defaults, hyper, checkHyperparameter(fn)));
      return eraseState(make(learning_rate, resolved), tag);
    },
  });

/** Plain gradient descent, `update_parameters`. No hyper-parameters. */
export const gd: OptimizerDefinition = define<GdState>(
  metaOf("gd", "gradient descent, the course's update_parameters"),
  "GdState",
  {},
  true,
  (learning_rate) => sgd(learning_rate),
);

/** The course's momentum, `update_parameters_with_momentum` (v = β·v + (1 − β)·dW). */
export const momentum: OptimizerDefinition = define<MomentumState>(
  metaOf("momentum", "the course's momentum, v = β·v + (1 − β)·dW"),
  "MomentumState",
  { beta: 0.9 },
  true,
  (learning_rate, hyper) => momentumOptimizer(learning_rate, { beta: hyperValue(hyper, "beta") }),
);

/** PyTorch's SGD momentum (v = β·v + dW), registered as "momentum_pytorch". */
export const heavyBallMomentum: OptimizerDefinition = define<HeavyBallState>(
  metaOf("momentum_pytorch", "PyTorch's SGD momentum (heavy ball), v = β·v + dW"),
  "HeavyBallState",
  { beta: 0.9 },
  true,
  (learning_rate, hyper) => heavyBallOptimizer(learning_rate, { beta: hyperValue(hyper, "beta") }),
);

/** The course's Adam, `update_parameters_with_adam` with t = step. */
export const adam: OptimizerDefinition = define<AdamState>(
  metaOf("adam", "the course's Adam, ε added after √s_corrected"),
  "AdamState",
  { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  false,
  (learning_rate, hyper) =>
    adamOptimizer(learning_rate, {
      beta1: hyperValue(hyper, "beta1"),
      beta2: hyperValue(hyper, "beta2"),
      epsilon: hyperValue(hyper, "epsilon"),
    }),
);

/** Every optimizer of this package, for `makeRegistry({ optimizers })`. */
export const optimizers: ReadonlyArray<OptimizerDefinition> = [gd, momentum, heavyBallMomentum, adam];

/**
 * The checked entry point for configs and CLI flags: a number or schedule, hyper-parameters by name
 * (unset ones take the defaults) → the optimizer, or the error that says what to fix.
 */
export const createOptimizer = (
  definition: OptimizerDefinition,
  learning_rate: number | Schedule,
  hyper: Hyperparameters = {},
): E.Either<StepwiseError, Optimizer> =>
  E.tryCatch(
    () => definition.create(toSchedule(`${definition.meta.name}.create`, learning_rate), hyper),
    (thrown): StepwiseError => {
      if (isStepwiseException(thrown)) return thrown.error;
      throw thrown;
    },
  );
