import type { Grads, Parameters } from "@stepwise/core";
import { multiply, subtract } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { checkLearningRate, checkUpdate, getOrRaise } from "./checks.js";
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
  const L = getOrRaise(
    pipe(
      checkLearningRate(fn, learning_rate),
      E.flatMap(() => checkUpdate(fn, parameters, [["grads", grads]])),
    ),
  );
  return Object.fromEntries(
    layerKeys(L).map(([p, d]) => [
      p,
      subtract(entry(parameters, p, "parameters"), multiply(learning_rate, entry(grads, d, "grads"))),
    ]),
  );
};

/** The notebook's name for the same step. */
export const update_parameters_with_gd = update_parameters;
