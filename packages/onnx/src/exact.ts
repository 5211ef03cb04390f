import type { GraphBuilder } from "./graph.js";

/*
 * Elementary functions the double-precision graphs need and ONNX lacks or ONNX Runtime computes with only
 * absolute accuracy in a tail. Each is the plugin's own formula or a classic few-ulp identity, so a double
 * model keeps the plugins' relative accuracy at every input (see the README's precision section).
 */

/**
 * `expm1(z)` for z ≤ 0 (the branch ELU and SELU use), by Kahan's identity: with u = e^z,
 * expm1(z) = (u − 1)·z / log(u), accurate to a few ulps because the rounding error of u cancels between
 * numerator and denominator. Where u rounds to 1 the answer is z; where u − 1 rounds to −1 (z < −37) it is −1.
 */
export const expm1Of = (g: GraphBuilder, z: string, scope: string): string => {
  const one = g.scalar(scope, "one", 1);
  const u = g.node("Exp", [z], scope, "exp");
  const uMinusOne = g.node("Sub", [u, one], scope, "exp_minus_one");
  const kahan = g.node(
    "Div",
    [g.node("Mul", [uMinusOne, z], scope, "numerator"), g.node("Log", [u], scope, "log_exp")],
    scope,
    "kahan",
  );
  const saturated = g.node("Equal", [uMinusOne, g.scalar(scope, "minus_one", -1)], scope, "saturated");
  const tiny = g.node("Equal", [u, one], scope, "tiny");
  return g.node(
    "Where",
    [tiny, z, g.node("Where", [saturated, uMinusOne, kahan], scope, "large")],
    scope,
    "expm1",
  );
};

/**
 * `log1p(u)` for u ≥ 0 by Goldberg's identity: with w = 1 + u, log1p(u) = log(w)·u / (w − 1), accurate to a
 * few ulps; where w rounds to 1 the answer is u.
 */
export const log1pOf = (g: GraphBuilder, u: string, scope: string): string => {
  const one = g.scalar(scope, "one", 1);
  const w = g.node("Add", [one, u], scope, "one_plus_u");
  const goldberg = g.node(
    "Div",
    [
      g.node("Mul", [g.node("Log", [w], scope, "log_w"), u], scope, "log_w_u"),
      g.node("Sub", [w, one], scope, "w_minus_one"),
    ],
    scope,
    "goldberg",
  );
  return g.node("Where", [g.node("Equal", [w, one], scope, "w_is_one"), u, goldberg], scope, "log1p");
};

/**
 * `1 / (1 + e^(−v))`, @stepwise/activation-sigmoid's formula. ONNX Runtime's double Sigmoid goes through
 * tanh and returns 0 where the sigmoid is below ~1e-17 (relative error 1 at e.g. σ(−40)); this keeps the
 * relative accuracy of small probabilities.
 */
export const sigmoidOf = (g: GraphBuilder, v: string, scope: string, output?: string): string => {
  const one = g.scalar(scope, "one", 1);
  const denominator = g.node(
    "Add",
    [one, g.node("Exp", [g.node("Neg", [v], scope, "minus_v")], scope, "exp_minus_v")],
    scope,
    "one_plus_exp",
  );
  return g.node("Div", [one, denominator], scope, "sigmoid", output === undefined ? {} : { output });
};

/**
 * σ(v) without overflow, as activation-swish, -gelu and -mish compute it: with e = e^(−|v|),
 * 1/(1 + e) for v ≥ 0 and e/(1 + e) below.
 */
export const stableSigmoidOf = (g: GraphBuilder, v: string, scope: string): string => {
  const e = g.node(
    "Exp",
    [g.node("Neg", [g.node("Abs", [v], scope, "abs_v")], scope, "minus_abs_v")],
    scope,
    "exp_minus_abs_v",
  );
  const denominator = g.node("Add", [g.scalar(scope, "one", 1), e], scope, "one_plus_e");
  return g.node(
    "Where",
    [
      g.node("GreaterOrEqual", [v, g.scalar(scope, "zero", 0)], scope, "v_nonnegative"),
      g.node("Div", [g.scalar(scope, "one_again", 1), denominator], scope, "sigmoid_positive"),
      g.node("Div", [e, denominator], scope, "sigmoid_negative"),
    ],
    scope,
    "sigmoid",
  );
};

/** `max(z, 0) + log1p(e^(−|z|))`, @stepwise/activation-softplus's formula. */
export const softplusOf = (g: GraphBuilder, z: string, scope: string, output?: string): string => {
  const tail = g.node(
    "Exp",
    [g.node("Neg", [g.node("Abs", [z], scope, "abs")], scope, "minus_abs")],
    scope,
    "exp_minus_abs",
  );
  return g.node(
    "Add",
    [g.node("Max", [z, g.scalar(scope, "zero", 0)], scope, "positive_part"), log1pOf(g, tail, scope)],
    scope,
    "softplus",
    output === undefined ? {} : { output },
  );
};
