import { describeRange, inRange, type ParameterSpec, type Schedule } from "@stepwise/core";
import { invalidArgument, orThrow, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { checkLearningRate, checkStep } from "../checks.js";

/*
 * Learning-rate schedules beyond the course's two, with the formulas of optax (JAX's optimizer library)
 * and, for inverse-time decay, of jax.example_libraries.optimizers. Each is a pure `Schedule`,
 * `(step) => rate`, made by a checked builder: the configuration is checked once, when the schedule is
 * made, and the schedule then trusts its steps.
 *
 * Steps. An optimizer's `update` counts steps from 1 (Adam's t); optax's schedules take `count`, the
 * number of updates done before this one, from 0. So each schedule here evaluates optax's formula at
 * `count = step − 1`: the first update uses `init_value`, as in optax. A step is one update: with
 * mini-batches, `transition_steps` and `decay_steps` count mini-batch updates, as in optax.
 */

/** A schedule's settings other than `init_value`, each with its range, as a plugin's parameters are. */
export type ScheduleParameters<P extends string> = Readonly<Record<P, ParameterSpec>>;

/** The count optax's formula sees at an optimizer's step (1, 2, …): 0, 1, … */
export const countAt = (fn: string, step: number): number => orThrow(checkStep(fn, "step", step)) - 1;

/** Checks init_value and each setting against its spec; fills in the defaults of the settings not given. */
export const checkSettings = <P extends string>(
  fn: string,
  init_value: number,
  specs: ScheduleParameters<P>,
  given: Readonly<Partial<Record<P, number | boolean>>>,
): E.Either<StepwiseError, Readonly<Record<P, number>>> => {
  const lr = checkLearningRate(fn, init_value, "init_value");
  if (E.isLeft(lr)) return lr;
  const out: Partial<Record<P, number>> = {};
  for (const key of Object.keys(specs) as P[]) {
    const spec = specs[key];
    const raw = given[key];
    const value = typeof raw === "boolean" ? (raw ? 1 : 0) : (raw ?? spec.default);
    if (typeof value !== "number" || !inRange(spec, value))
      return E.left(
        invalidArgument(
          `${fn}: ${key} is ${String(value)}; pass ${describeRange(spec)}${spec.description === undefined ? "" : ` (${spec.description})`}`,
        ),
      );
    out[key] = value;
  }
  for (const key of Object.keys(given))
    if (!(key in specs))
      return E.left(
        invalidArgument(`${fn}: it has no setting "${key}"; its settings: ${Object.keys(specs).join(", ")}`),
      );
  return E.right(out as Record<P, number>);
};

/** What a builder returns: the schedule, on checked settings. */
export type CheckedSchedule = E.Either<StepwiseError, Schedule>;
