import { defineMatrixActivation } from "@stepwise/core";
import { divide, exp, maxAxis, multiply, subtract, sumAxis } from "@stepwise/tensor";

/**
 * Softmax over each column (one column per example): `A = exp(Z − max) / Σ exp(Z − max)`. Subtracting the
 * column maximum changes nothing mathematically and keeps exp from overflowing at large Z.
 *
 * Backward applies the full Jacobian per column: `dZ = A ⊙ (dA − Σ_rows dA ⊙ A)`. With the categorical
 * cross-entropy's `dA = −Y / A` this is the familiar `A − Y`.
 */
export const softmax = defineMatrixActivation({
  name: "softmax",
  package: "@stepwise/activation-softmax",
  description: "softmax over each column",
  outputRange: "distribution",
  forward: (Z) => {
    const e = exp(subtract(Z, maxAxis(Z, 0)));
    return divide(e, sumAxis(e, 0));
  },
  backward: (dA, { A }) => multiply(A, subtract(dA, sumAxis(multiply(dA, A), 0))),
});

/** What `stepwise --plugin @stepwise/activation-softmax` registers. */
export const plugins = [softmax];
