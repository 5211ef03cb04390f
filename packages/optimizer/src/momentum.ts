import type { Grads, Parameters } from "@stepwise/core";
import { axpby, type Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { checkBeta, checkLearningRate, checkParameters, getOrRaise, guardedStep } from "./checks.js";
import { entry, layerKeys, type Moments, zerosLike } from "./moments.js";

/** The velocity `v`: `v["dW1"]`, `v["db1"]`, … shaped like `W1`, `b1`, … */
export type Velocity = Moments;

/** The course's `initialize_velocity`: zeros shaped like every parameter, under the gradient keys. */
export const initialize_velocity = (parameters: Parameters): Velocity =>
  zerosLike(parameters, getOrRaise(checkParameters("initialize_velocity", parameters)));

/** One momentum-style step: a new velocity per parameter from (v, dW), then `W − learning_rate·v`. */
const momentumStep = (
  fn: string,
  velocity: (v: Matrix, dW: Matrix, beta: number) => Matrix,
  parameters: Parameters,
  grads: Grads,
  v: Velocity,
  beta: number,
  learning_rate: number,
): readonly [parameters: Parameters, v: Velocity] => {
  getOrRaise(
    pipe(
      checkBeta(fn, "beta", beta),
      E.flatMap(() => checkLearningRate(fn, learning_rate)),
    ),
  );
  // A non-finite v or dW makes the new v, hence the new W, non-finite: checking the new W covers all three.
  return guardedStep(
    fn,
    parameters,
    [
      ["grads", grads],
      ["v", v],
    ],
    (L): readonly [parameters: Parameters, v: Velocity] => {
      const steps = layerKeys(L).map(([p, d]) => {
        const vNext = velocity(entry(v, d, "v"), entry(grads, d, "grads"), beta);
        return [
          [p, axpby(1, entry(parameters, p, "parameters"), -learning_rate, vNext)],
          [d, vNext],
        ] as const;
      });
      return [Object.fromEntries(steps.map(([p]) => p)), Object.fromEntries(steps.map(([, d]) => d))];
    },
    ([updated]) => [updated],
  );
};

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
): readonly [parameters: Parameters, v: Velocity] =>
  momentumStep(
    "update_parameters_with_momentum",
    (vPrev, dW, b) => axpby(b, vPrev, 1 - b, dW),
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
): readonly [parameters: Parameters, v: Velocity] =>
  momentumStep(
    "updateParametersWithHeavyBall",
    // 1·dW is dW: the same values as add(multiply(b, vPrev), dW).
    (vPrev, dW, b) => axpby(b, vPrev, 1, dW),
    parameters,
    grads,
    v,
    beta,
    learning_rate,
  );
