import { plugins as elu } from "@stepwise/activation-elu";
import { plugins as gelu } from "@stepwise/activation-gelu";
import { plugins as hardSigmoid } from "@stepwise/activation-hard-sigmoid";
import { plugins as identity } from "@stepwise/activation-identity";
import { plugins as leakyRelu } from "@stepwise/activation-leaky-relu";
import { plugins as mish } from "@stepwise/activation-mish";
import { plugins as relu } from "@stepwise/activation-relu";
import { plugins as selu } from "@stepwise/activation-selu";
import { plugins as sigmoid } from "@stepwise/activation-sigmoid";
import { plugins as softmax } from "@stepwise/activation-softmax";
import { plugins as softplus } from "@stepwise/activation-softplus";
import { plugins as softsign } from "@stepwise/activation-softsign";
import { plugins as swish } from "@stepwise/activation-swish";
import { plugins as tanh } from "@stepwise/activation-tanh";
import { type Activation, getActivation, makeRegistry, nameOf, type Registry } from "@stepwise/core";
import { type Matrix, type StepwiseError, transpose, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import * as ort from "onnxruntime-node";
import type { Precision } from "../src/index.js";
import { modelProto } from "../src/schema.js";

export const unwrap = <A>(result: E.Either<StepwiseError, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

/** Every plugin list of packages/activation-*: the repository's activations, as `stepwise plugins` lists them. */
export const activationPackages = [
  elu,
  gelu,
  hardSigmoid,
  identity,
  leakyRelu,
  mish,
  relu,
  selu,
  sigmoid,
  softmax,
  softplus,
  softsign,
  swish,
  tanh,
].flat();

export const registry: Registry = unwrap(makeRegistry({ activations: activationPackages }));

/**
 * Every activation plugin by name: each plain plugin, each factory with its defaults, and factories again
 * with parameters a float32 attribute cannot hold (0.3) and can (0.5), which take different ONNX forms.
 */
export const everyActivation: ReadonlyArray<Activation> = activationPackages.flatMap((p) => {
  const base = nameOf(p);
  const names =
    "meta" in p
      ? [base]
      : [base, ...Object.keys(p.parameters).flatMap((k) => [`${base}(${k}=0.3)`, `${base}(${k}=0.5)`])];
  return names.map((name) => unwrap(getActivation(registry, name)));
});

/** Runs an exported model in ONNX Runtime on Stepwise's X (n_x, m); returns AL as Stepwise lays it out. */
export const runOnnx = async (
  bytes: Uint8Array,
  X: Matrix,
  precision: Precision = "double",
): Promise<Matrix> => {
  const session = await ort.InferenceSession.create(bytes);
  const Xt = transpose(X);
  const input =
    precision === "double"
      ? new ort.Tensor("float64", Float64Array.from(Xt.data), [Xt.rows, Xt.cols])
      : new ort.Tensor("float32", Float32Array.from(Xt.data), [Xt.rows, Xt.cols]);
  const out = (await session.run({ X: input }))["AL"];
  if (out === undefined) throw new Error("the model has no output AL");
  const [batch, n] = out.dims as [number, number];
  return transpose(unsafeMatrix(batch, n, Float64Array.from(out.data as Float64Array | Float32Array)));
};

/** `onnx.ModelProto` decoded to plain objects (int64 as numbers), for checking what was written. */
export const decodeModel = (bytes: Uint8Array): DecodedModel =>
  modelProto().toObject(modelProto().decode(bytes), {
    longs: Number,
    bytes: Array,
    defaults: false,
  }) as DecodedModel;

export interface DecodedModel {
  readonly ir_version: number;
  readonly opset_import: ReadonlyArray<{ readonly domain?: string; readonly version: number }>;
  readonly metadata_props: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  readonly graph: {
    readonly node: ReadonlyArray<{
      readonly op_type: string;
      readonly input: ReadonlyArray<string>;
      readonly output: ReadonlyArray<string>;
      readonly attribute?: ReadonlyArray<{ readonly name: string; readonly f?: number; readonly i?: number }>;
    }>;
    readonly initializer: ReadonlyArray<{
      readonly name: string;
      readonly data_type: number;
      readonly dims: ReadonlyArray<number>;
      readonly raw_data: ReadonlyArray<number>;
    }>;
    readonly input: ReadonlyArray<DecodedValueInfo>;
    readonly output: ReadonlyArray<DecodedValueInfo>;
  };
}

interface DecodedValueInfo {
  readonly name: string;
  readonly type: {
    readonly tensor_type: {
      readonly elem_type: number;
      readonly shape: {
        readonly dim: ReadonlyArray<{ readonly dim_value?: number; readonly dim_param?: string }>;
      };
    };
  };
}
