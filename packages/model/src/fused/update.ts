/*
 * The optimizers' updates on plain arrays, rounding as @stepwise/optimizer's do: gradient descent is
 * `axpby(1, W, −lr, dW)`, momentum `v = axpby(β, v, 1 − β, dW)` then `axpby(1, W, −lr, v)`, Adam the
 * course's expressions in the course's order. Each updates its own parameter and moment arrays in place.
 */

/** How to update: the optimizer and its hyper-parameters (validated by the optimizer's own create). */
export type FusedOptimizer =
  | { readonly name: "gd" }
  | { readonly name: "momentum"; readonly beta: number }
  | { readonly name: "adam"; readonly beta1: number; readonly beta2: number; readonly epsilon: number };

/** One parameter array with its gradient and the optimizer's moments for it (unused ones empty). */
export interface Slot {
  readonly p: Float64Array;
  readonly g: Float64Array;
  readonly v: Float64Array;
  readonly s: Float64Array;
}

const gd = ({ p, g }: Slot, lr: number): void => {
  for (let i = 0; i < p.length; i++) p[i] = 1 * (p[i] as number) + -lr * (g[i] as number);
};

const momentum = ({ p, g, v }: Slot, lr: number, beta: number): void => {
  const rest = 1 - beta;
  for (let i = 0; i < p.length; i++) {
    const vi = beta * (v[i] as number) + rest * (g[i] as number);
    v[i] = vi;
    p[i] = 1 * (p[i] as number) + -lr * vi;
  }
};

const adam = (
  { p, g, v, s }: Slot,
  lr: number,
  correction1: number,
  correction2: number,
  beta1: number,
  beta2: number,
  epsilon: number,
): void => {
  const rest1 = 1 - beta1;
  const rest2 = 1 - beta2;
  for (let i = 0; i < p.length; i++) {
    const gi = g[i] as number;
    const vi = beta1 * (v[i] as number) + rest1 * gi;
    const si = beta2 * (s[i] as number) + rest2 * (gi * gi);
    v[i] = vi;
    s[i] = si;
    p[i] = (p[i] as number) - (lr * (vi / correction1)) / (Math.sqrt(si / correction2) + epsilon);
  }
};

/** One update of every slot at step t (from 1) with learning rate lr. */
export const updateSlots = (
  optimizer: FusedOptimizer,
  slots: ReadonlyArray<Slot>,
  lr: number,
  t: number,
): void => {
  if (optimizer.name === "adam") {
    // The bias corrections, `1 − β^t` as the optimizer computes them, once per step.
    const correction1 = 1 - optimizer.beta1 ** t;
    const correction2 = 1 - optimizer.beta2 ** t;
    for (const slot of slots)
      adam(slot, lr, correction1, correction2, optimizer.beta1, optimizer.beta2, optimizer.epsilon);
  } else
    for (const slot of slots) {
      if (optimizer.name === "gd") gd(slot, lr);
      else momentum(slot, lr, optimizer.beta);
    }
};
