import { layerCount, type Parameters, weight } from "@stepwise/core";
import {
  add,
  concatColumns,
  concatRows,
  divide,
  fromFunction,
  type Matrix,
  matmul,
  matmulTransposeB,
  multiply,
  sliceColumns,
  sumAll,
  sumOfSquares,
  transpose,
  unsafeMatrix,
  zeros,
} from "@stepwise/tensor";
import type { Plan } from "./plan.js";

/*
 * The dual plan: training the first layer through the m × m Gram matrix.
 *
 * Every gradient of the first layer's weights lies in the row space of X:
 *     dW1 = (1/b)·dZ1·X_Bᵀ + (λ/b)·W1        (b examples in the batch B, λ the L2 strength)
 * so, starting from W1₀, any optimizer whose update is a linear combination of parameters, gradients and
 * its own state (gradient descent, momentum) keeps W1 of the form
 *     W1 = A·Xᵀ + C·W1₀         A is n1 × m, C is n1 × n1 (C starts as I, A as 0).
 * Call K = [A | C] (n1 × (m + n1)) the coordinates of W1. The forward pass needs only
 *     Z1 = W1·X_B = A·(XᵀX)[:, B] + C·(W1₀X)[:, B] = K · F[:, B],   F = [XᵀX ; W1₀X]   ((m + n1) × m)
 * i.e. an ordinary linear layer with weights K reading the constant input F instead of X. The gradient's
 * coordinates are
 *     dK = [(1/b)·scatter_B(dZ1) | 0] + (λ/b)·K,
 * where scatter_B puts dZ1's columns at the batch's example indices of an n1 × m zero matrix. Since the
 * update is linear, stepping K with dK gives exactly the coordinates of stepping W1 with dW1. W1 itself is
 * rebuilt once, at the end: W1 = A·Xᵀ + C·W1₀.
 *
 * Work per iteration: the products with X (2·n1·n_x·m multiply-adds, ~103 M on the cat model) become
 * products with F (2·n1·(m + n1)·m, ~1.9 M): about 50× less. Setting up F costs n_x·m² once.
 * The L2 cost needs ‖W1‖² = ‖A·Xᵀ + C·W1₀‖², which the small matrices give too:
 *     ‖W1‖² = Σ (A·G) ⊙ A + 2·Σ (C·W1₀X) ⊙ A + Σ (C·H) ⊙ C,     G = XᵀX, H = W1₀·W1₀ᵀ.
 *
 * Batch norm after layer 1's linear step (BN(Z1) before the activation) keeps the plan valid. It
 * normalizes Z1 = W1·X_B + b1 over the batch, and the dual plan computes exactly that Z1 (as K·F[:, B] + b1),
 * so the batch mean and variance, the running statistics and everything above are the primal plan's.
 * The reuse of F = [XᵀX ; W1₀X] rests on two facts batch norm does not touch: F depends on X and W1₀
 * only (batch norm comes after W1, never on the input X itself), and dW1 = (1/b)·dZ1·X_Bᵀ (+ L2) lies in
 * X's row space for any function of Z1 — with batch norm, dZ1 is the gradient of the linear output before
 * the normalization (`L_model_backward_bn` with `dZ1_instead_of_dW1` returns that one), which mixes the
 * batch's examples but still multiplies X_Bᵀ. γ1 and β1 are per-unit parameters outside W1 and train in
 * their own coordinates. What still decides validity is the optimizer (linear in the gradient, for W1's
 * coordinates) and the memory budget, as without batch norm. (A normalization of X itself, before W1,
 * would change F at every batch and is not something the spec can express.) test/plans-batchnorm.test.ts
 * trains both plans with batch norm and holds them together to 1e-9.
 */

const identity = (n: number, like: Matrix): Matrix =>
  fromFunction(n, n, (i, j) => (i === j ? 1 : 0), like.backend);

/** dZ1's columns placed at the batch's example indices of an n1 × m zero matrix, divided by b. */
const scatterColumns = (dZ1: Matrix, columns: ReadonlyArray<number> | undefined, m: number): Matrix => {
  const b = dZ1.cols;
  if (columns === undefined) return divide(dZ1, b);
  const out = new Float64Array(dZ1.rows * m);
  for (let i = 0; i < dZ1.rows; i++)
    for (let k = 0; k < b; k++) out[i * m + (columns[k] as number)] = (dZ1.data[i * b + k] as number) / b;
  return unsafeMatrix(dZ1.rows, m, out, dZ1.backend);
};

/** The dual plan for inputs X and initial parameters (whose W1 is W1₀). */
export const dualPlan = (X: Matrix, initial: Parameters): Plan => {
  const m = X.cols;
  const W0 = weight(initial, 1);
  const n1 = W0.rows;
  // Products with the wide X read it transposed (examples as contiguous rows): the fastest layout.
  const Xt = transpose(X);
  const G = matmulTransposeB(Xt, Xt);
  const W0X = matmulTransposeB(W0, Xt);
  const H = matmulTransposeB(W0, W0);
  const split = (K: Matrix): readonly [A: Matrix, C: Matrix] => [
    sliceColumns(K, 0, m),
    sliceColumns(K, m, m + n1),
  ];
  return {
    name: "dual",
    input: concatRows([G, W0X]),
    initial: { ...initial, W1: concatColumns([zeros(n1, m, W0.backend), identity(n1, W0)]) },
    fromPlan: (parameters) => {
      const [A, C] = split(weight(parameters, 1));
      return { ...parameters, W1: add(matmul(A, Xt), matmul(C, W0)) };
    },
    dZ1_instead_of_dW1: true,
    gradients: (grads, parameters, columns, lambd) => {
      const { dZ1, ...rest } = grads;
      if (dZ1 === undefined) throw new Error("dual plan: L_model_backward returned no dZ1");
      const K = weight(parameters, 1);
      const dK = concatColumns([scatterColumns(dZ1, columns, m), zeros(n1, n1, dZ1.backend)]);
      return { ...rest, dW1: lambd === 0 ? dK : add(dK, multiply(K, lambd / dZ1.cols)) };
    },
    l2Cost: (parameters, lambd, batch) => {
      if (lambd === 0) return 0;
      const [A, C] = split(weight(parameters, 1));
      const firstLayer =
        sumAll(multiply(matmul(A, G), A)) +
        2 * sumAll(multiply(matmul(C, W0X), A)) +
        sumAll(multiply(matmul(C, H), C));
      let total = firstLayer;
      for (let l = 2; l <= layerCount(parameters); l++) total += sumOfSquares(weight(parameters, l));
      return (lambd / (2 * batch)) * total;
    },
  };
};

/** Multiply-adds per iteration of the layer-1 products, for choosing a plan. */
export const layerOneWork = (n_x: number, n1: number, m: number) => ({
  primal: 2 * n1 * n_x * m,
  dual: 2 * n1 * (m + n1) * m,
  dualSetup: n_x * m * m + 2 * n1 * n_x * m + n1 * n1 * n_x,
});
