import { fromArray, type Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/** Test shorthand: a Matrix from nested rows (NaN and ±Infinity allowed); throws on ragged input. */
export const matrix = (rows: ReadonlyArray<ReadonlyArray<number>>): Matrix =>
  E.getOrElse<{ readonly message: string }, Matrix>((e) => {
    throw new Error(e.message);
  })(fromArray(rows, { allowNonFinite: true }));
