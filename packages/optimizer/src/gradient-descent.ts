import type { Grads, Parameters } from "@stepwise/core";
import { axpby, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { checkLearningRate } from "./checks.js";
import { courseUpdate } from "./course-update.js";
import { defineOptimizer, type MatrixRule } from "./rule.js";

/** W − learning_rate·dW in one pass: axpby(1, W, −lr, dW) gives the values subtract(W, multiply(lr, dW)) gives. */
const gdRule: MatrixRule<never, never> = (W, dW, _slots, { learning_rate }) => ({
  W: axpby(1, W, -learning_rate, dW),
  slots: {},
});

/** Plain gradient descent, the course's `update_parameters`. No hyper-parameters. */
export const gd = defineOptimizer({
  name: "gd",
  description: "gradient descent, the course's update_parameters: W = W − learning_rate·dW",
  package: "@stepwise/optimizer",
  parameters: {},
  linearInGradient: true,
  slots: [],
  step: gdRule,
});

/**
 * The course's `update_parameters` (and the notebook's `update_parameters_with_gd`): one step of gradient
 * descent, `W_l = W_l − learning_rate·dW_l`, `b_l = b_l − learning_rate·db_l` for l = 1..L.
 * Returns new parameters, or an error naming a bad learning rate or grads that do not match.
 */
export const update_parameters = (
  parameters: Parameters,
  grads: Grads,
  learning_rate: number,
): E.Either<StepwiseError, Parameters> => {
  const fn = "update_parameters";
  return E.map((step: { parameters: Parameters }) => step.parameters)(
    courseUpdate(
      fn,
      gdRule,
      checkLearningRate(fn, learning_rate),
      parameters,
      grads,
      {},
      {
        learning_rate,
        t: 1,
        hyper: {},
      },
    ),
  );
};

/** The notebook's name for the same step. */
export const update_parameters_with_gd = update_parameters;
