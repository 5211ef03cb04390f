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
  readonly iterations: number;
  /** Updates per iteration (mini-batches per epoch), for the cost model. */
  readonly stepsPerIteration: number;
}

/**
 * Why the dual plan cannot reproduce this run, or undefined when it can. Batch norm is no reason: it acts
 * on Z1 = W1·X + b1, which the dual plan reproduces exactly (see dual.ts).
 */
export const dualInvalidBecause = ({ X, initial, optimizer }: PlanContext): string | undefined => {
  if (!optimizer.linearInGradient)
    return `the optimizer "${optimizer.meta.name}" is not linear in the gradient (the dual plan needs gd or momentum)`;
  const n1 = initial["W1"]?.rows ?? 0;
  if ((X.cols + n1) * X.cols * 8 > DUAL_MEMORY_BUDGET_BYTES)
    return `its input would need ${(((X.cols + n1) * X.cols * 8) / 2 ** 20).toFixed(0)} MiB, over the ${DUAL_MEMORY_BUDGET_BYTES / 2 ** 20} MiB budget`;
  return undefined;
};

/**
 * The cost model: the dual plan pays `dualSetup` once and `dual` per update instead of `primal`. It is
 * chosen when that is less work in total, which on the cat model (n_x 12288, m 209) is after ~6 updates.
 */
export const dualIsCheaper = ({ X, initial, iterations, stepsPerIteration }: PlanContext): boolean => {
  const work = layerOneWork(X.rows, initial["W1"]?.rows ?? 0, X.cols);
  const updates = iterations * stepsPerIteration;
  return work.dualSetup + updates * work.dual < updates * work.primal;
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
