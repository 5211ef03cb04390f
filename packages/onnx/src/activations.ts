import { type Activation, parsePluginName } from "@stepwise/core";
import { invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { expm1Of, sigmoidOf, softplusOf, stableSigmoidOf } from "./exact.js";
import { geluDouble } from "./gelu.js";
import {
  type Attribute,
  attributeIsExact,
  floatAttribute,
  type GraphBuilder,
  intAttribute,
} from "./graph.js";

/**
 * Writes one activation's ONNX form: reads `Z`, names every value under `scope`, and gives the final node
 * the output name `output`. `p` holds the plugin's parameters as its name records them (`alpha`, `beta`).
 */
export type Lowering = (
  g: GraphBuilder,
  Z: string,
  scope: string,
  output: string,
  p: Readonly<Record<string, number>>,
) => string;

export interface OnnxForm {
  /** The plugin package whose activation this is; another package's "relu" is not assumed to match. */
  readonly package: string;
  /** The parameters the plugin's name carries, in order. */
  readonly parameters: ReadonlyArray<string>;
  /** What the README's table says about the form (operators, and why a composition). */
  readonly form: string;
  readonly lower: Lowering;
}

/** One operator reading Z, with attributes. */
const op =
  (type: string, attributes: (p: Readonly<Record<string, number>>) => Attribute[] = () => []) =>
  (g: GraphBuilder, Z: string, scope: string, output: string, p: Readonly<Record<string, number>>): string =>
    g.node(type, [Z], scope, type.toLowerCase(), { attributes: attributes(p), output });

const param = (p: Readonly<Record<string, number>>, key: string): number => p[key] as number;

// SELU's constants as @stepwise/activation-selu has them (PyTorch's, rounded to float64).
const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const GELU_TANH_C = 0.044715;

/** `z > 0 ? z : negative(z)`: the shape of leaky relu, elu and selu, for double models. */
const piecewise = (g: GraphBuilder, Z: string, scope: string, negative: string, output: string): string =>
  g.node(
    "Where",
    [g.node("Greater", [Z, g.scalar(scope, "zero", 0)], scope, "positive"), Z, negative],
    scope,
    "where",
    {
      output,
    },
  );

/** `alpha·expm1(min(z, 0))`: the negative branch of ELU and SELU, as the plugins compute it. */
const alphaExpm1 = (g: GraphBuilder, Z: string, scope: string, alpha: number): string =>
  g.node(
    "Mul",
    [
      g.scalar(scope, "alpha", alpha),
      expm1Of(g, g.node("Min", [Z, g.scalar(scope, "zero_clamp", 0)], scope, "negative_part"), scope),
    ],
    scope,
    "negative",
  );

/**
 * `z·σ(k·z)`: swish and silu (k = 1 reads Z directly, which is what the plugin computes then). The float
 * model writes it as PyTorch does, Mul(Z, Sigmoid(k·Z)); the double model uses the plugins' overflow-free
 * sigmoid, which also keeps ONNX Runtime from fusing Mul(x, Sigmoid(x)) into its QuickGelu kernel — a
 * kernel that exists for float only, so a double model with that pattern fails to load.
 */
const swishOf = (g: GraphBuilder, Z: string, scope: string, output: string, k: number): string => {
  const scaled = k === 1 ? Z : g.node("Mul", [Z, g.scalar(scope, "beta", k)], scope, "beta_z");
  const gate =
    g.precision === "float"
      ? g.node("Sigmoid", [scaled], scope, "sigmoid")
      : stableSigmoidOf(g, scaled, scope);
  return g.node("Mul", [Z, gate], scope, "swish", { output });
};

/**
 * Every activation plugin of the repository and its ONNX form (opset 18). A float model uses ONNX's own
 * operator. A double model uses it only where ONNX Runtime's double kernel computes the plugin's values to
 * a few ulps (and its float32 attributes hold the plugin's parameters exactly); otherwise it gets the
 * plugin's formula from elementary operators with double constants (README, "Precision").
 */
export const ONNX_FORMS: Readonly<Record<string, OnnxForm>> = {
  relu: { package: "@stepwise/activation-relu", parameters: [], form: "Relu", lower: op("Relu") },
  sigmoid: {
    package: "@stepwise/activation-sigmoid",
    parameters: [],
    form: "float: Sigmoid; double: 1/(1 + e^(−Z)), the plugin's formula (ONNX Runtime's double Sigmoid loses small probabilities)",
    lower: (g, Z, scope, output, p) =>
      g.precision === "float" ? op("Sigmoid")(g, Z, scope, output, p) : sigmoidOf(g, Z, scope, output),
  },
  tanh: { package: "@stepwise/activation-tanh", parameters: [], form: "Tanh", lower: op("Tanh") },
  identity: {
    package: "@stepwise/activation-identity",
    parameters: [],
    form: "Identity",
    lower: op("Identity"),
  },
  softmax: {
    package: "@stepwise/activation-softmax",
    parameters: [],
    form: "Softmax(axis=1), the class axis of (batch, classes)",
    lower: op("Softmax", () => [intAttribute("axis", 1)]),
  },
  softplus: {
    package: "@stepwise/activation-softplus",
    parameters: [],
    form: "float: Softplus; double: max(Z, 0) + log1p(e^(−|Z|)), the plugin's formula (log1p by Goldberg's identity)",
    lower: (g, Z, scope, output, p) =>
      g.precision === "float" ? op("Softplus")(g, Z, scope, output, p) : softplusOf(g, Z, scope, output),
  },
  softsign: {
    package: "@stepwise/activation-softsign",
    parameters: [],
    form: "Softsign",
    lower: op("Softsign"),
  },
  mish: {
    package: "@stepwise/activation-mish",
    parameters: [],
    form: "float: Mish (opset 18); double: Z·Tanh(softplus(Z)) with the double softplus above",
    lower: (g, Z, scope, output, p) =>
      g.precision === "float"
        ? op("Mish")(g, Z, scope, output, p)
        : g.node("Mul", [Z, g.node("Tanh", [softplusOf(g, Z, scope)], scope, "tanh")], scope, "mish", {
            output,
          }),
  },
  leaky_relu: {
    package: "@stepwise/activation-leaky-relu",
    parameters: ["alpha"],
    form: "LeakyRelu(alpha); double with an alpha float32 cannot hold: Where(Z > 0, Z, alpha·Z)",
    lower: (g, Z, scope, output, p) => {
      const alpha = param(p, "alpha");
      return attributeIsExact(alpha, g.precision)
        ? op("LeakyRelu", () => [floatAttribute("alpha", alpha)])(g, Z, scope, output, p)
        : piecewise(
            g,
            Z,
            scope,
            g.node("Mul", [Z, g.scalar(scope, "alpha", alpha)], scope, "alpha_z"),
            output,
          );
    },
  },
  elu: {
    package: "@stepwise/activation-elu",
    parameters: ["alpha"],
    form: "float: Elu(alpha); double: Where(Z > 0, Z, alpha·expm1(min(Z, 0))), expm1 by Kahan's identity",
    lower: (g, Z, scope, output, p) =>
      g.precision === "float"
        ? op("Elu", () => [floatAttribute("alpha", param(p, "alpha"))])(g, Z, scope, output, p)
        : piecewise(g, Z, scope, alphaExpm1(g, Z, scope, param(p, "alpha")), output),
  },
  selu: {
    package: "@stepwise/activation-selu",
    parameters: [],
    form: "float: Selu(alpha, gamma); double: λ·Where(Z > 0, Z, α·expm1(min(Z, 0))) (float32 cannot hold λ, α)",
    lower: (g, Z, scope, output) =>
      g.precision === "float"
        ? g.node("Selu", [Z], scope, "selu", {
            attributes: [floatAttribute("alpha", SELU_ALPHA), floatAttribute("gamma", SELU_SCALE)],
            output,
          })
        : g.node(
            "Mul",
            [
              piecewise(g, Z, scope, alphaExpm1(g, Z, scope, SELU_ALPHA), `${scope}/unscaled`),
              g.scalar(scope, "lambda", SELU_SCALE),
            ],
            scope,
            "selu",
            { output },
          ),
  },
  hard_sigmoid: {
    package: "@stepwise/activation-hard-sigmoid",
    parameters: [],
    form: "HardSigmoid(alpha=1/6, beta=1/2) in float; double: Clip(Z + 3, 0, 6)/6, PyTorch's relu6(z + 3)/6",
    lower: (g, Z, scope, output) =>
      g.precision === "float"
        ? g.node("HardSigmoid", [Z], scope, "hard_sigmoid", {
            attributes: [floatAttribute("alpha", 1 / 6), floatAttribute("beta", 0.5)],
            output,
          })
        : g.node(
            "Div",
            [
              g.node(
                "Clip",
                [
                  g.node("Add", [Z, g.scalar(scope, "three", 3)], scope, "z_plus_3"),
                  g.scalar(scope, "zero", 0),
                  g.scalar(scope, "six", 6),
                ],
                scope,
                "relu6",
              ),
              g.scalar(scope, "six_again", 6),
            ],
            scope,
            "hard_sigmoid",
            { output },
          ),
  },
  hard_sigmoid_keras2: {
    package: "@stepwise/activation-hard-sigmoid",
    parameters: [],
    form: "HardSigmoid(alpha=0.2, beta=0.5) in float; double: Clip(0.2·Z + 0.5, 0, 1)",
    lower: (g, Z, scope, output) =>
      g.precision === "float"
        ? g.node("HardSigmoid", [Z], scope, "hard_sigmoid", {
            attributes: [floatAttribute("alpha", 0.2), floatAttribute("beta", 0.5)],
            output,
          })
        : g.node(
            "Clip",
            [
              g.node(
                "Add",
                [
                  g.node("Mul", [g.scalar(scope, "slope", 0.2), Z], scope, "slope_z"),
                  g.scalar(scope, "half", 0.5),
                ],
                scope,
                "linear",
              ),
              g.scalar(scope, "zero", 0),
              g.scalar(scope, "one", 1),
            ],
            scope,
            "hard_sigmoid",
            { output },
          ),
  },
  gelu: {
    package: "@stepwise/activation-gelu",
    parameters: [],
    form: "float: ½·Z·(1 + Erf(Z/√2)); double: ½·Z·erfc(−Z/√2) from elementary operators (no double Erf in ONNX Runtime)",
    lower: (g, Z, scope, output) => {
      if (g.precision === "double") return geluDouble(g, Z, scope, output);
      const erf = g.node(
        "Erf",
        [g.node("Mul", [Z, g.scalar(scope, "sqrt1_2", Math.SQRT1_2)], scope, "x")],
        scope,
        "erf",
      );
      const half = g.node("Mul", [g.scalar(scope, "half", 0.5), Z], scope, "half_z");
      return g.node(
        "Mul",
        [half, g.node("Add", [g.scalar(scope, "one", 1), erf], scope, "one_plus_erf")],
        scope,
        "gelu",
        {
          output,
        },
      );
    },
  },
  gelu_tanh: {
    package: "@stepwise/activation-gelu",
    parameters: [],
    form: "Z·σ(2·√(2/π)·(Z + 0.044715·Z³)), equal to ½·Z·(1 + tanh(…)); σ as for sigmoid",
    lower: (g, Z, scope, output) => {
      const cubic = g.node(
        "Mul",
        [
          g.node(
            "Mul",
            [g.node("Mul", [g.scalar(scope, "c", GELU_TANH_C), Z], scope, "c_z"), Z],
            scope,
            "c_z2",
          ),
          Z,
        ],
        scope,
        "c_z3",
      );
      const inner = g.node("Add", [Z, cubic], scope, "inner");
      const u2 = g.node(
        "Mul",
        [g.scalar(scope, "two_sqrt_2_over_pi", 2 * SQRT_2_OVER_PI), inner],
        scope,
        "two_u",
      );
      const gate =
        g.precision === "float" ? g.node("Sigmoid", [u2], scope, "sigmoid") : stableSigmoidOf(g, u2, scope);
      return g.node("Mul", [Z, gate], scope, "gelu_tanh", { output });
    },
  },
  silu: {
    package: "@stepwise/activation-swish",
    parameters: [],
    form: "float: Z·Sigmoid(Z); double: Z·σ(Z) with σ overflow-free, as the plugin",
    lower: (g, Z, scope, output) => swishOf(g, Z, scope, output, 1),
  },
  swish: {
    package: "@stepwise/activation-swish",
    parameters: ["beta"],
    form: "float: Z·Sigmoid(beta·Z); double: Z·σ(beta·Z) with σ overflow-free, as the plugin",
    lower: (g, Z, scope, output, p) => swishOf(g, Z, scope, output, param(p, "beta")),
  },
};

/** The ONNX form of `activation` and its parameters, or an error naming the layer and what to do. */
export const onnxFormOf = (
  activation: Activation,
  layer: string,
): E.Either<StepwiseError, readonly [OnnxForm, Readonly<Record<string, number>>]> => {
  const { name, package: pkg } = activation.meta;
  const parsed = parsePluginName(name);
  const base = E.isRight(parsed) ? parsed.right.base : name;
  const form = ONNX_FORMS[base];
  const known = Object.keys(ONNX_FORMS).join(", ");
  if (form === undefined || E.isLeft(parsed))
    return E.left(
      invalidArgument(
        `toOnnx: ${layer} uses the activation "${name}"${pkg === undefined ? "" : ` (${pkg})`}, which has no ONNX form; the exporter knows ${known}. Train with one of those, or write the ONNX graph for it in @stepwise/onnx's activations.ts`,
      ),
    );
  if (pkg !== form.package)
    return E.left(
      invalidArgument(
        `toOnnx: ${layer} uses an activation named "${name}" from ${pkg ?? "no package"}, not ${form.package}; only the built-in plugin's formula is known to match its ONNX form`,
      ),
    );
  const parameters = Object.fromEntries(parsed.right.parameters);
  const keys = parsed.right.parameters.map(([k]) => k);
  return JSON.stringify(keys) === JSON.stringify(form.parameters)
    ? E.right([form, parameters] as const)
    : E.left(
        invalidArgument(
          `toOnnx: ${layer}'s activation "${name}" has parameters (${keys.join(", ")}) but ${form.package}'s ${base} takes (${form.parameters.join(", ")})`,
        ),
      );
};
