import { relu as reluActivation } from "@stepwise/activation-relu";
import { sigmoid as sigmoidActivation } from "@stepwise/activation-sigmoid";
import { softmax } from "@stepwise/activation-softmax";
import type { Activation, ActivationCache } from "@stepwise/core";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import {
  add,
  divide,
  formatShape,
  type Matrix,
  matmul,
  matmulTransposeA,
  matmulTransposeB,
  multiply,
  raise,
  sameShape,
  shapeError,
  subtract,
  sumAxis,
  transpose,
} from "@stepwise/tensor";
import type { GraphNode } from "./node.js";

// The layer nodes use the notes' layout: ROWS ARE EXAMPLES (x is (batch, features), out = x·W + b).
// The course packages put examples in columns; elementwise nodes (relu, sigmoid) do not care, and the two
// that do (affine, softmax_with_loss) say so.

/** An elementwise activation node: `forward(x) → [out, cache]`, `backward(dout, cache) → dx`. */
export type ActivationNode = GraphNode<readonly [x: Matrix], Matrix, ActivationCache, Matrix>;

/**
 * Any activation plugin is already a graph node: its `forward(Z) → [A, cache]` and
 * `backward(dA, cache) → dZ` are exactly the pair a node needs. This adapter only narrows the type.
 */
export const fromActivation = (activation: Activation): ActivationNode =>
  Object.freeze({ forward: (x: Matrix) => activation.forward(x), backward: activation.backward });

/**
 * The notes' `Relu` layer, from @stepwise/activation-relu: `out = max(0, x)`; backward zeroes `dout` where
 * the mask `x <= 0` is set (the notes' `self.mask`), so the derivative at 0 is 0.
 */
export const relu: ActivationNode = fromActivation(reluActivation);

/** The notes' `Sigmoid` layer, from @stepwise/activation-sigmoid: backward is `dout · (1 − out) · out`. */
export const sigmoid: ActivationNode = fromActivation(sigmoidActivation);

/** What `affine` remembers: the input and the weights (b is not needed to go back). */
export interface AffineCache {
  readonly x: Matrix;
  readonly W: Matrix;
}

/**
 * The notes' `Affine` layer, rows as examples: `out = x·W + b` with x (batch, n_in), W (n_in, n_out) and
 * b (1, n_out) broadcast over the batch. Backward: `dx = dout·Wᵀ`, `dW = xᵀ·dout`, and `db = Σ_rows dout`
 * (every example's row received the same b, so its gradient is the sum over the batch: the notes'
 * `np.sum(dout, axis=0)`). Gradients come back as `[dx, dW, db]`, in input order.
 */
export const affine: GraphNode<
  readonly [x: Matrix, W: Matrix, b: Matrix],
  Matrix,
  AffineCache,
  readonly [dx: Matrix, dW: Matrix, db: Matrix]
> = Object.freeze({
  forward: (x: Matrix, W: Matrix, b: Matrix) =>
    b.rows === 1 && b.cols === W.cols
      ? ([add(matmul(x, W), b), { x, W }] as const)
      : raise(
          shapeError(
            `affine: b is ${formatShape(b)} but W is ${formatShape(W)}; b must be one row (1, ${W.cols}), broadcast over the batch`,
          ),
        ),
  backward: (dout: Matrix, { x, W }: AffineCache) =>
    [matmulTransposeB(dout, W), matmulTransposeA(x, dout), sumAxis(dout, 0)] as const,
});

/** What `softmax_with_loss` remembers: the softmax output y and the one-hot targets t, rows as examples. */
export interface SoftmaxWithLossCache {
  readonly y: Matrix;
  readonly t: Matrix;
}

/**
 * The notes' `SoftmaxWithLoss`: softmax over each row (one example per row), then the cross-entropy
 * `−Σ t log y` averaged over the batch. The softmax and the loss are the plugins'
 * (@stepwise/activation-softmax, @stepwise/cost-categorical-cross-entropy), applied to the transpose since
 * they take examples as columns. Unlike the notes there is no `+ 1e-7` inside the log: the softmax
 * subtracts each row's maximum, and a row whose target class underflows to probability 0 gives an
 * infinite loss rather than a silently clipped one.
 *
 * Backward is the famous simplification `dx = (y − t) · dout / batch`: the softmax's Jacobian and the
 * cross-entropy's `−t / y` cancel to the difference between the prediction and the target.
 */
export const softmax_with_loss: GraphNode<
  readonly [x: Matrix, t: Matrix],
  number,
  SoftmaxWithLossCache,
  Matrix
> = Object.freeze({
  forward: (x: Matrix, t: Matrix) => {
    if (!sameShape(x, t))
      raise(
        shapeError(
          `softmax_with_loss: x is ${formatShape(x)} but t is ${formatShape(t)}; t must be one-hot, one row per example like x`,
        ),
      );
    const [yT] = softmax.forward(transpose(x));
    const loss = categorical_cross_entropy.compute_cost(yT, transpose(t));
    return [loss, { y: transpose(yT), t }] as const;
  },
  // (y − t)·dout first, then ÷ batch, the notes' order: with dout = 1 the numbers are the notes' exactly.
  backward: (dout: number, { y, t }: SoftmaxWithLossCache) => divide(multiply(subtract(y, t), dout), t.rows),
});
