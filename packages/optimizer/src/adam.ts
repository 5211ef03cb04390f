import type { Grads, ParameterSpec, Parameters } from "@stepwise/core";
import {
  add,
  axpby,
  divide,
  maximum,
  multiply,
  type StepwiseError,
  sqrt,
  square,
  subtract,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { checkHyperparameter, checkLearningRate, checkParameters, checkStep } from "./checks.js";
import { courseUpdate } from "./course-update.js";
import { flag } from "./hyperparameters.js";
import type { Moments } from "./moments.js";
import { defineOptimizer, initialSlots, type MatrixRule } from "./rule.js";

const parameters = {
  beta1: { default: 0.9, min: 0, lessThan: 1, description: "the first moment's decay" },
  beta2: { default: 0.999, min: 0, lessThan: 1, description: "the second moment's decay" },
  epsilon: { default: 1e-8, greaterThan: 0, description: "keeps the division away from 0" },
  amsgrad: flag("1: AMSGrad, divide by the largest s so far (PyTorch's Adam(amsgrad=True))"),
} as const satisfies Readonly<Record<string, ParameterSpec>>;

/**
 * The course's Adam for one matrix, the same expressions in the same order as the notebook (that is what
 * makes the numbers match; axpby(β, v, 1 − β, dW) is add(multiply(β, v), multiply(1 − β, dW)) in one pass):
 *
 *     v = β1·v + (1 − β1)·dW            v_corrected = v / (1 − β1^t)
 *     s = β2·s + (1 − β2)·dW²           s_corrected = s / (1 − β2^t)
 *     W = W − learning_rate · v_corrected / (√s_corrected + ε)
 *
 * ε is added after the square root of the bias-corrected s, as in PyTorch's Adam (TensorFlow/Keras add an
 * "ε hat" to the uncorrected √s instead). `t` counts Adam updates from 1.
 */
const adamRule: MatrixRule<keyof typeof parameters, "v" | "s" | "s_max"> = (W, dW, slots, context) =>
  context.hyper.amsgrad === 1 ? amsgradStep(W, dW, slots, context) : courseStep(W, dW, slots, context);

const courseStep: MatrixRule<keyof typeof parameters, "v" | "s"> = (
  W,
  dW,
  { v, s },
  { learning_rate, t, hyper: { beta1, beta2, epsilon } },
) => {
  const vd = axpby(beta1, v, 1 - beta1, dW);
  const vc = divide(vd, 1 - beta1 ** t);
  const sd = axpby(beta2, s, 1 - beta2, square(dW));
  const sc = divide(sd, 1 - beta2 ** t);
  return {
    W: subtract(W, divide(multiply(learning_rate, vc), add(sqrt(sc), epsilon))),
    slots: { v: vd, s: sd },
    report: { v_corrected: vc, s_corrected: sc },
  };
};

/**
 * AMSGrad (Reddi et al. 2018) as PyTorch's `Adam(amsgrad=True)` (torch 1.13), written as PyTorch writes it:
 * the largest s so far, `s_max = max(s_max, s)`, takes s's place in the denominator, so the effective step
 * never grows:
 *
 *     W = W − (learning_rate / (1 − β1^t))·v / (√s_max / √(1 − β2^t) + ε)
 *
 * Not in the course; its `s_max` slot exists only with amsgrad=1 (the `slots` of `adam` below).
 */
const amsgradStep: MatrixRule<keyof typeof parameters, "v" | "s" | "s_max"> = (
  W,
  dW,
  slots,
  { learning_rate, t, hyper: { beta1, beta2, epsilon } },
) => {
  const v = axpby(beta1, slots.v, 1 - beta1, dW);
  const s = axpby(beta2, slots.s, 1 - beta2, square(dW));
  const sMax = maximum(slots.s_max, s);
  const denominator = add(divide(sqrt(sMax), Math.sqrt(1 - beta2 ** t)), epsilon);
  return {
    W: axpby(1, W, -(learning_rate / (1 - beta1 ** t)), divide(v, denominator)),
    slots: { v, s, s_max: sMax },
  };
};

/**
 * The course's Adam, `update_parameters_with_adam` with t = step:
 * `adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)`; `amsgrad=1` is AMSGrad.
 */
export const adam = defineOptimizer({
  name: "adam",
  description: "the course's Adam, ε added after √s_corrected; amsgrad=1 divides by the largest s so far",
  package: "@stepwise/optimizer",
  parameters,
  linearInGradient: false,
  slots: ({ amsgrad }) => (amsgrad === 1 ? ["v", "s", "s_max"] : ["v", "s"]),
  step: adamRule,
});

/** The course's `initialize_adam`: `[v, s]`, both zeros shaped like the parameters, under `dW1, db1, …`. */
export const initialize_adam = (p: Parameters): E.Either<StepwiseError, readonly [v: Moments, s: Moments]> =>
  E.map(() => {
    const { v = {}, s = {} } = initialSlots(["v", "s"], p);
    return [v, s] as const;
  })(checkParameters("initialize_adam", p));

/**
 * The course's `update_parameters_with_adam`, with its defaults and its return tuple (see `adamRule`).
 * Every result is a new dictionary; a bad t, learning rate, β or ε, or a v, s or grads that do not match
 * the parameters, is an error that names it.
 */
export const update_parameters_with_adam = (
  parameters_: Parameters,
  grads: Grads,
  v: Moments,
  s: Moments,
  t: number,
  learning_rate = 0.01,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon = 1e-8,
): E.Either<
  StepwiseError,
  readonly [parameters: Parameters, v: Moments, s: Moments, v_corrected: Moments, s_corrected: Moments]
> => {
  const fn = "update_parameters_with_adam";
  const checks = pipe(
    checkStep(fn, "t", t),
    E.flatMap(() => checkLearningRate(fn, learning_rate)),
    E.flatMap(() => checkHyperparameter(fn, "beta1", parameters.beta1, beta1)),
    E.flatMap(() => checkHyperparameter(fn, "beta2", parameters.beta2, beta2)),
    E.flatMap(() => checkHyperparameter(fn, "epsilon", parameters.epsilon, epsilon)),
  );
  return E.map(
    (step: {
      parameters: Parameters;
      slots: Readonly<Record<string, Moments>>;
      report: Readonly<Record<string, Moments>>;
    }) =>
      [
        step.parameters,
        step.slots["v"] ?? {},
        step.slots["s"] ?? {},
        step.report["v_corrected"] ?? {},
        step.report["s_corrected"] ?? {},
      ] as const,
  )(
    courseUpdate(
      fn,
      courseStep,
      checks,
      parameters_,
      grads,
      { v, s },
      { learning_rate, t, hyper: { beta1, beta2, epsilon, amsgrad: 0 } },
    ),
  );
};
