import { courseLayout, make_circles, make_moons } from "@stepwise/data";
import { type RandomState, rand, randn, seedOrThrow } from "@stepwise/random";
import { type Matrix, unsafeMatrix } from "@stepwise/tensor";

/**
 * 2-D data sets as the course shapes them (the Course 2 ones from `@stepwise/data`, the rest here): X is (2, m), Y is (1, m) of 0/1. Each is a pure function
 * of a numpy-exact random state, so a seed in the URL reproduces the points.
 */
export interface Points {
  readonly X: Matrix;
  readonly Y: Matrix;
}

export type Generator = (n: number, noise: number, rng: RandomState) => readonly [Points, RandomState];

/** scikit-learn's make_moons on numpy's generator, from `@stepwise/data` (the notebooks' numbers, bit for bit). */
const moons: Generator = (n, noise, rng) => {
  const [samples, next] = make_moons(n, noise, rng);
  const [X, Y] = courseLayout(samples);
  return [{ X, Y }, next];
};

/** scikit-learn's make_circles (factor 0.8, its default) from `@stepwise/data`. */
const circles: Generator = (n, noise, rng) => {
  const [samples, next] = make_circles(n, noise, 0.8, rng);
  const [X, Y] = courseLayout(samples);
  return [{ X, Y }, next];
};

/** Two interleaved spiral arms (TensorFlow Playground's spiral), with gaussian noise of `noise` units. */
export const make_spiral = (n: number, noise: number, rng: RandomState): readonly [Points, RandomState] => {
  const half = Math.floor(n / 2);
  const [gauss, next] = randn(n, 2)(rng);
  const X = new Float64Array(2 * n);
  const Y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const arm = i < half ? 0 : 1;
    const k = arm === 0 ? i : i - half;
    const count = arm === 0 ? half : n - half;
    const r = (k / count) * 5;
    const t = ((1.75 * k) / count) * 2 * Math.PI + arm * Math.PI;
    X[i] = r * Math.sin(t) + noise * (gauss.data[2 * i] as number);
    X[n + i] = r * Math.cos(t) + noise * (gauss.data[2 * i + 1] as number);
    Y[i] = arm;
  }
  return [{ X: unsafeMatrix(2, n, X), Y: unsafeMatrix(1, n, Y) }, next];
};

/** Uniform points in [−5, 5]², labelled 1 where x·y > 0 (the XOR of the signs), jittered by `noise`. */
export const make_xor = (n: number, noise: number, rng: RandomState): readonly [Points, RandomState] => {
  const [u, afterUniform] = rand(n, 2)(rng);
  const [gauss, next] = randn(n, 2)(afterUniform);
  const X = new Float64Array(2 * n);
  const Y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Keep points off the axes by a margin, so the classes are separable without noise.
    const push = (v: number): number => (v > 0 ? v + 0.3 : v - 0.3);
    const x = push((u.data[2 * i] as number) * 9.4 - 4.7);
    const y = push((u.data[2 * i + 1] as number) * 9.4 - 4.7);
    Y[i] = x * y > 0 ? 1 : 0;
    X[i] = x + noise * (gauss.data[2 * i] as number);
    X[n + i] = y + noise * (gauss.data[2 * i + 1] as number);
  }
  return [{ X: unsafeMatrix(2, n, X), Y: unsafeMatrix(1, n, Y) }, next];
};

/** Two gaussian blobs centred at (2, 2) and (−2, −2), standard deviation `1 + noise`. */
export const make_blobs = (n: number, noise: number, rng: RandomState): readonly [Points, RandomState] => {
  const half = Math.floor(n / 2);
  const [gauss, next] = randn(n, 2)(rng);
  const X = new Float64Array(2 * n);
  const Y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = i < half ? 2 : -2;
    X[i] = c + (1 + noise) * (gauss.data[2 * i] as number);
    X[n + i] = c + (1 + noise) * (gauss.data[2 * i + 1] as number);
    Y[i] = i < half ? 1 : 0;
  }
  return [{ X: unsafeMatrix(2, n, X), Y: unsafeMatrix(1, n, Y) }, next];
};

export const generators = {
  moons,
  circles,
  spiral: make_spiral,
  xor: make_xor,
  blobs: make_blobs,
} as const satisfies Record<string, Generator>;

/**
 * A data set and its test set: the same generator, a third as many points from `seed + 1`. Circles with
 * 300 points, noise 0.05, seed 1 is the Initialization notebook's pair (train seed 1, test seed 2 of 100).
 */
export const trainAndTest = (
  generate: Generator,
  n: number,
  noise: number,
  seed: number,
): { readonly train: Points; readonly test: Points } => ({
  train: generate(n, noise, seedOrThrow(seed))[0],
  test: generate(Math.max(1, Math.round(n / 3)), noise, seedOrThrow(seed + 1))[0],
});
