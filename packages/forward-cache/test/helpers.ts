import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

export const unwrap = <A>(result: E.Either<StepwiseError, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

export const leftMessage = (result: E.Either<StepwiseError, unknown>): string =>
  E.isLeft(result) ? result.left.message : "expected an error";
