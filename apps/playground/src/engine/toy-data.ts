import { permutation, type RandomState, rand, randn, seedOrThrow } from "@stepwise/random";
import { type Matrix, unsafeMatrix } from "@stepwise/tensor";

/**
 * 2-D data sets as the course shapes them: X is (2, m), Y is (1, m) of 0/1. Each is a pure function
 * of a numpy-exact random state, so a seed in the URL reproduces the points.
 */
export interface Points {
  readonly X: Matrix;
  readonly Y: Matrix;
}

/** numpy's `linspace(start, stop, num, endpoint)`: `i·step + start`, the last point exactly `stop`. */
const linspace = (start: number, stop: number, num: number, endpoint: boolean): number[] => {
  const step = (stop - start) / (endpoint ? num - 1 : num);
  const out = Array.from({ length: num }, (_, i) => i * step + start);
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
};

/**
 * scikit-learn's recipe for its two shapes: the points in order, shuffled by `permutation(n)`, then
 * gaussian noise drawn row-major over the (n, 2) array. TEMPORARY: `make_moons`/`make_circles` move to
 * `@stepwise/data` with the Course 2 data sets, which the playground then uses.
 */
const sklearnShape = (
  xs: ReadonlyArray<number>,
  ys: ReadonlyArray<number>,
  labels: ReadonlyArray<number>,
  noise: number,
  rng: RandomState,
): readonly [Points, RandomState] => {
  const n = xs.length;
  const [order, afterShuffle] = permutation(n)(rng);
  const [gauss, next] = randn(n, 2)(afterShuffle);
  const X = new Float64Array(2 * n);
  const Y = new Float64Array(n);
  order.forEach((from, i) => {
    X[i] = (xs[from] as number) + noise * (gauss.data[2 * i] as number);
    X[n + i] = (ys[from] as number) + noise * (gauss.data[2 * i + 1] as number);
    Y[i] = labels[from] as number;
  });
  return [{ X: unsafeMatrix(2, n, X), Y: unsafeMatrix(1, n, Y) }, next];
};

const labelsOf = (zeros: number, ones: number): number[] => [
  ...Array<number>(zeros).fill(0),
  ...Array<number>(ones).fill(1),
];

export const make_moons = (n: number, noise: number, rng: RandomState): readonly [Points, RandomState] => {
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const outer = linspace(0, Math.PI, nOut, true);
  const inner = linspace(0, Math.PI, nIn, true);
  return sklearnShape(
    [...outer.map(Math.cos), ...inner.map((t) => 1 - Math.cos(t))],
    [...outer.map(Math.sin), ...inner.map((t) => 1 - Math.sin(t) - 0.5)],
    labelsOf(nOut, nIn),
    noise,
    rng,
  );
};

export const make_circles = (
  n: number,
  noise: number,
  factor: number,
  rng: RandomState,
): readonly [Points, RandomState] => {
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const outer = linspace(0, 2 * Math.PI, nOut, false);
  const inner = linspace(0, 2 * Math.PI, nIn, false);
  return sklearnShape(
    [...outer.map(Math.cos), ...inner.map((t) => Math.cos(t) * factor)],
    [...outer.map(Math.sin), ...inner.map((t) => Math.sin(t) * factor)],
    labelsOf(nOut, nIn),
    noise,
    rng,
  );
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

export type Generator = (n: number, noise: number, rng: RandomState) => readonly [Points, RandomState];

export const generators = {
  moons: make_moons,
  circles: (n: number, noise: number, rng: RandomState) => make_circles(n, noise, 0.8, rng),
  spiral: make_spiral,
  xor: make_xor,
  blobs: make_blobs,
} as const satisfies Record<string, Generator>;

/** A data set and its test set: the same generator, the test set from `seed + 1`. */
export const trainAndTest = (
  generate: Generator,
  n: number,
  noise: number,
  seed: number,
): { readonly train: Points; readonly test: Points } => ({
  train: generate(n, noise, seedOrThrow(seed))[0],
  test: generate(Math.max(1, Math.round(n / 3)), noise, seedOrThrow(seed + 1))[0],
});
