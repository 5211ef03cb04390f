import type { Grads, Parameters } from "@stepwise/core";
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { guardedStep } from "./checks.js";
import { type DictionaryStep, type MatrixRule, type RuleContext, stepDictionary } from "./rule.js";

/**
 * A course function's update: its own numbers checked first (`checks`: the learning rate, β, t, …), then
 * the rule over the dictionary with `guardedStep`'s guarantee (keys and shapes checked, and a NaN or
 * ±Infinity in parameters, grads or a slot named rather than passed on). The same rule the optimizer's
 * `update` runs, so the course functions and the plugins give the same numbers, bit for bit.
 */
export const courseUpdate = <P extends string, S extends string>(
  fn: string,
  rule: MatrixRule<P, S>,
  checks: E.Either<StepwiseError, unknown>,
  parameters: Parameters,
  grads: Grads,
  slots: Readonly<Record<S, Grads>>,
  context: RuleContext<P>,
): E.Either<StepwiseError, DictionaryStep> =>
  pipe(
    checks,
    E.flatMap(() =>
      guardedStep(
        fn,
        parameters,
        [["grads", grads], ...Object.entries<Grads>(slots)],
        () => stepDictionary(rule, Object.keys(slots) as S[], parameters, grads, slots, context),
        (step) => [step.parameters, ...Object.values(step.slots)],
      ),
    ),
  );
