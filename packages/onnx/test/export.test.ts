import { readdirSync } from "node:fs";
import { join } from "node:path";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { softmax } from "@stepwise/activation-softmax";
import { tanh } from "@stepwise/activation-tanh";
import { type Activation, defineActivation, fromLayers, packageOf } from "@stepwise/core";
import {
  type BatchNormNetworkSpec,
  type BatchNormParameters,
  L_model_forward,
  L_model_forward_bn_inference,
  type RunningStats,
} from "@stepwise/forward-cache";
import { predict } from "@stepwise/model";
import { fromFunction, type Matrix, multiply } from "@stepwise/tensor";
import {
  courseTestCase,
  draws,
  expectMatrixClose,
  loadTorchBatchNormCases,
  normRelativeDifference,
} from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { IR_VERSION, OPSET, toOnnx } from "../src/index.js";
import { activationPackages, decodeModel, everyActivation, runOnnx, unwrap } from "./helpers.js";

// Double models are held to relative 1e-12 element by element; float32 models to 1e-6 of the output's scale.
const DOUBLE = { rtol: 1e-12, atol: 0 };
const FLOAT_SCALE = 1e-6;

const leftMessage = (result: E.Either<{ readonly message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "expected an error";

describe("onnxruntime-node", () => {
  it("loads its CPU binding although pnpm ran no install script for it", async () => {
    const { parameters } = courseTestCase(1, 2, [3, 2, 1]);
    const session = await ort.InferenceSession.create(
      unwrap(toOnnx({ parameters, spec: { hidden: relu, output: sigmoid } })),
    );
    expect(session.inputNames).toEqual(["X"]);
    expect(session.outputNames).toEqual(["AL"]);
  });
});

describe("every activation plugin has an ONNX form", () => {
  it("covers every packages/activation-* of the repository", () => {
    const packagesDir = join(import.meta.dirname, "..", "..");
    const onDisk = readdirSync(packagesDir)
      .filter((d) => d.startsWith("activation-"))
      .map((d) => `@stepwise/${d}`);
    expect(new Set(activationPackages.map((p) => packageOf(p)))).toEqual(new Set(onDisk));
  });

  // A [5, 6, 4, 1] network with the activation on both hidden layers and the course's sigmoid output, on
  // inputs ×3 so that every branch is reached (z from about −15 to 15).
  const { X: X0, parameters } = courseTestCase(4, 11, [5, 6, 4, 1]);
  const X = multiply(X0, 3);

  describe.each(everyActivation.map((a) => ({ name: a.meta.name, activation: a })))(
    "$name",
    ({ activation }) => {
      const spec = { hidden: activation, output: sigmoid };
      const AL = unwrap(predict(X, undefined, parameters, spec)).probabilities;

      it("double: ONNX Runtime's AL equals predict's to relative 1e-12", async () => {
        const onnx = await runOnnx(unwrap(toOnnx({ parameters, spec })), X);
        expectMatrixClose(onnx, AL, DOUBLE, `${activation.meta.name} AL`);
      });

      it("float: to 1e-6 of AL's scale", async () => {
        const onnx = await runOnnx(unwrap(toOnnx({ parameters, spec }, { precision: "float" })), X, "float");
        expect(normRelativeDifference(onnx, AL)).toBeLessThanOrEqual(FLOAT_SCALE);
      });
    },
  );
});

describe("each elementwise activation as the output layer, value by value", () => {
  // AL = g(z) for z on a grid over [−40, 40] plus the points where formulas switch or lose accuracy:
  // ±1e-300 and ±1e-8 (expm1, log1p), the kinks (±3, ±2.5), GELU's switch z = ±1.5·√2, ±700 (overflow).
  const special = [
    0,
    1e-300,
    -1e-300,
    1e-8,
    -1e-8,
    3,
    -3,
    2.5,
    -2.5,
    1.5 * Math.SQRT2,
    -1.5 * Math.SQRT2,
    700,
    -700,
  ];
  const zs = [...Array.from({ length: 401 }, (_, j) => (j - 200) / 5), ...special];
  const grid = fromFunction(1, zs.length, (_, j) => zs[j] as number);
  const unit = fromLayers([[fromFunction(1, 1, () => 1), fromFunction(1, 1, () => 0)]]);
  const elementwise = everyActivation.filter((a) => a.meta.name !== "softmax");

  it.each(elementwise.map((a) => ({ name: a.meta.name, activation: a })))(
    "$name: every g(z) to relative 1e-12 in double",
    async ({ activation }) => {
      const spec = { hidden: relu, output: activation };
      const expected = unwrap(L_model_forward(grid, unit, spec))[0];
      expectMatrixClose(
        await runOnnx(unwrap(toOnnx({ parameters: unit, spec })), grid),
        expected,
        DOUBLE,
        activation.meta.name,
      );
    },
  );

  it("softmax over the class axis, with logits far apart", async () => {
    const [W1, b1, Z] = draws(9, [4, 4], [4, 1], [4, 6]) as [Matrix, Matrix, Matrix];
    const p = fromLayers([[multiply(W1, 10), b1]]);
    const spec = { hidden: relu, output: softmax };
    const expected = unwrap(L_model_forward(Z, p, spec))[0];
    expectMatrixClose(await runOnnx(unwrap(toOnnx({ parameters: p, spec })), Z), expected, DOUBLE, "softmax");
  });
});

describe("batch norm in inference form", () => {
  describe.each(loadTorchBatchNormCases())("torch-optim-bn.json $name", (c) => {
    // The trained network of the fixture: PyTorch's final parameters and running statistics.
    const parameters = c.sgd.finalParameters as BatchNormParameters;
    const running = { ...c.sgd.runningMean, ...c.sgd.runningVar } as RunningStats;
    const spec: BatchNormNetworkSpec = { hidden: relu, output: sigmoid, batchNorm: { eps: 1e-5 } };
    const ours = unwrap(L_model_forward_bn_inference(c.eval.X_test, parameters, running, spec));

    it("double: equals Stepwise's inference pass to 1e-12 and PyTorch's evaluation pass to 1e-10", async () => {
      const bytes = unwrap(toOnnx({ parameters, spec, running }));
      const onnx = await runOnnx(bytes, c.eval.X_test);
      expectMatrixClose(onnx, ours, DOUBLE, "AL vs Stepwise");
      expectMatrixClose(onnx, c.eval.AL, { rtol: 1e-10, atol: 0 }, "AL vs PyTorch");
      // ε = 1e-5 is not a float32: the double model carries it in the variance and sets epsilon to 0.
      const model = decodeModel(bytes);
      const bn = model.graph.node.filter((n) => n.op_type === "BatchNormalization");
      expect(bn).toHaveLength(c.layers.length - 2);
      expect(bn[0]?.input.slice(1)).toEqual(["gamma1", "beta1", "running_mean1", "running_var_plus_eps1"]);
      expect(bn[0]?.attribute?.find((a) => a.name === "epsilon")?.f ?? 0).toBe(0);
    });

    it("float: to 1e-6 of AL's scale, with the standard epsilon attribute", async () => {
      const bytes = unwrap(toOnnx({ parameters, spec, running }, { precision: "float" }));
      expect(normRelativeDifference(await runOnnx(bytes, c.eval.X_test, "float"), ours)).toBeLessThanOrEqual(
        FLOAT_SCALE,
      );
      const bn = decodeModel(bytes).graph.node.find((n) => n.op_type === "BatchNormalization");
      expect(bn?.input.slice(1)).toEqual(["gamma1", "beta1", "running_mean1", "running_var1"]);
      expect(bn?.attribute?.find((a) => a.name === "epsilon")?.f).toBeCloseTo(1e-5, 10);
    });
  });
});

describe("what the file holds", () => {
  const { parameters } = courseTestCase(2, 3, [4, 3, 2]);
  const spec = { hidden: tanh, output: softmax };

  it("opset 18, IR 8, X (batch, n_x) in, AL (batch, n_L) out, a Gemm with transB over W as Stepwise stores it", () => {
    const model = decodeModel(unwrap(toOnnx({ parameters, spec })));
    expect(model.ir_version).toBe(IR_VERSION);
    expect(model.opset_import).toEqual([{ domain: "", version: OPSET }]);
    const [input] = model.graph.input;
    const [output] = model.graph.output;
    expect(input?.name).toBe("X");
    expect(input?.type.tensor_type.elem_type).toBe(11);
    expect(input?.type.tensor_type.shape.dim).toEqual([{ dim_param: "batch" }, { dim_value: 4 }]);
    expect(output?.name).toBe("AL");
    expect(output?.type.tensor_type.shape.dim).toEqual([{ dim_param: "batch" }, { dim_value: 2 }]);
    expect(model.graph.node.map((n) => n.op_type)).toEqual(["Gemm", "Tanh", "Gemm", "Softmax"]);
    expect(model.graph.node[0]?.attribute).toEqual([{ name: "transB", type: 2, i: 1 }]);
    const W1 = model.graph.initializer.find((t) => t.name === "W1");
    expect(W1?.dims).toEqual([3, 4]);
    expect(Array.from(new Float64Array(Uint8Array.from(W1?.raw_data ?? []).buffer))).toEqual(
      Array.from(parameters["W1"]?.data ?? []),
    );
    expect(model.metadata_props).toContainEqual({ key: "layer_dims", value: "[4,3,2]" });
  });

  it("float32 on request: every tensor FLOAT", () => {
    const model = decodeModel(unwrap(toOnnx({ parameters, spec }, { precision: "float" })));
    expect(model.graph.input[0]?.type.tensor_type.elem_type).toBe(1);
    expect(new Set(model.graph.initializer.map((t) => t.data_type))).toEqual(new Set([1]));
  });
});

describe("a network with one activation per hidden layer", () => {
  it("lowers each layer's own activation, and predicts what L_model_forward does", async () => {
    const { parameters, X } = courseTestCase(5, 7, [5, 4, 3, 1]);
    const spec = { hidden: [tanh, relu], output: sigmoid };
    const expected = unwrap(L_model_forward(X, parameters, spec))[0];
    const bytes = unwrap(toOnnx({ parameters, spec }));
    expectMatrixClose(await runOnnx(bytes, X), expected, DOUBLE, "tanh, relu, sigmoid");
    expect(decodeModel(bytes).metadata_props).toContainEqual({
      key: "hidden_activation",
      value: "tanh,relu",
    });
  });

  it("refuses a list that does not have one activation per hidden layer", () => {
    const { parameters } = courseTestCase(3, 3, [4, 3, 1]);
    expect(leftMessage(toOnnx({ parameters, spec: { hidden: [tanh, relu], output: sigmoid } }))).toBe(
      "toOnnx: spec.hidden lists 2 activation(s) but the network has 1 hidden layer(s); give one per hidden layer (layer 1 first), or a single activation for all of them",
    );
  });
});

describe("models it refuses, with the reason", () => {
  const { parameters } = courseTestCase(3, 3, [4, 3, 1]);

  it("an activation with no ONNX form, naming the layer", () => {
    const bentIdentity = defineActivation({
      name: "bent_identity",
      package: "@you/activation-bent-identity",
      fn: (z) => (Math.hypot(z, 1) - 1) / 2 + z,
      derivative: (z) => z / (2 * Math.hypot(z, 1)) + 1,
    });
    expect(leftMessage(toOnnx({ parameters, spec: { hidden: bentIdentity, output: sigmoid } }))).toMatch(
      /^toOnnx: layer 1 \(hidden\) uses the activation "bent_identity" \(@you\/activation-bent-identity\), which has no ONNX form; the exporter knows relu, sigmoid, /,
    );
    expect(leftMessage(toOnnx({ parameters, spec: { hidden: relu, output: bentIdentity } }))).toContain(
      "layer 2 (the output layer) uses the activation",
    );
  });

  it("an activation that only borrows a built-in name", () => {
    const impostor: Activation = { ...relu, meta: { ...relu.meta, package: "@you/activation-relu" } };
    expect(leftMessage(toOnnx({ parameters, spec: { hidden: impostor, output: sigmoid } }))).toBe(
      'toOnnx: layer 1 (hidden) uses an activation named "relu" from @you/activation-relu, not @stepwise/activation-relu; only the built-in plugin\'s formula is known to match its ONNX form',
    );
  });

  it("corrupt parameters: non-finite, missing, mis-shaped", () => {
    const W2 = parameters["W2"] as Matrix;
    const broken = Float64Array.from(W2.data);
    broken[1] = Number.NaN;
    const spec = { hidden: relu, output: sigmoid };
    expect(leftMessage(toOnnx({ parameters: { ...parameters, W2: { ...W2, data: broken } }, spec }))).toBe(
      "toOnnx: parameters W2 element (0, 1) is NaN; the model is corrupt (a diverged run?) — train it again",
    );
    const { b2: _, ...withoutB2 } = parameters;
    expect(leftMessage(toOnnx({ parameters: withoutB2, spec }))).toContain(
      "toOnnx: parameters has W2 but no b2",
    );
    expect(
      leftMessage(toOnnx({ parameters: { ...parameters, W2: fromFunction(1, 2, () => 0) }, spec })),
    ).toContain("toOnnx: W2 is (1, 2) but the layer below has 3 units");
    expect(leftMessage(toOnnx({ parameters, spec }, { precision: "half" as "float" }))).toBe(
      'toOnnx: precision is "half"; pass "double" (default) or "float"',
    );
  });

  it("batch norm without its running statistics, or parameters that do not match the spec", () => {
    const [c] = loadTorchBatchNormCases();
    if (c === undefined) throw new Error("no batch_norm case");
    const p = c.sgd.finalParameters as BatchNormParameters;
    const bnSpec: BatchNormNetworkSpec = { hidden: relu, output: sigmoid, batchNorm: {} };
    expect(leftMessage(toOnnx({ parameters: p, spec: bnSpec }))).toBe(
      "toOnnx: the network has batch norm but no running statistics (mu_l, var_l) were given; pass the ones training returned",
    );
    expect(leftMessage(toOnnx({ parameters: p, spec: { hidden: relu, output: sigmoid } }))).toBe(
      "toOnnx: the parameters hold gamma_l/beta_l but the spec has no batchNorm; pass the spec the model was trained with",
    );
    expect(leftMessage(toOnnx({ parameters, spec: bnSpec, running: {} }))).toBe(
      "toOnnx: the spec has batch norm but the parameters hold no gamma_l/beta_l",
    );
    const running = {
      ...c.sgd.runningMean,
      ...c.sgd.runningVar,
      var1: fromFunction(5, 1, () => Number.POSITIVE_INFINITY),
    };
    expect(leftMessage(toOnnx({ parameters: p, spec: bnSpec, running }))).toBe(
      "toOnnx: running var1 element 0 is Infinity; a variance must be finite and ≥ 0",
    );
  });
});
