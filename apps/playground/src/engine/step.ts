import { relu } from "@stepwise/activation-relu";
import { gradient_check_n, linear_activation_backward } from "@stepwise/backward";
import { bias, type Cost, fromLayers, type Grads, type Parameters, weight } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { mse } from "@stepwise/cost-mse";
import {
  activationOf,
  courseSpec,
  type LayerCache,
  linear_activation_forward,
  type NetworkSpec,
} from "@stepwise/forward-cache";
import { update_parameters } from "@stepwise/optimizer";
import { randn, seedOrThrow } from "@stepwise/random";
import { fromArray, type Matrix, orThrow, transpose } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/** A small network and its data, from the course or the notes, to walk through one iteration of. */
export interface StepCase {
  readonly id: string;
  readonly title: string;
  /** Where the numbers come from. */
  readonly source: string;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly parameters: Parameters;
  readonly spec: NetworkSpec;
  readonly cost: Cost;
  readonly learning_rate: number;
}

const matrix = (rows: ReadonlyArray<ReadonlyArray<number>>): Matrix => {
  const m = fromArray(rows);
  if (E.isLeft(m)) throw new Error(m.left.message); // literal data below: a bug if hit
  return m.right;
};

/**
 * The course's test cases (testCases_v4a.py, Course 2's gradient checking): `np.random.seed(seed)`, then
 * `X = randn(n_x, m)` and for each layer `W_l = randn(n_l, n_{l−1})`, `b_l = randn(n_l, 1)`.
 */
const courseTestCase = (seed: number, m: number, dims: ReadonlyArray<number>) => {
  let rng = seedOrThrow(seed);
  const draw = (rows: number, cols: number): Matrix => {
    const [value, next] = randn(rows, cols)(rng);
    rng = next;
    return value;
  };
  const X = draw(dims[0] as number, m);
  const layers: Array<readonly [Matrix, Matrix]> = [];
  for (let l = 1; l < dims.length; l++) {
    const W = draw(dims[l] as number, dims[l - 1] as number);
    layers.push([W, draw(dims[l] as number, 1)]);
  }
  return { X, parameters: fromLayers(layers) };
};

export const stepCases: ReadonlyArray<StepCase> = [
  {
    id: "l-model-forward",
    title: "L_model_forward_test_case_2hidden (Course 1, week 4)",
    source:
      "np.random.seed(6); X = randn(5, 4); W1, b1, W2, b2, W3, b3 drawn in order; LINEAR→RELU ×2 →LINEAR→SIGMOID. The test case has no Y; the playground uses Y = [[1, 0, 1, 0]].",
    ...courseTestCase(6, 4, [5, 4, 3, 1]),
    Y: matrix([[1, 0, 1, 0]]),
    spec: courseSpec,
    cost: binary_cross_entropy,
    learning_rate: 0.0075,
  },
  {
    id: "gradient-check",
    title: "gradient_check_n_test_case (Course 2, gradient checking)",
    source: "np.random.seed(1); x = randn(4, 3); W1 (5, 4), b1, W2 (3, 5), b2, W3 (1, 3), b3; y = [1, 1, 0].",
    ...courseTestCase(1, 3, [4, 5, 3, 1]),
    Y: matrix([[1, 1, 0]]),
    spec: courseSpec,
    cost: binary_cross_entropy,
    learning_rate: 0.0075,
  },
  {
    id: "notes-relu",
    title: "The notes' one-example ReLU network",
    source:
      "x = [0.5, 0.8, 0.2], y = 1; ReLU after both layers, loss ½(ŷ − y)², lr 0.1 (the notes write rows as examples; here every matrix is transposed to the course's columns).",
    X: transpose(matrix([[0.5, 0.8, 0.2]])),
    Y: matrix([[1]]),
    parameters: fromLayers([
      [
        transpose(
          matrix([
            [1, -1],
            [0, 2],
            [1, 0.5],
          ]),
        ),
        transpose(matrix([[0.1, 0.2]])),
      ],
      [transpose(matrix([[2], [-1]])), matrix([[0.5]])],
    ]),
    spec: { hidden: relu, output: relu },
    cost: mse,
    learning_rate: 0.1,
  },
];

/** One value a step shows: a matrix, a number (the cost), or what a cache holds. */
export type Shown = readonly [name: string, value: Matrix | number | string];

export interface Step {
  readonly phase: "forward" | "cost" | "backward" | "update";
  /** The course function this step calls. */
  readonly fn: string;
  readonly title: string;
  /** Its equation, in TeX. */
  readonly tex: string;
  readonly values: ReadonlyArray<Shown>;
}

const gTex: Readonly<Record<string, string>> = {
  relu: "\\max(0, Z^{[l]})",
  sigmoid: "\\sigma(Z^{[l]}) = \\frac{1}{1 + e^{-Z^{[l]}}}",
  tanh: "\\tanh(Z^{[l]})",
  identity: "Z^{[l]}",
};

const dgTex: Readonly<Record<string, string>> = {
  relu: "dA^{[l]} \\odot \\mathbb{1}[Z^{[l]} > 0]",
  sigmoid: "dA^{[l]} \\odot \\sigma(Z^{[l]})\\,(1 - \\sigma(Z^{[l]}))",
  tanh: "dA^{[l]} \\odot (1 - \\tanh^2(Z^{[l]}))",
  identity: "dA^{[l]}",
};

const costTex: Readonly<Record<string, readonly [J: string, dAL: string]>> = {
  binary_cross_entropy: [
    "J = -\\frac{1}{m} \\sum_{i=1}^{m} \\left( y^{(i)} \\log a^{[L](i)} + (1 - y^{(i)}) \\log (1 - a^{[L](i)}) \\right)",
    "dA^{[L]} = -\\left( \\frac{Y}{A^{[L]}} - \\frac{1 - Y}{1 - A^{[L]}} \\right)",
  ],
  mse: [
    "J = \\frac{1}{m} \\sum_{i=1}^{m} \\tfrac{1}{2} \\left( a^{[L](i)} - y^{(i)} \\right)^2",
    "dA^{[L]} = A^{[L]} - Y",
  ],
};

/** Equations one under the other, with layer l's number filled in. */
const at = (lines: ReadonlyArray<string>, l: number): string =>
  `\\begin{gathered}${lines
    .join(" \\\\ ")
    .replaceAll("[l]", `[${l}]`)
    .replaceAll("[l-1]", `[${l - 1}]`)}\\end{gathered}`;

/** The whole iteration, step by step, every value computed by the course function the step names. */
export const stepsOf = (c: StepCase): { readonly steps: ReadonlyArray<Step>; readonly grads: Grads } => {
  const steps: Step[] = [];
  const L = Object.keys(c.parameters).length / 2;
  const caches: LayerCache[] = [];
  let A = c.X;
  for (let l = 1; l <= L; l++) {
    const activation = activationOf(c.spec, l, L);
    const W = weight(c.parameters, l);
    const b = bias(c.parameters, l);
    const [A_next, cache] = linear_activation_forward(A, W, b, activation);
    caches.push(cache);
    const g = activation.meta.name;
    steps.push({
      phase: "forward",
      fn: "linear_activation_forward",
      title: `Layer ${l} forward: LINEAR → ${g.toUpperCase()}`,
      tex: at([`Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}`, `A^{[l]} = ${gTex[g] ?? "g(Z^{[l]})"}`], l),
      values: [
        [`A${l - 1}${l === 1 ? " = X" : ""}`, A],
        [`W${l}`, W],
        [`b${l}`, b],
        [`Z${l}`, cache.activation_cache.Z],
        [`A${l}${l === L ? " = AL" : ""}`, A_next],
        [
          `cache${l}`,
          `linear_cache = (A${l - 1}, W${l}, b${l}), activation_cache = Z${l}: kept for the backward pass`,
        ],
      ],
    });
    A = A_next;
  }
  const AL = A;
  const [J, dALTex] = costTex[c.cost.meta.name] ?? [
    "J = \\frac{1}{m}\\sum_i \\mathcal{L}(a^{(i)}, y^{(i)})",
    "dA^{[L]}",
  ];
  steps.push({
    phase: "cost",
    fn: "compute_cost",
    title: `Cost (${c.cost.meta.name})`,
    tex: J,
    values: [
      ["AL", AL],
      ["Y", c.Y],
      ["cost", c.cost.compute_cost(AL, c.Y)],
    ],
  });
  const dAL = c.cost.cost_backward(AL, c.Y);
  const grads: Record<string, Matrix> = {};
  let dA = dAL;
  for (let l = L; l >= 1; l--) {
    const cache = caches[l - 1] as LayerCache;
    const g = cache.activation.meta.name;
    const dZ = cache.activation.backward(dA, cache.activation_cache);
    const [dA_prev, dW, db] = linear_activation_backward(dA, cache);
    grads[`dW${l}`] = dW;
    grads[`db${l}`] = db;
    grads[`dA${l - 1}`] = dA_prev;
    steps.push({
      phase: "backward",
      fn: "linear_activation_backward",
      title: `Layer ${l} backward: ${g.toUpperCase()} → LINEAR`,
      tex: at(
        [
          ...(l === L ? [dALTex] : []),
          `dZ^{[l]} = ${dgTex[g] ?? "dA^{[l]} \\odot g'(Z^{[l]})"}`,
          "dW^{[l]} = \\frac{1}{m} dZ^{[l]} A^{[l-1]T}, \\quad db^{[l]} = \\frac{1}{m} \\sum_{i=1}^{m} dZ^{[l](i)}",
          "dA^{[l-1]} = W^{[l]T} dZ^{[l]}",
        ],
        l,
      ),
      values: [
        [l === L ? "dAL" : `dA${l}`, dA],
        [`dZ${l}`, dZ],
        [`dW${l}`, dW],
        [`db${l}`, db],
        [`dA_prev = dA${l - 1}`, dA_prev],
      ],
    });
    dA = dA_prev;
  }
  // The cases are the course's own, checked by their tests: a Left here would be a bug, so it throws.
  const updated = orThrow(update_parameters(c.parameters, grads, c.learning_rate));
  steps.push({
    phase: "update",
    fn: "update_parameters",
    title: `Update (gradient descent, α = ${c.learning_rate})`,
    tex: "W^{[l]} := W^{[l]} - \\alpha \\, dW^{[l]}, \\quad b^{[l]} := b^{[l]} - \\alpha \\, db^{[l]}",
    values: Array.from({ length: L }, (_, i) => i + 1).flatMap((l): Shown[] => [
      [`W${l}`, weight(updated, l)],
      [`b${l}`, bias(updated, l)],
    ]),
  });
  return { steps, grads };
};

/** The course's `gradient_check_n` on a case: the relative difference, against the 2e-7 threshold. */
export const gradientCheckOf = (c: StepCase, grads: Grads): number =>
  orThrow(gradient_check_n(c.parameters, grads, c.X, c.Y, 1e-7, false, { spec: c.spec, cost: c.cost }));
