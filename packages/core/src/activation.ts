import { type Matrix, map, multiply, zipWith } from "@stepwise/tensor";
import type { PluginMeta } from "./plugin.js";

/** What a layer's activation remembers for its backward pass: its input Z and output A. */
export interface ActivationCache {
  readonly Z: Matrix;
  readonly A: Matrix;
}

/**
 * An activation plugin: `forward(Z) → [A, cache]` and `backward(dA, cache) → dZ`, the course's
 * `relu` / `relu_backward` pair as one object.
 */
/**
 * The values an output activation promises, so a cost can say which outputs it is defined for and a
 * program can say "probability" only of an output that is one:
 * - `"probability"`: every unit strictly inside (0, 1) (sigmoid);
 * - `"distribution"`: every column a probability distribution over its units (softmax);
 * - `"real"`: any real number, e.g. a logit or a regression output (identity).
 * An activation that declares none (relu's [0, ∞), tanh's (−1, 1), …) promises none of these.
 */
export type OutputRange = "probability" | "distribution" | "real";

/** What an activation says about itself; `decisionThreshold` is where a one-unit output splits 0 from 1. */
export interface ActivationMeta extends PluginMeta<"activation"> {
  /** Default 0.5 (a probability, as sigmoid gives); 0 for outputs centred on zero (identity, tanh). */
  readonly decisionThreshold?: number;
  /** What its outputs are (see OutputRange); unset promises nothing. */
  readonly outputRange?: OutputRange;
}

export interface Activation {
  readonly meta: ActivationMeta;
  readonly forward: (Z: Matrix) => readonly [A: Matrix, cache: ActivationCache];
  readonly backward: (dA: Matrix, cache: ActivationCache) => Matrix;
}

interface Described {
  readonly name: string;
  readonly description?: string;
  readonly package?: string;
  readonly decisionThreshold?: number;
  readonly outputRange?: OutputRange;
}

const metaOf = ({
  name,
  description,
  package: pkg,
  decisionThreshold,
  outputRange,
}: Described): ActivationMeta =>
  Object.freeze({
    kind: "activation" as const,
    name,
    ...(description === undefined ? {} : { description }),
    ...(pkg === undefined ? {} : { package: pkg }),
    ...(decisionThreshold === undefined ? {} : { decisionThreshold }),
    ...(outputRange === undefined ? {} : { outputRange }),
  });

export interface ElementwiseActivationSpec extends Described {
  /** g(z). */
  readonly fn: (z: number) => number;
  /** g'(z); `a = g(z)` is passed too, since many derivatives are cheapest in terms of it. */
  readonly derivative: (z: number, a: number) => number;
}

/** Most activations in a few lines: `dZ = dA ⊙ g'(Z)`. */
export const defineActivation = (spec: ElementwiseActivationSpec): Activation =>
  Object.freeze({
    meta: metaOf(spec),
    forward: (Z: Matrix) => {
      const A = map(Z, spec.fn);
      return [A, { Z, A }] as const;
    },
    backward: (dA: Matrix, { Z, A }: ActivationCache) =>
      multiply(
        dA,
        zipWith(Z, A, (z, a) => spec.derivative(z, a)),
      ),
  });

export interface MatrixActivationSpec extends Described {
  /** A = g(Z) on the whole matrix (softmax needs the column). */
  readonly forward: (Z: Matrix) => Matrix;
  /** dZ from dA and the cache. */
  readonly backward: (dA: Matrix, cache: ActivationCache) => Matrix;
}

/** Activations that are not elementwise (softmax) or that have a faster matrix form. */
export const defineMatrixActivation = (spec: MatrixActivationSpec): Activation =>
  Object.freeze({
    meta: metaOf(spec),
    forward: (Z: Matrix) => {
      const A = spec.forward(Z);
      return [A, { Z, A }] as const;
    },
    backward: spec.backward,
  });
