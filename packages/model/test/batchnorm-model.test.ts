import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { makeRegistry, type Parameters } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import {
  type BatchNormNetworkSpec,
  L_model_forward_bn_inference,
  type RunningStats,
} from "@stepwise/forward-cache";
import { equals, type Matrix, takeColumns } from "@stepwise/tensor";
import { loadTorchBatchNormCases } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  decodeSafetensors,
  encodeSafetensors,
  type LoadedModel,
  modelManifest,
  modelToSafetensors,
  parseModel,
  predict,
  serializeModel,
  toModelFile,
} from "../src/index.js";

// A trained batch-norm network: torch-optim-bn.json's first case after its SGD run (PyTorch's final
// parameters and running statistics), [6, 5, 4, 1] with ReLU hidden layers and a sigmoid output.
const [c] = loadTorchBatchNormCases();
if (c === undefined) throw new Error("torch-optim-bn.json has no batch_norm case");
const parameters = c.sgd.finalParameters as Parameters;
const running = { ...c.sgd.runningMean, ...c.sgd.runningVar } as RunningStats;
const spec: BatchNormNetworkSpec = { hidden: relu, output: sigmoid, batchNorm: { eps: 1e-5, momentum: 0.1 } };
const file = toModelFile(parameters, spec, binary_cross_entropy, { learning_rate: 0.1 }, running);

const registry = E.getOrElseW(() => {
  throw new Error("registry");
})(makeRegistry({ activations: [relu, sigmoid], costs: [binary_cross_entropy] }));

const unwrap = <A>(result: E.Either<{ message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};
const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

const bitsOf = (m: Matrix | undefined): string =>
  m === undefined
    ? "missing"
    : Array.from(new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength)).join(",");

/** Every parameter and running statistic bit for bit, and the spec's batch norm settings. */
const expectSameNetwork = (model: LoadedModel): void => {
  expect(Object.keys(model.parameters)).toEqual([
    "W1",
    "b1",
    "gamma1",
    "beta1",
    "W2",
    "b2",
    "gamma2",
    "beta2",
    "W3",
    "b3",
  ]);
  for (const [key, m] of Object.entries(parameters))
    expect(bitsOf(model.parameters[key as keyof Parameters]), key).toBe(bitsOf(m));
  expect(Object.keys(model.running ?? {}).sort()).toEqual(["mu1", "mu2", "var1", "var2"]);
  for (const [key, m] of Object.entries(running))
    expect(bitsOf(model.running?.[key as keyof RunningStats]), key).toBe(bitsOf(m));
  expect(model.spec).toEqual(spec);
  expect(model.layer_dims).toEqual([6, 5, 4, 1]);
};

describe("a model file with batch norm", () => {
  const bytes = modelToSafetensors(file);

  it("records batch_norm { eps, momentum } and keeps running_mean_l, running_var_l as tensors", () => {
    const decoded = unwrap(decodeSafetensors(bytes));
    expect(Object.keys(decoded.tensors)).toEqual([
      "W1",
      "b1",
      "gamma1",
      "beta1",
      "W2",
      "b2",
      "gamma2",
      "beta2",
      "W3",
      "b3",
      "running_mean1",
      "running_var1",
      "running_mean2",
      "running_var2",
    ]);
    expect(decoded.tensors["running_var2"]?.shape).toEqual([4, 1]);
    expect(JSON.parse(decoded.metadata["stepwise_model"] ?? "").batch_norm).toEqual({
      eps: 1e-5,
      momentum: 0.1,
    });
  });

  it("round-trips bit for bit: safetensors alone, model.json with its weights, and version 1 inline JSON", () => {
    expectSameNetwork(unwrap(parseModel(bytes, registry)));
    const json = modelManifest(file, { file: "model.safetensors", sha256: "0".repeat(64) });
    expect(JSON.parse(json).batch_norm).toEqual({ eps: 1e-5, momentum: 0.1 });
    expectSameNetwork(unwrap(parseModel({ json, weights: bytes }, registry)));
    expectSameNetwork(unwrap(parseModel(serializeModel(file), registry)));
  });

  it("a model without batch norm records none and loads with a plain spec", () => {
    const plain = unwrap(
      parseModel(
        modelToSafetensors(
          toModelFile(
            { W1: parameters["W1"] as Matrix, b1: parameters["b1"] as Matrix },
            { hidden: relu, output: sigmoid },
            binary_cross_entropy,
            {},
          ),
        ),
        registry,
      ),
    );
    expect(plain.spec).toEqual({ hidden: relu, output: sigmoid });
    expect(plain.running).toBeUndefined();
  });

  it("refuses a file whose batch norm is incomplete or inconsistent, naming what is wrong", () => {
    const { tensors, metadata } = unwrap(decodeSafetensors(bytes));
    const architecture = JSON.parse(metadata["stepwise_model"] ?? "");
    const rewrite = (changes: Record<string, unknown>, drop: ReadonlyArray<string> = []) =>
      parseModel(
        encodeSafetensors(Object.fromEntries(Object.entries(tensors).filter(([k]) => !drop.includes(k))), {
          stepwise_model: JSON.stringify({ ...architecture, ...changes }),
        }),
        registry,
        "m.safetensors",
      );
    expect(message(rewrite({ batch_norm: undefined }))).toBe(
      'm.safetensors: holds batch norm\'s gamma_l/beta_l but no "batch_norm": { "eps", "momentum" } settings; the file is damaged or was edited — train again',
    );
    expect(message(rewrite({}, ["running_var2"]))).toBe(
      "m.safetensors: model file: running has no var2; start from initialize_running_stats(parameters) and pass back what L_model_forward_bn returned",
    );
    expect(message(rewrite({}, ["running_mean1", "running_var1", "running_mean2", "running_var2"]))).toBe(
      "m.safetensors: model file: the network has batch norm but no running statistics (running_mean1, running_var1, …) to predict with",
    );
    expect(message(rewrite({}, ["beta2"]))).toBe(
      "m.safetensors: model file: parameters has no beta2; start from initialize_batchnorm_parameters(parameters)",
    );
    expect(message(rewrite({ batch_norm: { eps: 0, momentum: 0.1 } }))).toBe(
      "m.safetensors: batch_norm.eps is 0; it must be > 0",
    );
    expect(message(rewrite({ batch_norm: { eps: 1e-5 } }))).toBe(
      'm.safetensors: "batch_norm" must be { "eps": number, "momentum": number }, got {"eps":0.00001}',
    );
  });
});

describe("predict with batch norm", () => {
  it("runs the inference pass with the running statistics: L_model_forward_bn_inference's output, each example alone", () => {
    const result = unwrap(predict(c.eval.X_test, undefined, parameters, spec, running));
    const expected = unwrap(L_model_forward_bn_inference(c.eval.X_test, parameters, running, spec));
    expect(equals(result.probabilities, expected)).toBe(true);
    // The running statistics, not the batch's: one example predicts what it predicts among the others.
    const one = unwrap(predict(takeColumns(c.eval.X_test, [3]), undefined, parameters, spec, running));
    expect(one.probabilities.data[0]).toBe(expected.data[3]);
    // The fixture's evaluation pass (PyTorch's model.eval()), to relative 1e-10.
    expected.data.forEach((a, j) => {
      const torch = c.eval.AL.data[j] as number;
      expect(Math.abs(a - torch)).toBeLessThanOrEqual(1e-10 * Math.abs(torch));
    });
  });

  it("a model file's network predicts through its spec and running statistics", () => {
    const model = unwrap(parseModel(modelToSafetensors(file), registry));
    const fromFile = unwrap(predict(c.eval.X_test, undefined, model.parameters, model.spec, model.running));
    const direct = unwrap(predict(c.eval.X_test, undefined, parameters, spec, running));
    expect(equals(fromFile.probabilities, direct.probabilities)).toBe(true);
  });

  it("without the running statistics, or with a plain spec, it says what to pass", () => {
    expect(message(predict(c.eval.X_test, undefined, parameters, spec))).toBe(
      "predict: the network has batch norm, which predicts with its running statistics; pass them (TrainResult.running, or LoadedModel.running for a model file)",
    );
    expect(message(predict(c.eval.X_test, undefined, parameters, { hidden: relu, output: sigmoid }))).toMatch(
      /^L_model_forward: parameters holds batch norm's gamma1, beta1, gamma2, beta2; run a network with batch norm through L_model_forward_bn/,
    );
  });
});
