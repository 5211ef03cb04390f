import type { Parameters } from "@stepwise/core";
import { l2Penalty } from "@stepwise/cost";
import type { Matrix } from "@stepwise/tensor";
import type { Plan } from "./plan.js";

/** The course's loop as written: the network reads X, and the optimizer steps with dW1 = dZ1·Xᵀ / m. */
export const primalPlan = (X: Matrix, initial: Parameters): Plan => ({
  name: "primal",
  input: X,
  initial,
  fromPlan: (parameters) => parameters,
  dZ1_instead_of_dW1: false,
  gradients: (grads) => grads,
  l2Cost: l2Penalty,
});
