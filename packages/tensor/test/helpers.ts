import * as E from "fp-ts/lib/Either.js";
import type { Matrix } from "../src/index.js";
import { fromArray } from "../src/index.js";

/** Test shorthand: a matrix from nested rows (NaN allowed, to test its handling); throws on ragged rows. */
export const m = (rows: ReadonlyArray<ReadonlyArray<number>>): Matrix => {
  const result = fromArray(rows, { allowNonFinite: true });
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};
