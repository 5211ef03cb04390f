import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { type BatchNormGrads, L_model_backward_bn } from "@stepwise/backward";
import { compute_cost_with_regularization } from "@stepwise/cost";
import {
  type BatchNormNetworkSpec,
  type BatchNormParameters,
  initialize_batchnorm_parameters,
  initialize_running_stats,
  L_model_forward_bn,
  type RunningStats,
  splitBatchNormParameters,
} from "@stepwise/forward-cache";
import { initialize_parameters_deep } from "@stepwise/init";
import { update_parameters } from "@stepwise/optimizer";
import { randn, seedOrThrow } from "@stepwise/random";
import { axpby, fromFunction, greater, type Matrix, maxAbsDifference, takeColumns } from "@stepwise/tensor";
import { maxRelativeDifference } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { dualPlan, type Plan, primalPlan } from "../src/index.js";

// Batch norm after layer 1's linear step normalizes Z1 = W1·X_B + b1 over the batch. The dual plan computes
// the same Z1 as K·F[:, B] + b1, and the gradient of W1 is still dZ1·X_Bᵀ / b (dZ1 taken before the
// normalization), so the dual plan stays valid (see src/plans/dual.ts). This runs the plan by hand — the
// training loop (train.ts) does not know batch norm yet — and holds it to the primal plan as plans.test.ts
// does: costs to absolute 1e-9, parameters and running statistics to relative 1e-9.

const spec: BatchNormNetworkSpec = { hidden: relu, output: sigmoid, batchNorm: { eps: 1e-5, momentum: 0.1 } };

const unwrap = <A>(e: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(e.left.message);
  return e.right;
};

interface Trained {
  readonly costs: ReadonlyArray<number>;
  readonly parameters: BatchNormParameters;
  readonly running: RunningStats;
}

/** SGD on batch norm networks through a plan: the loop of train.ts, with the batch-norm forward and backward. */
const train = (
  plan: Plan,
  Y: Matrix,
  batches: ReadonlyArray<ReadonlyArray<number> | undefined>,
  steps: number,
  lr: number,
  lambd: number,
): Trained => {
  let parameters = plan.initial as BatchNormParameters;
  let running = initialize_running_stats(parameters);
  const costs: number[] = [];
  for (let t = 0; t < steps; t++)
    for (const columns of batches) {
      const input = columns === undefined ? plan.input : takeColumns(plan.input, columns);
      const Y_B = columns === undefined ? Y : takeColumns(Y, columns);
      const [AL, caches, next] = unwrap(L_model_forward_bn(input, parameters, running, spec));
      const [linear, batchNorm] = splitBatchNormParameters(parameters);
      costs.push(
        unwrap(compute_cost_with_regularization(AL, Y_B, linear, 0)) + plan.l2Cost(linear, lambd, Y_B.cols),
      );
      const grads = unwrap(
        L_model_backward_bn(AL, Y_B, caches, {
          lambd,
          dZ1_instead_of_dW1: plan.dZ1_instead_of_dW1,
        }),
      );
      const stepped = plan.gradients(grads, linear, columns, lambd) as BatchNormGrads;
      const bn = Object.entries(batchNorm).map(
        ([k, p]) => [k, axpby(1, p as Matrix, -lr, stepped[`d${k}` as `dgamma${number}`] as Matrix)] as const,
      );
      parameters = { ...unwrap(update_parameters(linear, stepped, lr)), ...Object.fromEntries(bn) };
      running = next;
    }
  const [linear, batchNorm] = splitBatchNormParameters(parameters);
  return { costs, parameters: { ...plan.fromPlan(linear), ...batchNorm }, running };
};

const gap = (
  a: Readonly<Record<string, Matrix | undefined>>,
  b: Readonly<Record<string, Matrix | undefined>>,
) => Math.max(...Object.keys(b).map((k) => maxRelativeDifference(a[k] as Matrix, b[k] as Matrix)));

describe("the dual plan with batch norm after layer 1 reproduces the primal plan", () => {
  it.each([
    { seed: 1, dims: [300, 7, 1], batches: [undefined], lambd: 0 },
    { seed: 2, dims: [300, 9, 4, 1], batches: [undefined], lambd: 0.7 },
    {
      seed: 3,
      dims: [300, 6, 3, 1],
      batches: [Array.from({ length: 16 }, (_, j) => j), Array.from({ length: 24 }, (_, j) => 16 + j)],
      lambd: 0.2,
    },
  ])("seed $seed, layers $dims, lambd $lambd", ({ seed, dims, batches, lambd }) => {
    const [X] = randn(300, 40)(seedOrThrow(seed));
    const Y = greater(
      fromFunction(1, 40, (_, j) => Math.sin(j * 1.3 + seed)),
      0,
    );
    const [deep] = unwrap(initialize_parameters_deep(dims, seedOrThrow(seed)));
    const initial = initialize_batchnorm_parameters(deep);
    const primal = train(primalPlan(X, initial), Y, batches, 25, 0.1, lambd);
    const dual = train(dualPlan(X, initial), Y, batches, 25, 0.1, lambd);
    expect(
      Math.max(...dual.costs.map((c, i) => Math.abs(c - (primal.costs[i] as number)))),
    ).toBeLessThanOrEqual(1e-9);
    // b_l before a batch norm has a zero gradient: both runs leave it at 0 plus rounding noise (~1e-18).
    const [linear, batchNorm] = splitBatchNormParameters(primal.parameters);
    const [dualLinear, dualBatchNorm] = splitBatchNormParameters(dual.parameters);
    const L = dims.length - 1;
    for (let l = 1; l < L; l++) {
      const key = `b${l}` as const;
      expect(maxAbsDifference(dualLinear[key] as Matrix, linear[key] as Matrix), key).toBeLessThanOrEqual(
        1e-15,
      );
    }
    const keep = Object.keys(linear).filter((k) => !/^b\d+$/.test(k) || Number(k.slice(1)) === L);
    const pick = (p: Readonly<Record<string, Matrix | undefined>>) =>
      Object.fromEntries(keep.map((k) => [k, p[k]]));
    expect(gap(pick(dualLinear), pick(linear))).toBeLessThanOrEqual(1e-9);
    expect(gap(dualBatchNorm, batchNorm)).toBeLessThanOrEqual(1e-9);
    expect(gap(dual.running, primal.running)).toBeLessThanOrEqual(1e-9);
    // The runs did learn: the last cost is below the first.
    expect(primal.costs.at(-1) as number).toBeLessThan(primal.costs[0] as number);
  });
});
