import type { Grads, Parameters } from "@stepwise/core";
import type { Matrix } from "@stepwise/tensor";

/**
 * How a run represents the network while it trains. The fold in train.ts is the same for every plan:
 * forward on `input`, cost, backward, `gradients`, optimizer update. A plan only changes the coordinates
 * the first layer is trained in; `fromPlan` turns them back into the course's parameters.
 */
export interface Plan {
  readonly name: "primal" | "dual";
  /** What the network reads in place of X (one column per example, like X). */
  readonly input: Matrix;
  /** The initial parameters, in the plan's coordinates. */
  readonly initial: Parameters;
  /** The course's parameters from the plan's coordinates. */
  readonly fromPlan: (parameters: Parameters) => Parameters;
  /** Whether L_model_backward should hand back dZ1 instead of forming dW1. */
  readonly dZ1_instead_of_dW1: boolean;
  /** The gradients the optimizer steps with; `columns` are the batch's examples (all when undefined). */
  readonly gradients: (
    grads: Grads,
    parameters: Parameters,
    columns: ReadonlyArray<number> | undefined,
    lambd: number,
  ) => Grads;
  /** The L2 penalty `(λ / 2m) Σ_l ‖W_l‖²` of the course's parameters these coordinates stand for. */
  readonly l2Cost: (parameters: Parameters, lambd: number, m: number) => number;
}
