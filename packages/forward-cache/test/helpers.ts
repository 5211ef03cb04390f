import { type RandomState, randn, seedOrThrow } from "@stepwise/random";
import type { Matrix, StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/Either";

/** Draws matrices of the given shapes in order from one seeded stream, like the course's test cases. */
export const draws = (seed: number, ...shapes: ReadonlyArray<readonly [number, number]>): Matrix[] => {
  let state: RandomState = seedOrThrow(seed);
  return shapes.map(([rows, cols]) => {
    const [m, next] = randn(rows, cols)(state);
    state = next;
    return m;
  });
};

export const unwrap = <A>(result: E.Either<StepwiseError, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

export const leftMessage = (result: E.Either<StepwiseError, unknown>): string =>
  E.isLeft(result) ? result.left.message : "expected an error";
