import type { Activation, ActivationCache } from "@stepwise/core";
import type { Matrix } from "@stepwise/tensor";

/** What `linear_forward` remembers: the course's `(A_prev, W, b)`. */
export interface LinearCache {
  readonly A_prev: Matrix;
  readonly W: Matrix;
  readonly b: Matrix;
}

/** Inverted dropout applied to a hidden layer's output: the 0/1 mask D and the keep probability. */
export interface DropoutCache {
  readonly D: Matrix;
  readonly keep_prob: number;
}

/**
 * What `linear_activation_forward` remembers for one layer: the course's `(linear_cache, activation_cache)`,
 * plus the activation plugin used (so the backward pass cannot pair a layer with the wrong derivative)
 * and, in training with dropout, the mask.
 */
export interface LayerCache {
  readonly linear_cache: LinearCache;
  readonly activation_cache: ActivationCache;
  readonly activation: Activation;
  readonly dropout?: DropoutCache;
}

/** One cache per layer, layer 1 first. */
export type Caches = ReadonlyArray<LayerCache>;
