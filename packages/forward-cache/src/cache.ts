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

/** What `batchnorm_forward` remembers for `batchnorm_backward`. */
export interface BatchNormCache {
  /** (Z − μ)/√(σ² + ε), the normalized pre-activations. */
  readonly Z_norm: Matrix;
  readonly gamma: Matrix;
  /** The batch mean μ, (n, 1). */
  readonly mu: Matrix;
  /** The biased batch variance σ² (divided by m), (n, 1). */
  readonly var: Matrix;
  /** √(σ² + ε), (n, 1). */
  readonly std: Matrix;
  readonly eps: number;
}

/**
 * What `linear_activation_forward` remembers for one layer: the course's `(linear_cache, activation_cache)`,
 * plus the activation plugin used (so the backward pass cannot pair a layer with the wrong derivative);
 * in training with dropout, the mask; for a hidden layer with batch norm (`linear_bn_activation_forward`),
 * the batch norm's cache. `L_model_backward` goes back through whichever of them a layer has.
 */
export interface LayerCache {
  readonly linear_cache: LinearCache;
  readonly activation_cache: ActivationCache;
  readonly activation: Activation;
  readonly dropout?: DropoutCache;
  readonly batchnorm_cache?: BatchNormCache;
}

/** One cache per layer, layer 1 first. */
export type Caches = ReadonlyArray<LayerCache>;
