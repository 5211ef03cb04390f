import { fromLayers, type Parameters } from "@stepwise/core";
import { type Random, type RandomState, randn, uniform } from "@stepwise/random";
import { divide, type Matrix, multiply, type StepwiseError, zeros } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { validateLayerDims } from "./layer-dims.js";

/** Every initializer: layer sizes and an RNG state in, parameters and the advanced state out. */
export type Initializer = (
  layer_dims: ReadonlyArray<number>,
  rng: RandomState,
) => E.Either<StepwiseError, readonly [parameters: Parameters, rng: RandomState]>;

/** How to draw W_l, given n_l and n_{l−1}; biases are always zeros, as in the course. */
type WeightDraw = (n: number, n_prev: number) => Random<Matrix>;

/**
 * Builds an initializer from a weight draw. Layers are drawn in order W1, W2, … from one stream, exactly
 * like the course's loop after a single `np.random.seed`.
 */
const layerByLayer =
  (fn: string, draw: WeightDraw): Initializer =>
  (layer_dims, rng) =>
    pipe(
      validateLayerDims(fn, layer_dims),
      E.map((dims) => {
        const layers: Array<readonly [Matrix, Matrix]> = [];
        let state = rng;
        for (let l = 1; l < dims.length; l++) {
          const n = dims[l] as number;
          const [W, next] = draw(n, dims[l - 1] as number)(state);
          layers.push([W, zeros(n, 1)]);
          state = next;
        }
        return [fromLayers(layers), state] as const;
      }),
    );

const scaled =
  (scale: (n: number, n_prev: number) => number): WeightDraw =>
  (n, n_prev) =>
  (state) => {
    const [W, next] = randn(n, n_prev)(state);
    return [multiply(W, scale(n, n_prev)), next];
  };

/**
 * The application notebook's `initialize_parameters_deep`: `randn(n_l, n_{l−1}) / √n_{l−1}` (divided, as the
 * notebook does, so the numbers match bit for bit). This is LeCun-normal scaling.
 */
export const initialize_parameters_deep: Initializer = layerByLayer(
  "initialize_parameters_deep",
  (n, n_prev) => (state) => {
    const [W, next] = randn(n, n_prev)(state);
    return [divide(W, Math.sqrt(n_prev)), next];
  },
);

/** Course 2's `initialize_parameters_he`: `randn(n_l, n_{l−1}) · √(2 / n_{l−1})`, for ReLU networks. */
export const initialize_parameters_he: Initializer = layerByLayer(
  "initialize_parameters_he",
  scaled((_, n_prev) => Math.sqrt(2 / n_prev)),
);

/** Course 2's `initialize_parameters_random`: `randn · scale` (the course uses 10 to show why large is bad). */
export const initialize_parameters_random = (scale = 10): Initializer =>
  layerByLayer(
    "initialize_parameters_random",
    scaled(() => scale),
  );

/** Course 2's `initialize_parameters_zeros`: every W and b zero (it shows symmetry breaking fails). */
export const initialize_parameters_zeros: Initializer = layerByLayer(
  "initialize_parameters_zeros",
  (n, n_prev) => (state) => [zeros(n, n_prev), state],
);

/**
 * Glorot (Xavier) normal, as Keras and PyTorch define it: std `√(2 / (n_{l−1} + n_l))`. The course's
 * lecture calls `√(1 / n_{l−1})` "Xavier"; that one is `initialize_parameters_deep`.
 */
export const initialize_parameters_xavier_normal: Initializer = layerByLayer(
  "initialize_parameters_xavier_normal",
  scaled((n, n_prev) => Math.sqrt(2 / (n_prev + n))),
);

/** Glorot (Xavier) uniform: `U(−a, a)` with `a = √(6 / (n_{l−1} + n_l))`. */
export const initialize_parameters_xavier_uniform: Initializer = layerByLayer(
  "initialize_parameters_xavier_uniform",
  (n, n_prev) => {
    const a = Math.sqrt(6 / (n_prev + n));
    return uniform(-a, a, n, n_prev);
  },
);

/**
 * The course's two-layer `initialize_parameters(n_x, n_h, n_y)`: `randn · 0.01` for W1 and W2, zero biases,
 * drawn W1 then W2.
 */
export const initialize_parameters = (
  n_x: number,
  n_h: number,
  n_y: number,
  rng: RandomState,
): E.Either<StepwiseError, readonly [parameters: Parameters, rng: RandomState]> =>
  layerByLayer(
    "initialize_parameters",
    scaled(() => 0.01),
  )([n_x, n_h, n_y], rng);
