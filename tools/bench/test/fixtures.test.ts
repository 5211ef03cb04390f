import { identity } from "@stepwise/activation-identity";
import { leaky_relu } from "@stepwise/activation-leaky-relu";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { softmax } from "@stepwise/activation-softmax";
import { tanh } from "@stepwise/activation-tanh";
import { L_model_backward } from "@stepwise/backward";
import type { Activation, Cost, GradKey, Grads } from "@stepwise/core";
import { compute_cost_with_regularization } from "@stepwise/cost";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import { mse } from "@stepwise/cost-mse";
import { L_model_forward } from "@stepwise/forward-cache";
import {
  type Backend,
  dictionaryToBackend,
  jsBackend,
  type Matrix,
  orThrow,
  toBackend,
} from "@stepwise/tensor";
import { loadTorchGradientCases, type TorchGradientCase } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { expectParity, useWasmBackend } from "./helpers.js";

const wasm = useWasmBackend();

const activations: Record<string, Activation> = { relu, tanh, leaky_relu, sigmoid, identity, softmax };
const costs: Record<string, Cost> = { bce: binary_cross_entropy, mse, ce: categorical_cross_entropy };

/** Forward, cost and backward of one torch-gradients.json network, its data moved to `backend`. */
const run = (c: TorchGradientCase, backend: Backend = jsBackend): { AL: Matrix; J: number; grads: Grads } => {
  const spec = {
    hidden: activations[c.hiddenActivation] as Activation,
    output: activations[c.outputActivation] as Activation,
  };
  const cost = costs[c.cost] as Cost;
  const [X, Y, parameters] = [
    toBackend(c.X, backend),
    toBackend(c.Y, backend),
    dictionaryToBackend(c.parameters, backend),
  ];
  const forward = L_model_forward(X, parameters, spec);
  if (E.isLeft(forward)) throw new Error(forward.left.message);
  const [AL, caches] = forward.right;
  return {
    AL,
    J: orThrow(compute_cost_with_regularization(AL, Y, parameters, c.lambd, cost)),
    grads: orThrow(L_model_backward(AL, Y, caches, { cost, lambd: c.lambd, dA0: true })),
  };
};

describe("torch-gradients.json on the wasm backend", () => {
  const cases = loadTorchGradientCases();
  // Every network in the file is checked below; this only guards against an empty (vacuous) run.
  it("has networks", () => expect(cases.length).toBeGreaterThan(0));
  describe.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    it("matches PyTorch's AL, J and gradients (relative 1e-10, as on the js backend)", () => {
      const { AL, J, grads } = run(c, wasm());
      expect(AL.backend).toBe(wasm());
      expectParity(AL, c.AL, { rtol: 1e-10 });
      expect(Math.abs(J - c.J)).toBeLessThanOrEqual(1e-10 * Math.abs(c.J));
      for (const [key, expected] of Object.entries(c.grads))
        expectParity(grads[key as GradKey] as Matrix, expected as Matrix, { rtol: 1e-10, atol: 1e-15 });
    });
    it("matches the js backend to relative 1e-12, dA0 included", () => {
      const js = run(c);
      const w = run(c, wasm());
      expectParity(w.AL, js.AL);
      expect(Math.abs(w.J - js.J)).toBeLessThanOrEqual(1e-12 * Math.abs(js.J));
      for (const key of Object.keys(js.grads) as GradKey[])
        expectParity(w.grads[key] as Matrix, js.grads[key] as Matrix, { atol: 1e-300 });
    });
  });
});
