/**
 * `--backend auto` by the size of the network. A training step of a small network is a few dozen
 * products of matrices with a handful of rows; there the WebAssembly backend's fixed cost per call
 * (handing work to its threads, moving operands in and out of its memory) is far more than the
 * arithmetic, and the js backend, whose runs of the course's network take @stepwise/model's fused step,
 * is many times faster. Past a few thousand weights per example the arithmetic dominates and wasm wins.
 */

/** Networks with fewer weights than this (Σ n_l·n_{l−1}) train on the js backend under `auto`. */
export const SMALL_NETWORK_WEIGHTS = 10_000;

/** Σ n_l·n_{l−1}: the multiply-adds of one example's forward pass. */
export const weightCount = (layers: ReadonlyArray<number>): number =>
  layers.reduce((total, n, l) => (l === 0 ? 0 : total + n * (layers[l - 1] as number)), 0);

/** Whether `auto` should take the js backend for this network (unknown networks: no). */
export const isSmallNetwork = (layers: ReadonlyArray<number> | undefined): boolean =>
  layers !== undefined && weightCount(layers) < SMALL_NETWORK_WEIGHTS;
