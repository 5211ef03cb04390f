import type { GraphBuilder } from "./graph.js";

/*
 * GELU, exact, `½·z·erfc(−z/√2)`, out of elementary ONNX operators in double precision. ONNX's Erf is
 * defined for double, but ONNX Runtime's CPU provider implements it for float only, so a double model that
 * used Erf would not run there. The graph evaluates erfc the way @stepwise/activation-gelu does, with
 * x = z/√2 and the plugin's switch at |x| = 1.5:
 *   |x| < 1.5:  erfc(−x) = 1 + erf(x),   erf(x) = 2/√π · e^(−x²) · x · (1 + t/3·(1 + t/5·(1 + …))),  t = 2x²
 *             (the series of positive terms, nested; enough terms that the first one left out is < 2⁻⁶⁰)
 *   |x| ≥ 1.5:  erfc(|x|) = e^(−x²)/√π / (|x| + ½/(|x| + 1/(|x| + (3/2)/(|x| + …))))   (97 levels, the
 *             plugin's 8 + 200/x² at x = 1.5, more than enough beyond), and erfc(−x) = 2 − erfc(x) for x > 0.
 * Both branches are computed for every element on clamped inputs (so neither divides by 0 nor overflows)
 * and Where picks one. The result agrees with the plugin to a few units in the last place of erfc.
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
const SWITCH = 1.5;
const CONTINUED_FRACTION_DEPTH = Math.ceil(8 + 200 / (SWITCH * SWITCH));

/** Terms of the nested series so that, at t = 2·SWITCH², the first term left out is below 2⁻⁶⁰. */
const seriesTerms = (): number => {
  const t = 2 * SWITCH * SWITCH;
  let term = 1;
  let n = 0;
  while (term >= 2 ** -60) {
    n++;
    term *= t / (2 * n + 1);
  }
  return n;
};

/** erfc(−x) for the elements of `x`, in double precision; `scope` prefixes every value's name. */
const erfcOfNegative = (g: GraphBuilder, x: string, scope: string): string => {
  const c = (hint: string, value: number): string => g.scalar(scope, hint, value);
  const absX = g.node("Abs", [x], scope, "abs_x");

  // Series branch on x clamped to [−1.5, 1.5].
  const two = c("two", 2);
  const threshold = c("switch", SWITCH);
  const xs = g.node("Clip", [x, c("minus_switch", -SWITCH), threshold], scope, "x_series");
  const xs2 = g.node("Mul", [xs, xs], scope, "x_series_squared");
  const t = g.node("Mul", [xs2, two], scope, "t");
  const one = c("one", 1);
  let r = one;
  for (let n = seriesTerms(); n >= 1; n--) {
    const scaled = g.node(
      "Div",
      [g.node("Mul", [r, t], scope, `t_r${n}`), c(`odd${n}`, 2 * n + 1)],
      scope,
      `term${n}`,
    );
    r = g.node("Add", [scaled, one], scope, `r${n - 1}`);
  }
  const gauss = g.node("Exp", [g.node("Neg", [xs2], scope, "minus_x_series_squared")], scope, "gauss_series");
  const erf = g.node(
    "Mul",
    [
      g.node(
        "Mul",
        [g.node("Mul", [xs, r], scope, "x_r"), c("two_over_sqrt_pi", TWO_OVER_SQRT_PI)],
        scope,
        "scaled",
      ),
      gauss,
    ],
    scope,
    "erf",
  );
  const small = g.node("Add", [one, erf], scope, "one_plus_erf");

  // Continued-fraction branch on |x| clamped to ≥ 1.5.
  const u = g.node("Max", [absX, threshold], scope, "u");
  let denominator = u;
  for (let n = CONTINUED_FRACTION_DEPTH; n >= 1; n--)
    denominator = g.node(
      "Add",
      [u, g.node("Div", [c(`half${n}`, n / 2), denominator], scope, `cf_ratio${n}`)],
      scope,
      `cf${n}`,
    );
  // e^(−u²) as e^(−h²)·e^(−(u−h)(u+h)) with h = u rounded down to 1/16, so the rounding of u² (which
  // reaches ~1e-13 relative at u ≈ 25) does not cost accuracy in the tail: the plugin's expMinusSquare.
  const sixteen = c("sixteen", 16);
  const h = g.node(
    "Div",
    [g.node("Floor", [g.node("Mul", [u, sixteen], scope, "u16")], scope, "floor_u16"), sixteen],
    scope,
    "h",
  );
  const gaussTail = g.node(
    "Mul",
    [
      g.node(
        "Exp",
        [g.node("Neg", [g.node("Mul", [h, h], scope, "h_squared")], scope, "minus_h_squared")],
        scope,
        "gauss_h",
      ),
      g.node(
        "Exp",
        [
          g.node(
            "Neg",
            [
              g.node(
                "Mul",
                [g.node("Sub", [u, h], scope, "u_minus_h"), g.node("Add", [u, h], scope, "u_plus_h")],
                scope,
                "rest",
              ),
            ],
            scope,
            "minus_rest",
          ),
        ],
        scope,
        "gauss_rest",
      ),
    ],
    scope,
    "gauss_tail",
  );
  const erfcAbs = g.node(
    "Div",
    [
      g.node("Mul", [gaussTail, c("one_over_sqrt_pi", ONE_OVER_SQRT_PI)], scope, "tail_numerator"),
      denominator,
    ],
    scope,
    "erfc_abs",
  );
  const positive = g.node("Greater", [x, c("zero", 0)], scope, "x_positive");
  const large = g.node(
    "Where",
    [positive, g.node("Sub", [two, erfcAbs], scope, "two_minus_erfc"), erfcAbs],
    scope,
    "erfc_large",
  );

  const inSeries = g.node("Less", [absX, threshold], scope, "in_series");
  return g.node("Where", [inSeries, small, large], scope, "erfc_minus_x");
};

/** `½·z·erfc(−z/√2)` in double precision: the activation-gelu plugin's formula, operator for operator. */
export const geluDouble = (g: GraphBuilder, Z: string, scope: string, output?: string): string => {
  const x = g.node("Mul", [Z, g.scalar(scope, "sqrt1_2", Math.SQRT1_2)], scope, "x");
  const half = g.node("Mul", [g.scalar(scope, "half", 0.5), Z], scope, "half_z");
  return g.node(
    "Mul",
    [half, erfcOfNegative(g, x, scope)],
    scope,
    "gelu",
    output === undefined ? {} : { output },
  );
};
