import { invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { Activation, OutputRange } from "./activation.js";
import type { Cost } from "./cost.js";

const RANGE_WORDS: Readonly<Record<OutputRange, string>> = {
  probability: "a probability in (0, 1) for each unit (as sigmoid does)",
  distribution: "a probability distribution over each column's units (as softmax does)",
  real: "an unbounded real number such as a logit (as identity does)",
};

const gives = (output: Activation): string =>
  output.meta.outputRange === undefined
    ? `"${output.meta.name}" promises none of these (a plugin declares what it gives with meta.outputRange)`
    : `"${output.meta.name}" gives ${RANGE_WORDS[output.meta.outputRange]}`;

/**
 * Checks before training that the cost is defined for what the output activation gives (each cost's
 * `meta.accepts`, each activation's `meta.outputRange`), and that a distribution has more than one unit,
 * so a wrong pairing is named as such instead of surfacing later as a NaN cost blamed on the learning
 * rate. `units` is the output layer's size, when known. Messages start with `where`.
 */
export const checkOutputCost = (
  where: string,
  output: Activation,
  cost: Cost,
  units?: number,
): E.Either<StepwiseError, void> => {
  const fail = (message: string) => E.left(invalidArgument(`${where}: ${message}`));
  const accepts = cost.meta.accepts;
  const hint = accepts?.hint === undefined ? "" : ` ${accepts.hint}`;
  const range = output.meta.outputRange;
  if (accepts !== undefined && (range === undefined || !accepts.outputRange.includes(range)))
    return fail(
      `the cost "${cost.meta.name}" needs an output activation that gives ${accepts.outputRange.map((r) => RANGE_WORDS[r]).join(", or ")}, but ${gives(output)}.${hint}`,
    );
  if (range === "distribution" && units === 1)
    return fail(
      `the output activation "${output.meta.name}" over 1 unit always gives exactly 1 (it normalizes each column), so nothing can be learned; give the output layer one unit per class (≥ 2), or use "sigmoid" for a single yes/no unit`,
    );
  if (accepts?.minUnits !== undefined && units !== undefined && units < accepts.minUnits)
    return fail(
      `the cost "${cost.meta.name}" needs at least ${accepts.minUnits} output units, but the output layer has ${units}.${hint}`,
    );
  return E.right(undefined);
};
