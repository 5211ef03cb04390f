import { validateParameters, weight } from "@stepwise/core";
import {
  activationOf,
  BATCHNORM_EPS,
  type BatchNormNetworkSpec,
  type BatchNormParameters,
  checkSpec,
  hiddenActivations,
  type NetworkSpec,
  type RunningStats,
  splitBatchNormParameters,
  validateBatchNormParameters,
  validateRunningStats,
} from "@stepwise/forward-cache";
import { add, invalidArgument, type Matrix, type StepwiseError, stepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { onnxFormOf } from "./activations.js";
import {
  attributeIsExact,
  elemTypeOf,
  floatAttribute,
  type GraphBuilder,
  graphBuilder,
  intAttribute,
  type Precision,
} from "./graph.js";
import { modelProto } from "./schema.js";

/** The ONNX operator set the exported graphs use (Mish needs 18). */
export const OPSET = 18;
/** The IR version that goes with opset 18 (ONNX 1.13). */
export const IR_VERSION = 8;

/**
 * What `toOnnx` reads: a trained model's parameters and spec — what `loadModel` returns — and, for a network
 * with batch norm, its running statistics.
 */
export interface ExportableModel {
  readonly parameters: BatchNormParameters;
  readonly spec: NetworkSpec | BatchNormNetworkSpec;
  readonly running?: RunningStats;
}

export interface OnnxOptions {
  /** Element type of the inputs, the outputs and every weight: "double" (default, float64) or "float" (float32). */
  readonly precision?: Precision;
  /** The graph's name (default "stepwise"). */
  readonly name?: string;
}

const exportError = (
  message: string,
  tag: "InvalidArgument" | "NonFinite" = "InvalidArgument",
): StepwiseError => stepwiseError(tag, `toOnnx: ${message}`);

const batchNormOf = (spec: NetworkSpec | BatchNormNetworkSpec) =>
  "batchNorm" in spec ? spec.batchNorm : undefined;

/** The first NaN or ±Infinity among the model's numbers, named: a corrupt model is refused, not exported. */
const checkFinite = (
  what: string,
  dict: Readonly<Partial<Record<string, Matrix>>>,
): E.Either<StepwiseError, void> => {
  for (const [key, m] of Object.entries(dict)) {
    if (m === undefined) continue;
    const bad = m.data.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0)
      return E.left(
        exportError(
          `${what} ${key} element (${Math.floor(bad / m.cols)}, ${bad % m.cols}) is ${m.data[bad]}; the model is corrupt (a diverged run?) — train it again`,
          "NonFinite",
        ),
      );
  }
  return E.right(undefined);
};

interface Checked {
  readonly L: number;
  readonly batchNorm: boolean;
  readonly eps: number;
}

/** Everything about the model that can be wrong, before any byte is written. */
const checkModel = ({ parameters, spec, running }: ExportableModel): E.Either<StepwiseError, Checked> => {
  const options = batchNormOf(spec);
  const hasGamma = Object.keys(parameters).some((k) => /^gamma\d+$/.test(k));
  if (options !== undefined && !hasGamma)
    return E.left(exportError("the spec has batch norm but the parameters hold no gamma_l/beta_l"));
  if (hasGamma && options === undefined)
    return E.left(
      exportError(
        "the parameters hold gamma_l/beta_l but the spec has no batchNorm; pass the spec the model was trained with",
      ),
    );
  const batchNorm = options !== undefined;
  const eps = options?.eps ?? BATCHNORM_EPS;
  return pipe(
    batchNorm ? validateBatchNormParameters("toOnnx", parameters) : validateParameters("toOnnx", parameters),
    E.chainFirst(() => checkFinite("parameters", parameters)),
    E.chainFirst((L) => checkSpec("toOnnx", spec, L)),
    E.chainFirst((L) => {
      if (!batchNorm) return E.right(undefined);
      if (running === undefined)
        return E.left(
          exportError(
            "the network has batch norm but no running statistics (mu_l, var_l) were given; pass the ones training returned",
          ),
        );
      if (!(Number.isFinite(eps) && eps > 0))
        return E.left(exportError(`batch norm's eps is ${eps}; it must be > 0`));
      return pipe(
        validateRunningStats("toOnnx", parameters, running, L),
        E.chain(() => checkFinite("running", running)),
      );
    }),
    E.map((L) => ({ L, batchNorm, eps })),
  );
};

const layerName = (l: number, L: number): string =>
  l === L ? `layer ${l} (the output layer)` : `layer ${l} (hidden)`;

/** Each layer's activation and its ONNX form, checked before anything is written. */
const formsOf = (spec: NetworkSpec, L: number) =>
  pipe(
    Array.from({ length: L }, (_, i) => i + 1),
    E.traverseArray((l) => {
      return onnxFormOf(activationOf(spec, l, L), layerName(l, L));
    }),
  );

const column = (m: Matrix): ReadonlyArray<number> => Array.from(m.data);

/** One hidden layer's batch norm in inference form: BatchNormalization(Z, γ, β, running mean, running var). */
const batchNormalization = (
  g: GraphBuilder,
  Z: string,
  l: number,
  parameters: BatchNormParameters,
  running: RunningStats,
  eps: number,
): string => {
  const [, bn] = splitBatchNormParameters(parameters);
  const gamma = bn[`gamma${l}`] as Matrix;
  const beta = bn[`beta${l}`] as Matrix;
  const mu = running[`mu${l}`] as Matrix;
  const variance = running[`var${l}`] as Matrix;
  const n = gamma.rows;
  // ONNX attributes are float32. Where ε survives that (a float model, or an ε float32 holds), the node is
  // the standard one; otherwise the variance input carries var + ε computed in double, exactly as Stepwise's
  // √(running_var + ε) does, and epsilon is 0.
  const exact = attributeIsExact(eps, g.precision);
  const varianceInput = exact
    ? g.tensor(`running_var${l}`, column(variance), [n])
    : g.tensor(
        `running_var_plus_eps${l}`,
        column(add(variance, eps)),
        [n],
        `running_var${l} + eps (eps = ${eps}), in double; the node's epsilon is 0 because a float32 attribute cannot hold ${eps}`,
      );
  return g.node(
    "BatchNormalization",
    [
      Z,
      g.tensor(`gamma${l}`, column(gamma), [n]),
      g.tensor(`beta${l}`, column(beta), [n]),
      g.tensor(`running_mean${l}`, column(mu), [n]),
      varianceInput,
    ],
    `layer${l}`,
    "batch_norm",
    { attributes: [floatAttribute("epsilon", exact ? eps : 0)], output: `Z_tilde${l}` },
  );
};

const tensorType = (precision: Precision, dims: ReadonlyArray<number | string>) => ({
  tensor_type: {
    elem_type: elemTypeOf(precision),
    shape: { dim: dims.map((d) => (typeof d === "number" ? { dim_value: d } : { dim_param: d })) },
  },
});

/**
 * The ONNX model of a trained Stepwise network, as bytes of an `onnx.ModelProto` (opset 18, IR version 8).
 *
 * Input `X` is (batch, n_x) and output `AL` is (batch, n_L): one row per example, the layout ONNX Runtime
 * users and PyTorch's exporter use — the transpose of Stepwise's (n_x, m). Each layer is a Gemm with
 * transB = 1 over W_l as Stepwise stores it, (n_l, n_{l−1}), and b_l as a vector; a hidden layer with batch
 * norm adds BatchNormalization in inference form (running statistics); then the activation, as its ONNX
 * operator or an exact composition (see activations.ts). Double precision by default.
 *
 * Refused with an error that names the layer or the entry: an activation with no ONNX form, parameters
 * that do not chain, non-finite numbers, batch norm without running statistics.
 */
export const toOnnx = (
  model: ExportableModel,
  options: OnnxOptions = {},
): E.Either<StepwiseError, Uint8Array> => {
  const precision = options.precision ?? "double";
  if (precision !== "double" && precision !== "float")
    return E.left(
      invalidArgument(
        `toOnnx: precision is ${JSON.stringify(precision)}; pass "double" (default) or "float"`,
      ),
    );
  return pipe(
    checkModel(model),
    E.bindTo("checked"),
    E.bind("forms", ({ checked }) => formsOf(model.spec, checked.L)),
    E.map(({ checked: { L, batchNorm, eps }, forms }) => {
      const g = graphBuilder(precision);
      const { parameters } = model;
      let A = "X";
      for (let l = 1; l <= L; l++) {
        const W = weight(parameters, l);
        const b = parameters[`b${l}`] as Matrix;
        const Z = g.node(
          "Gemm",
          [A, g.tensor(`W${l}`, W.data, [W.rows, W.cols]), g.tensor(`b${l}`, column(b), [b.rows])],
          `layer${l}`,
          "linear",
          { attributes: [intAttribute("transB", 1)], output: `Z${l}` },
        );
        const input =
          batchNorm && l < L ? batchNormalization(g, Z, l, parameters, model.running ?? {}, eps) : Z;
        const [form, p] = forms[l - 1] as (typeof forms)[number];
        A = form.lower(g, input, `layer${l}/${l === L ? "output" : "hidden"}`, l === L ? "AL" : `A${l}`, p);
      }
      const n_x = weight(parameters, 1).cols;
      const n_L = weight(parameters, L).rows;
      const layer_dims = [n_x, ...Array.from({ length: L }, (_, i) => weight(parameters, i + 1).rows)];
      const T = modelProto();
      const message = T.fromObject({
        ir_version: IR_VERSION,
        opset_import: [{ domain: "", version: OPSET }],
        producer_name: "stepwise",
        doc_string:
          "A Stepwise network. Input X is (batch, n_x), one row per example: the transpose of Stepwise's (n_x, m). Output AL is (batch, n_L).",
        graph: {
          name: options.name ?? "stepwise",
          node: g.nodes(),
          initializer: g.initializers(),
          input: [{ name: "X", type: tensorType(precision, ["batch", n_x]) }],
          output: [{ name: "AL", type: tensorType(precision, ["batch", n_L]) }],
        },
        metadata_props: [
          { key: "layer_dims", value: JSON.stringify(layer_dims) },
          {
            key: "hidden_activation",
            value: hiddenActivations(model.spec, L)
              .map((a) => a.meta.name)
              .join(","),
          },
          { key: "output_activation", value: model.spec.output.meta.name },
          { key: "batch_norm", value: batchNorm ? `eps=${eps}` : "none" },
          { key: "precision", value: precision },
          { key: "input_layout", value: "X: (batch, n_x), one row per example" },
        ],
      });
      return T.encode(message).finish();
    }),
  );
};
