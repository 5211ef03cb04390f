import type { Grads, ParameterSpec, Parameters } from "@stepwise/core";
import { axpby, type Matrix, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { checkHyperparameter, checkLearningRate, checkParameters } from "./checks.js";
import { courseUpdate } from "./course-update.js";
import type { Moments } from "./moments.js";
import { defineOptimizer, initialSlots, type MatrixRule } from "./rule.js";

/** The velocity `v`: `v["dW1"]`, `v["db1"]`, … shaped like `W1`, `b1`, … */
export type Velocity = Moments;

/** β ∈ [0, 1): at 1 the average never forgets its start. */
const beta: ParameterSpec = { default: 0.9, min: 0, lessThan: 1, description: "the velocity's decay" };

/** The course's `initialize_velocity`: zeros shaped like every parameter, under the gradient keys. */
export const initialize_velocity = (parameters: Parameters): E.Either<StepwiseError, Velocity> =>
  E.map(() => initialSlots(["v"], parameters)["v"] ?? {})(checkParameters("initialize_velocity", parameters));

/** A momentum rule: the new velocity from (v, dW), then `W − learning_rate·v`. */
const momentumRule =
  (velocity: (v: Matrix, dW: Matrix, beta: number) => Matrix): MatrixRule<"beta", "v"> =>
  (W, dW, { v }, { learning_rate, hyper }) => {
    const vNext = velocity(v, dW, hyper.beta);
    return { W: axpby(1, W, -learning_rate, vNext), slots: { v: vNext } };
  };

/** The course's exponentially weighted average: `v = β·v + (1 − β)·dW`. */
const courseMomentum = momentumRule((v, dW, b) => axpby(b, v, 1 - b, dW));

/** PyTorch's heavy ball: `v = β·v + dW` (1·dW is dW: the values of add(multiply(b, v), dW)). */
const heavyBall = momentumRule((v, dW, b) => axpby(b, v, 1, dW));

/** The course's momentum, `update_parameters_with_momentum` (v = β·v + (1 − β)·dW). */
export const momentum = defineOptimizer({
  name: "momentum",
  description: "the course's momentum, v = β·v + (1 − β)·dW, W = W − learning_rate·v",
  package: "@stepwise/optimizer",
  parameters: { beta },
  linearInGradient: true,
  slots: ["v"],
  step: courseMomentum,
});

/** PyTorch's SGD momentum (v = β·v + dW), registered as "momentum_pytorch". Not the course's: README "Variants". */
export const heavyBallMomentum = defineOptimizer({
  name: "momentum_pytorch",
  description: "PyTorch's SGD momentum (heavy ball), v = β·v + dW, W = W − learning_rate·v",
  package: "@stepwise/optimizer",
  parameters: { beta },
  linearInGradient: true,
  slots: ["v"],
  step: heavyBall,
});

const momentumUpdate = (
  fn: string,
  rule: MatrixRule<"beta", "v">,
  parameters: Parameters,
  grads: Grads,
  v: Velocity,
  b: number,
  learning_rate: number,
): E.Either<StepwiseError, readonly [parameters: Parameters, v: Velocity]> =>
  E.map(
    (step: { parameters: Parameters; slots: Readonly<Record<string, Moments>> }) =>
      [step.parameters, step.slots["v"] ?? {}] as const,
  )(
    courseUpdate(
      fn,
      rule,
      pipe(
        checkHyperparameter(fn, "beta", beta, b),
        E.flatMap(() => checkLearningRate(fn, learning_rate)),
      ),
      parameters,
      grads,
      { v },
      { learning_rate, t: 1, hyper: { beta: b } },
    ),
  );

/**
 * The course's `update_parameters_with_momentum`, the exponentially weighted average form:
 * `v = β·v + (1 − β)·dW`, `W = W − learning_rate·v` (same for b). Returns `[parameters, v]`, both new.
 * β = 0 is plain gradient descent; the course uses β = 0.9.
 */
export const update_parameters_with_momentum = (
  parameters: Parameters,
  grads: Grads,
  v: Velocity,
  beta: number,
  learning_rate: number,
): E.Either<StepwiseError, readonly [parameters: Parameters, v: Velocity]> =>
  momentumUpdate(
    "update_parameters_with_momentum",
    courseMomentum,
    parameters,
    grads,
    v,
    beta,
    learning_rate,
  );

/**
 * Not the course's: PyTorch's `SGD(momentum=β)` (dampening 0, no Nesterov), the heavy-ball form
 * `v = β·v + dW`, `W = W − learning_rate·v`. Its steady-state step is 1/(1 − β) times the course's
 * (10× at β = 0.9), so the same learning rate is not comparable between the two.
 */
export const updateParametersWithHeavyBall = (
  parameters: Parameters,
  grads: Grads,
  v: Velocity,
  beta: number,
  learning_rate: number,
): E.Either<StepwiseError, readonly [parameters: Parameters, v: Velocity]> =>
  momentumUpdate("updateParametersWithHeavyBall", heavyBall, parameters, grads, v, beta, learning_rate);
