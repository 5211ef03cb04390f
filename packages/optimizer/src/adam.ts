import type { Grads, Parameters } from "@stepwise/core";
import { add, axpby, divide, multiply, sqrt, square, subtract } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import {
  checkBeta,
  checkEpsilon,
  checkLearningRate,
  checkParameters,
  checkStep,
  getOrRaise,
  guardedStep,
} from "./checks.js";
import { entry, layerKeys, type Moments, zerosLike } from "./moments.js";

/** The course's `initialize_adam`: `[v, s]`, both zeros shaped like the parameters, under `dW1, db1, …`. */
export const initialize_adam = (parameters: Parameters): readonly [v: Moments, s: Moments] => {
  const L = getOrRaise(checkParameters("initialize_adam", parameters));
  return [zerosLike(parameters, L), zerosLike(parameters, L)];
};

/**
 * The course's `update_parameters_with_adam`, with its defaults and its return tuple:
 *
 *     v = β1·v + (1 − β1)·dW            v_corrected = v / (1 − β1^t)
 *     s = β2·s + (1 − β2)·dW²           s_corrected = s / (1 − β2^t)
 *     W = W − learning_rate · v_corrected / (√s_corrected + ε)
 *
 * ε is added after the square root of the bias-corrected s, as in PyTorch's Adam (TensorFlow/Keras add an
 * "ε hat" to the uncorrected √s instead). `t` counts Adam updates from 1. Every result is a new dictionary.
 */
export const update_parameters_with_adam = (
  parameters: Parameters,
  grads: Grads,
  v: Moments,
  s: Moments,
  t: number,
  learning_rate = 0.01,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon = 1e-8,
): readonly [parameters: Parameters, v: Moments, s: Moments, v_corrected: Moments, s_corrected: Moments] => {
  const fn = "update_parameters_with_adam";
  getOrRaise(
    pipe(
      checkStep(fn, "t", t),
      E.flatMap(() => checkLearningRate(fn, learning_rate)),
      E.flatMap(() => checkBeta(fn, "beta1", beta1)),
      E.flatMap(() => checkBeta(fn, "beta2", beta2)),
      E.flatMap(() => checkEpsilon(fn, epsilon)),
    ),
  );
  // The same expressions, in the same order, as the notebook: that is what makes the numbers match
  // (axpby(β, v, 1 − β, dW) is add(multiply(β, v), multiply(1 − β, dW)), one pass instead of three).
  const correction1 = 1 - beta1 ** t;
  const correction2 = 1 - beta2 ** t;
  const step = (L: number) => {
    const steps = layerKeys(L).map(([p, d]) => {
      const dW = entry(grads, d, "grads");
      const vd = axpby(beta1, entry(v, d, "v"), 1 - beta1, dW);
      const vc = divide(vd, correction1);
      const sd = axpby(beta2, entry(s, d, "s"), 1 - beta2, square(dW));
      const sc = divide(sd, correction2);
      const W = subtract(
        entry(parameters, p, "parameters"),
        divide(multiply(learning_rate, vc), add(sqrt(sc), epsilon)),
      );
      return { p: [p, W], v: [d, vd], s: [d, sd], vc: [d, vc], sc: [d, sc] } as const;
    });
    return [
      Object.fromEntries(steps.map((x) => x.p)),
      Object.fromEntries(steps.map((x) => x.v)),
      Object.fromEntries(steps.map((x) => x.s)),
      Object.fromEntries(steps.map((x) => x.vc)),
      Object.fromEntries(steps.map((x) => x.sc)),
    ] as const;
  };
  // A non-finite W, v or dW shows in the new W; a non-finite s (or dW) in the new s, which an infinite
  // s_corrected would hide from W (v_corrected / ∞ is 0).
  return guardedStep(
    fn,
    parameters,
    [
      ["grads", grads],
      ["v", v],
      ["s", s],
    ],
    step,
    ([updated, , sNext]) => [updated, sNext],
  );
};
