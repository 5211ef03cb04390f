import { allClose, fromArray, type Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { expect } from "vitest";

// Core sits below @stepwise/testkit (which depends on it), so its tests use these two small helpers.

export const matrix = (rows: ReadonlyArray<ReadonlyArray<number>>): Matrix =>
  E.getOrElse<{ readonly message: string }, Matrix>((e) => {
    throw new Error(e.message);
  })(fromArray(rows));

export const expectClose = (
  actual: Matrix,
  expected: ReadonlyArray<ReadonlyArray<number>>,
  rtol: number,
): void => {
  expect(allClose(actual, matrix(expected), { rtol, atol: 0 })).toBe(true);
};
