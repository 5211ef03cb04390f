import { fromLayers, type Parameters } from "@stepwise/core";
import { type RandomState, randn, seedOrThrow } from "@stepwise/random";
import type { Matrix } from "@stepwise/tensor";

/** Matrices of the given shapes drawn in order from one `np.random.seed(seed)` stream. */
export const draws = (
  seed: number,
  ...shapes: ReadonlyArray<readonly [rows: number, cols: number]>
): Matrix[] => {
  let state: RandomState = seedOrThrow(seed);
  return shapes.map(([rows, cols]) => {
    const [m, next] = randn(rows, cols)(state);
    state = next;
    return m;
  });
};

/**
 * The course's test cases (testCases_v4a.py and Course 2's): `np.random.seed(seed)`, then
 * `X = randn(n_x, m)` and for each layer `W_l = randn(n_l, n_{l−1})`, `b_l = randn(n_l, 1)`.
 */
export const courseTestCase = (
  seed: number,
  m: number,
  layer_dims: ReadonlyArray<number>,
): { readonly X: Matrix; readonly parameters: Parameters } => {
  const shapes: Array<readonly [number, number]> = [[layer_dims[0] ?? 0, m]];
  for (let l = 1; l < layer_dims.length; l++)
    shapes.push([layer_dims[l] ?? 0, layer_dims[l - 1] ?? 0], [layer_dims[l] ?? 0, 1]);
  const [X, ...rest] = draws(seed, ...shapes) as [Matrix, ...Matrix[]];
  const layers = Array.from(
    { length: layer_dims.length - 1 },
    (_, i) => [rest[2 * i], rest[2 * i + 1]] as readonly [Matrix, Matrix],
  );
  return { X, parameters: fromLayers(layers) };
};
