import { invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/** Checks the course's `layer_dims`: at least two sizes (input and output), each an integer ≥ 1. */
export const validateLayerDims = (
  fn: string,
  layer_dims: ReadonlyArray<number>,
): E.Either<StepwiseError, ReadonlyArray<number>> => {
  if (!Array.isArray(layer_dims) || layer_dims.length < 2)
    return E.left(
      invalidArgument(
        `${fn}: layer_dims is ${JSON.stringify(layer_dims)}; it needs at least two sizes, the input and the output (e.g. [12288, 20, 7, 5, 1])`,
      ),
    );
  const bad = layer_dims.findIndex((n) => !(Number.isInteger(n) && n >= 1));
  return bad < 0
    ? E.right(layer_dims)
    : E.left(
        invalidArgument(
          `${fn}: layer_dims[${bad}] is ${JSON.stringify(layer_dims[bad])}; every layer size must be an integer ≥ 1`,
        ),
      );
};
