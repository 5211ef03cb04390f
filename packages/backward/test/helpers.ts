import { allClose, fromArray, type Matrix, maxAbsDifference, type StepwiseError } from "@stepwise/tensor";
import { loadFixture } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { expect } from "vitest";

export const unwrap = <A>(result: E.Either<StepwiseError, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

export const matrix = (rows: ReadonlyArray<ReadonlyArray<number>>): Matrix => unwrap(fromArray(rows));

export const expectClose = (
  actual: Matrix | undefined,
  expected: ReadonlyArray<ReadonlyArray<number>>,
  rtol: number,
  atol = 0,
): void => {
  if (actual === undefined) throw new Error("matrix is missing");
  const e = matrix(expected);
  expect(allClose(actual, e, { rtol, atol }), `max |Δ| = ${maxAbsDifference(actual, e)}`).toBe(true);
};

/** A fixture file's JSON, through testkit's loader (the repository's fixtures/, or $STEPWISE_FIXTURES_DIR). */
export const readFixture = <A>(name: string): A => loadFixture(name) as A;
