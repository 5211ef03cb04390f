import type { OptimizerDefinition, Parameters } from "@stepwise/core";
import { invalidArgument, type Matrix, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { dualPlan, layerOneWork } from "./dual.js";
import type { Plan } from "./plan.js";
import { primalPlan } from "./primal.js";

export type PlanChoice = "auto" | "primal" | "dual";

/** The dual plan's constant input F is (m + n1) × m doubles; above this it is not worth the memory. */
export const DUAL_MEMORY_BUDGET_BYTES = 512 * 1024 * 1024;

export interface PlanContext {
  readonly X: Matrix;
  readonly initial: Parameters;
  readonly optimizer: OptimizerDefinition;
  /** The run's length; kept for callers, not used to choose (see dualIsCheaper). */
  readonly iterations: number;
  /** Updates per iteration (mini-batches per epoch); likewise not used to choose. */
  readonly stepsPerIteration: number;
}

/**
 * Why the dual plan cannot reproduce this run, or undefined when it can. Batch norm is no reason: it acts
 * on Z1 = W1·X + b1, which the dual plan reproduces exactly (see dual.ts).
 */
export const dualInvalidBecause = ({ X, initial, optimizer }: PlanContext): string | undefined => {
  if (!optimizer.linearInGradient)
    return `the optimizer "${optimizer.meta.name}" is not linear in the gradient (the dual plan needs gd, momentum or nesterov)`;
  const n1 = initial["W1"]?.rows ?? 0;
  if ((X.cols + n1) * X.cols * 8 > DUAL_MEMORY_BUDGET_BYTES)
    return `its input would need ${(((X.cols + n1) * X.cols * 8) / 2 ** 20).toFixed(0)} MiB, over the ${DUAL_MEMORY_BUDGET_BYTES / 2 ** 20} MiB budget`;
  return undefined;
};

/**
 * Updates within which the dual plan's one-time setup must pay for itself (on the cat model it pays after
 * ~6). A constant, not the run's length: see `dualIsCheaper`.
 */
export const DUAL_PAYBACK_UPDATES = 20;

/**
 * The cost model: the dual plan pays `dualSetup` once and `dual` per update instead of `primal`. It is
 * chosen when that is less work over `DUAL_PAYBACK_UPDATES` updates — on the cat model (n_x 12288, m 209)
 * it is less after ~6.
 *
 * Why not over the run's own length: the two plans agree only to about 1e-13 (their sums run in different
 * orders), so a choice that followed `iterations` made the printed costs — iteration 0's included —
 * change with `--iterations`: a 3-iteration trial run would not start like the 2500-iteration run. Chosen
 * from the shapes alone, a run is a prefix of every longer run with the same settings. A run shorter than
 * the payback horizon pays at most that many updates' worth of extra setup.
 */
export const dualIsCheaper = ({ X, initial }: PlanContext): boolean => {
  const work = layerOneWork(X.rows, initial["W1"]?.rows ?? 0, X.cols);
  return work.dualSetup + DUAL_PAYBACK_UPDATES * work.dual < DUAL_PAYBACK_UPDATES * work.primal;
};

/** Picks and builds the plan; asking for `dual` where it cannot reproduce the run is an error saying why. */
export const choosePlan = (
  fn: string,
  choice: PlanChoice,
  context: PlanContext,
): E.Either<StepwiseError, Plan> => {
  const invalid = dualInvalidBecause(context);
  if (choice === "dual" && invalid !== undefined)
    return E.left(
      invalidArgument(`${fn}: plan "dual" cannot train this run: ${invalid}. Use plan "primal" or "auto"`),
    );
  const dual = choice === "dual" || (choice === "auto" && invalid === undefined && dualIsCheaper(context));
  return E.right(dual ? dualPlan(context.X, context.initial) : primalPlan(context.X, context.initial));
};
