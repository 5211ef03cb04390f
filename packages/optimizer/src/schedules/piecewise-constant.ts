import type { Schedule } from "@stepwise/core";
import { invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { checkLearningRate } from "../checks.js";
import { type CheckedSchedule, countAt } from "./define.js";

/** `{ 1000: 0.5, 2000: 0.1 }`: at count 1000 the rate is multiplied by 0.5, at 2000 by 0.1 more. */
export type BoundariesAndScales = Readonly<Record<number, number>>;

const checkBoundaries = (
  fn: string,
  boundaries_and_scales: BoundariesAndScales,
): E.Either<StepwiseError, ReadonlyArray<readonly [number, number]>> => {
  const entries = Object.entries(boundaries_and_scales).map(([b, s]) => [Number(b), s] as const);
  for (const [boundary, scale] of entries) {
    if (!(Number.isInteger(boundary) && boundary >= 0))
      return E.left(
        invalidArgument(`${fn}: boundary ${boundary} is not a whole number ≥ 0; boundaries count updates`),
      );
    if (!(typeof scale === "number" && Number.isFinite(scale) && scale >= 0))
      return E.left(
        invalidArgument(
          `${fn}: the scale at boundary ${boundary} is ${String(scale)}; pass a finite number ≥ 0`,
        ),
      );
  }
  // optax sorts the boundaries; an object's integer keys iterate in ascending order anyway, but say so.
  return E.right([...entries].sort(([a], [b]) => a - b));
};

/**
 * optax.piecewise_constant_schedule: init_value, multiplied by every scale whose boundary count has reached,
 *
 *     rate = init_value · Π_{boundary ≤ count} scale
 *
 * in optax's order (ascending boundaries, one multiplication each). count = step − 1.
 */
export const piecewiseConstantSchedule = (
  init_value: number,
  boundaries_and_scales: BoundariesAndScales = {},
): CheckedSchedule => {
  const fn = "piecewiseConstantSchedule";
  return E.flatMap(() =>
    E.map(
      (pairs: ReadonlyArray<readonly [number, number]>): Schedule =>
        (step) => {
          const count = countAt(fn, step);
          let rate = init_value;
          for (const [boundary, scale] of pairs) if (count >= boundary) rate = rate * scale;
          return rate;
        },
    )(checkBoundaries(fn, boundaries_and_scales)),
  )(checkLearningRate(fn, init_value, "init_value"));
};
