import { normal, permutation, type RandomState } from "@stepwise/random";
import { invalidArgument, type Matrix, raise, rowVector, transpose, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { linspace } from "./linspace.js";
import { numpyCos, numpySin } from "./numpy-trig.js";

/**
 * A generated 2-D data set as scikit-learn returns it: `X` is `(n_samples, 2)`, one example per row, and
 * `y` the 0/1 labels, one per example. `courseLayout` turns it into the course's `(2, m)` / `(1, m)`.
 */
export type Samples = readonly [X: Matrix, y: ReadonlyArray<number>];

const checkSamples = (fn: string, n_samples: number, noise: number | null): void => {
  if (!(Number.isInteger(n_samples) && n_samples >= 0))
    raise(invalidArgument(`${fn}: n_samples must be an integer ≥ 0, got ${String(n_samples)}`));
  if (noise !== null && !(Number.isFinite(noise) && noise >= 0))
    raise(
      invalidArgument(
        `${fn}: noise is the standard deviation of the gaussian noise: a finite number ≥ 0, or null for none; got ${String(noise)}`,
      ),
    );
};

/**
 * scikit-learn's tail of `make_moons`/`make_circles`: stack the outer points (label 0) over the inner
 * ones (label 1), shuffle the rows with `RandomState.shuffle(arange(n))` (the draws of `permutation(n)`),
 * then add `generator.normal(scale=noise, size=X.shape)`, drawn row by row over the (n, 2) array.
 */
const assemble = (
  outer: readonly [ReadonlyArray<number>, ReadonlyArray<number>],
  inner: readonly [ReadonlyArray<number>, ReadonlyArray<number>],
  noise: number | null,
  rng: RandomState,
): readonly [Samples, RandomState] => {
  const xs = [...outer[0], ...inner[0]];
  const ys = [...outer[1], ...inner[1]];
  const labels = [...outer[0].map(() => 0), ...inner[0].map(() => 1)];
  const n = xs.length;
  const [order, shuffled] = permutation(n)(rng);
  const [noiseDraw, next] = noise === null ? [null, shuffled] : normal(0, noise, n, 2)(shuffled);
  const data = new Float64Array(2 * n);
  order.forEach((source, row) => {
    data[2 * row] = xs[source] as number;
    data[2 * row + 1] = ys[source] as number;
  });
  if (noiseDraw !== null)
    for (let k = 0; k < 2 * n; k++) data[k] = (data[k] as number) + (noiseDraw.data[k] as number);
  return [[unsafeMatrix(n, 2, data), order.map((source) => labels[source] as number)], next];
};

/**
 * scikit-learn's `make_moons(n_samples, noise=noise)` (1.2.1) with `random_state` = the given numpy
 * state: two interleaving half circles, `n_samples // 2` points on the outer moon (label 0) and the rest
 * on the inner one (label 1), shuffled, plus gaussian noise of standard deviation `noise` (`null`: no
 * noise and no draws, sklearn's `noise=None`). Returns `[[X, y], next state]`.
 *
 * `np.random.seed(3); make_moons(n_samples=300, noise=.2)` is `make_moons(300, 0.2, seedOrThrow(3))`.
 */
export const make_moons = (
  n_samples: number,
  noise: number | null,
  rng: RandomState,
): readonly [Samples, RandomState] => {
  checkSamples("make_moons", n_samples, noise);
  const n_samples_out = Math.floor(n_samples / 2);
  const n_samples_in = n_samples - n_samples_out;
  const out = linspace(0, Math.PI, n_samples_out);
  const inn = linspace(0, Math.PI, n_samples_in);
  return assemble(
    [out.map(numpyCos), out.map(numpySin)],
    // Evaluated as numpy does: `1 - sin(t) - 0.5` is `(1 - sin(t)) - 0.5`, not `0.5 - sin(t)`.
    [inn.map((t) => 1 - numpyCos(t)), inn.map((t) => 1 - numpySin(t) - 0.5)],
    noise,
    rng,
  );
};

/**
 * scikit-learn's `make_circles(n_samples, noise=noise, factor=factor)` (1.2.1) with `random_state` = the
 * given numpy state: `n_samples // 2` points on the unit circle (label 0) and the rest on a circle of
 * radius `factor` (label 1), at `linspace(0, 2π, ·, endpoint=False)` angles, shuffled, plus gaussian
 * noise (`null`: none). sklearn's default `factor` is 0.8; it must lie in [0, 1).
 *
 * `np.random.seed(1); make_circles(n_samples=300, noise=.05)` is `make_circles(300, 0.05, 0.8, seedOrThrow(1))`.
 */
export const make_circles = (
  n_samples: number,
  noise: number | null,
  factor: number,
  rng: RandomState,
): readonly [Samples, RandomState] => {
  checkSamples("make_circles", n_samples, noise);
  if (!(factor >= 0 && factor < 1))
    raise(
      invalidArgument(`make_circles: factor (inner radius / outer radius) must be in [0, 1), got ${factor}`),
    );
  const n_samples_out = Math.floor(n_samples / 2);
  const n_samples_in = n_samples - n_samples_out;
  const out = linspace(0, 2 * Math.PI, n_samples_out, false);
  const inn = linspace(0, 2 * Math.PI, n_samples_in, false);
  return assemble(
    [out.map(numpyCos), out.map(numpySin)],
    [inn.map((t) => numpyCos(t) * factor), inn.map((t) => numpySin(t) * factor)],
    noise,
    rng,
  );
};

/** The notebooks' `X = X.T; y = y.reshape((1, m))`: `(n, 2)` rows and labels → the course's `(2, m)` and `(1, m)`. */
export const courseLayout = ([X, y]: Samples): readonly [X: Matrix, Y: Matrix] => {
  const Y = rowVector(y);
  if (E.isLeft(Y)) return raise(Y.left);
  return [transpose(X), Y.right];
};
