import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { compute_cost } from "@stepwise/cost";
import {
  type BatchNormNetworkSpec,
  type BatchNormParameters,
  initialize_running_stats,
  L_model_forward_bn,
  L_model_forward_bn_inference,
  type RunningStats,
  splitBatchNormParameters,
} from "@stepwise/forward-cache";
import { update_parameters } from "@stepwise/optimizer";
import { axpby, type Matrix } from "@stepwise/tensor";
import { expectMatrixClose, loadTorchBatchNormCases } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { type BatchNormGrads, L_model_backward_bn } from "../src/index.js";
import { unwrap } from "./helpers.js";

// torch-optim-bn.json's batch_norm cases: PyTorch 1.13 autograd in float64, BatchNorm1d(eps=1e-5,
// momentum=0.1) after each hidden linear step, ReLU hidden layers, a sigmoid output and the mean BCE.
const RTOL = 1e-10;
// db_l before a batch norm is zero in exact arithmetic (the normalization removes b_l): both PyTorch's and
// ours are rounding noise of about 1e-17, so they are compared absolutely.
const ATOL_ZERO = 1e-15;
const spec: BatchNormNetworkSpec = { hidden: relu, output: sigmoid, batchNorm: { eps: 1e-5, momentum: 0.1 } };

/** Plain SGD: `update_parameters` for W_l, b_l and the same rule, p − lr·dp, for gamma_l and beta_l. */
const sgdStep = (parameters: BatchNormParameters, grads: BatchNormGrads, lr: number): BatchNormParameters => {
  const [linear, batchNorm] = splitBatchNormParameters(parameters);
  const stepped = Object.entries(batchNorm).map(([key, p]) => {
    const dp = grads[`d${key}` as `dgamma${number}`];
    if (p === undefined || dp === undefined) throw new Error(`no gradient for ${key}`);
    return [key, axpby(1, p, -lr, dp)] as const;
  });
  return { ...unwrap(update_parameters(linear, grads, lr)), ...Object.fromEntries(stepped) };
};

const entry = (dict: Readonly<Partial<Record<string, Matrix>>>, key: string): Matrix => {
  const m = dict[key];
  if (m === undefined) throw new Error(`missing ${key}`);
  return m;
};

const hiddenBias = (key: string, L: number): boolean => /^db\d+$/.test(key) && Number(key.slice(2)) < L;

describe.each(loadTorchBatchNormCases())("torch-optim-bn.json $name", (c) => {
  const L = c.layers.length - 1;
  const initial = c.initialParameters as BatchNormParameters;

  it("first pass: AL, J and every gradient (dW_l, db_l, dgamma_l, dbeta_l) to relative 1e-10", () => {
    const [AL, caches] = unwrap(L_model_forward_bn(c.X, initial, initialize_running_stats(initial), spec));
    expectMatrixClose(AL, c.firstPass.AL, { rtol: RTOL, atol: 0 }, "AL");
    expect(Math.abs(unwrap(compute_cost(AL, c.Y)) - c.firstPass.J)).toBeLessThanOrEqual(RTOL * c.firstPass.J);
    const grads = unwrap(L_model_backward_bn(AL, c.Y, caches));
    const ours = Object.keys(grads).filter((k) => /^d(W|b|gamma|beta)\d+$/.test(k));
    expect(ours.sort()).toEqual(Object.keys(c.firstPass.grads).sort());
    for (const [key, expected] of Object.entries(c.firstPass.grads))
      expectMatrixClose(
        entry(grads, key),
        expected,
        hiddenBias(key, L) ? { rtol: 0, atol: ATOL_ZERO } : { rtol: RTOL, atol: 0 },
        key,
      );
  });

  it(`SGD: the cost before every step, the final parameters and the running statistics`, () => {
    let parameters = initial;
    let running: RunningStats = initialize_running_stats(initial);
    const costs: number[] = [];
    for (let t = 0; t < c.sgd.steps; t++) {
      const [AL, caches, next] = unwrap(L_model_forward_bn(c.X, parameters, running, spec));
      costs.push(unwrap(compute_cost(AL, c.Y)));
      parameters = sgdStep(parameters, unwrap(L_model_backward_bn(AL, c.Y, caches)), c.sgd.lr);
      running = next;
    }
    costs.forEach((J, t) => {
      expect(Math.abs(J - (c.sgd.costs[t] as number)), `cost before step ${t}`).toBeLessThanOrEqual(
        RTOL * (c.sgd.costs[t] as number),
      );
    });
    expect(Object.keys(parameters).sort()).toEqual(Object.keys(c.sgd.finalParameters).sort());
    for (const [key, expected] of Object.entries(c.sgd.finalParameters))
      expectMatrixClose(entry(parameters, key), expected, { rtol: RTOL, atol: 0 }, key);
    for (const [key, expected] of [...Object.entries(c.sgd.runningMean), ...Object.entries(c.sgd.runningVar)])
      expectMatrixClose(entry(running, key), expected, { rtol: RTOL, atol: 0 }, key);

    // The evaluation pass: the trained network on 7 new examples, normalizing with the running statistics.
    const AL_eval = unwrap(L_model_forward_bn_inference(c.eval.X_test, parameters, running, spec));
    expectMatrixClose(AL_eval, c.eval.AL, { rtol: RTOL, atol: 0 }, "eval AL");
  });
});
