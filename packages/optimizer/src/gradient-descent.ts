import type { Grads, Parameters } from "@stepwise/core";
import { axpby } from "@stepwise/tensor";
import { checkLearningRate, getOrRaise, guardedStep } from "./checks.js";
import { entry, layerKeys } from "./moments.js";

/**
 * The course's `update_parameters` (and the notebook's `update_parameters_with_gd`): one step of gradient
 * descent, `W_l = W_l − learning_rate·dW_l`, `b_l = b_l − learning_rate·db_l` for l = 1..L.
 * Returns new parameters; throws a typed error on a bad learning rate or grads that do not match.
 */
export const update_parameters = (
  parameters: Parameters,
  grads: Grads,
  learning_rate: number,
): Parameters => {
  const fn = "update_parameters";
  getOrRaise(checkLearningRate(fn, learning_rate));
  // W − lr·dW in one pass: axpby(1, W, −lr, dW) gives the values subtract(W, multiply(lr, dW)) gives.
  return guardedStep(
    fn,
    parameters,
    [["grads", grads]],
    (L): Parameters =>
      Object.fromEntries(
        layerKeys(L).map(([p, d]) => [
          p,
          axpby(1, entry(parameters, p, "parameters"), -learning_rate, entry(grads, d, "grads")),
        ]),
      ),
    (updated) => [updated],
  );
};

/** The notebook's name for the same step. */
export const update_parameters_with_gd = update_parameters;
