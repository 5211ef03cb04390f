import {
  type Activation,
  type Cost,
  defineActivation,
  defineCost,
  defineMatrixActivation,
} from "@stepwise/core";
import {
  fromArray,
  type Matrix,
  map,
  maxAxis,
  multiply,
  subtract,
  sumAxis,
  tanh as tanhOf,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/** Test shorthand: a matrix from nested rows (non-finite allowed); throws on ragged rows. */
export const m = (rows: ReadonlyArray<ReadonlyArray<number>>): Matrix => {
  const result = fromArray(rows, { allowNonFinite: true });
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const stableSigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

// ---- Correct activations: each must pass every check.

export const tanh = defineActivation({ name: "tanh", fn: Math.tanh, derivative: (_z, a) => 1 - a * a });

export const relu = defineActivation({
  name: "relu",
  fn: (z) => Math.max(0, z),
  derivative: (z) => (z > 0 ? 1 : 0),
});

export const leakyRelu = defineActivation({
  name: "leaky_relu(alpha=0.01)",
  fn: (z) => (z > 0 ? z : 0.01 * z),
  derivative: (z) => (z > 0 ? 1 : 0.01),
});

export const sigmoid = defineActivation({
  name: "sigmoid",
  fn: stableSigmoid,
  derivative: (_z, a) => a * (1 - a),
});

/** The identity hands its input back as A: sharing is fine, writing is not. */
export const identity = defineMatrixActivation({ name: "identity", forward: (Z) => Z, backward: (dA) => dA });

/** Column-wise softmax, shifted by the column max; dZ = A ⊙ (dA − Σ_rows dA ⊙ A). */
export const softmax = defineMatrixActivation({
  name: "softmax",
  forward: (Z) => {
    const shifted = map(subtract(Z, maxAxis(Z, 0)), Math.exp);
    return multiply(
      shifted,
      map(sumAxis(shifted, 0), (s) => 1 / s),
    );
  },
  backward: (dA, { A }) => multiply(A, subtract(dA, sumAxis(multiply(dA, A), 0))),
});

// ---- Broken activations: each must fail the checks its table entry lists, and only those.

export const tanhWrongDerivative = defineActivation({
  name: "tanh_wrong_derivative",
  fn: Math.tanh,
  derivative: (_z, a) => 1 - a, // should be 1 - a²
});

/** Wrong only for 2.1 < z < 2.9, where no edge case looks: only the random inputs can find it. */
export const tanhWrongBetween2And3 = defineActivation({
  name: "tanh_wrong_between_2_and_3",
  fn: Math.tanh,
  derivative: (z, a) => (z > 2.1 && z < 2.9 ? 1.5 : 1) * (1 - a * a),
});

/** Computes tanh in place, into the caller's Z. */
export const tanhInPlace = defineMatrixActivation({
  name: "tanh_in_place",
  forward: (Z) => {
    for (let i = 0; i < Z.data.length; i++) Z.data[i] = Math.tanh(Z.data[i] as number);
    return Z;
  },
  backward: (dA, { A }) =>
    multiply(
      dA,
      map(A, (a) => 1 - a * a),
    ),
});

/** Multiplies dA by g'(Z) in place and hands dA back as dZ. */
export const tanhBackwardInPlace = defineMatrixActivation({
  name: "tanh_backward_in_place",
  forward: tanhOf,
  backward: (dA, { A }) => {
    for (let i = 0; i < dA.data.length; i++)
      dA.data[i] = (dA.data[i] as number) * (1 - (A.data[i] as number) ** 2);
    return dA;
  },
});

/** Every other call is one ulp off: the kind of drift a racy parallel sum produces. */
export const tanhWithCounter = (() => {
  let calls = 0;
  return defineMatrixActivation({
    name: "tanh_with_counter",
    forward: (Z) => {
      calls += 1;
      const wobble = calls % 2 === 0 ? 1 : 1 + Number.EPSILON;
      return map(Z, (z) => Math.tanh(z) * wobble);
    },
    backward: (dA, { A }) =>
      multiply(
        dA,
        map(A, (a) => 1 - a * a),
      ),
  });
})();

/** Sums over the units: A is (1, m) whatever Z is. */
export const tanhSummedOverRows = defineMatrixActivation({
  name: "tanh_summed_over_rows",
  forward: (Z) => sumAxis(tanhOf(Z), 0),
  backward: (dA, { Z }) =>
    multiply(
      dA,
      map(Z, (z) => 1 - Math.tanh(z) ** 2),
    ),
});

/** backward returns one value per unit, like db, instead of dZ. */
export const tanhBackwardSummed = defineMatrixActivation({
  name: "tanh_backward_summed",
  forward: tanhOf,
  backward: (dA, { A }) =>
    sumAxis(
      multiply(
        dA,
        map(A, (a) => 1 - a * a),
      ),
      1,
    ),
});

/** exp(z) / (1 + exp(z)): exact math, finite at ±50, but Infinity / Infinity = NaN from z ≈ 709.8 on. */
export const naiveSigmoid = defineActivation({
  name: "naive_sigmoid",
  fn: (z) => Math.exp(z) / (1 + Math.exp(z)),
  derivative: (_z, a) => a * (1 - a),
});

/** The identity as logit(sigmoid(z)): sigmoid(50) is exactly 1 in float64, so A = log(1 / 0) = Infinity. */
export const logitOfSigmoid = defineActivation({
  name: "logit_of_sigmoid",
  fn: (z) => {
    const a = stableSigmoid(z);
    return Math.log(a / (1 - a));
  },
  derivative: () => 1,
});

/** A plain object: a registry's copy could be changed after registration. */
export const unfrozenTanh: Activation = { ...tanh };

export const camelCaseTanh = Object.freeze({ ...tanh, meta: { ...tanh.meta, name: "TanH" } });

// Plain-JavaScript plugins bypass the types; this is what a mislabeled one looks like at run time.
export const mislabeledTanh = Object.freeze({
  ...tanh,
  meta: { ...tanh.meta, kind: "cost" },
}) as unknown as Activation;

// ---- Correct costs.

export const binaryCrossEntropy = defineCost({
  name: "binary_cross_entropy",
  loss: (a, y) => -(y * Math.log(a) + (1 - y) * Math.log(1 - a)),
  derivative: (a, y) => -(y / a - (1 - y) / (1 - a)),
});

export const mse = defineCost({
  name: "mse",
  loss: (a, y) => 0.5 * (a - y) ** 2,
  derivative: (a, y) => a - y,
});

export const categoricalCrossEntropy = defineCost({
  name: "categorical_cross_entropy",
  loss: (a, y) => (y === 0 ? 0 : -y * Math.log(a)),
  derivative: (a, y) => -y / a,
});

export const mae = defineCost({
  name: "mae",
  loss: (a, y) => Math.abs(a - y),
  derivative: (a, y) => Math.sign(a - y),
});

export const hinge = defineCost({
  name: "hinge",
  loss: (a, y) => Math.max(0, 1 - y * a),
  derivative: (a, y) => (y * a < 1 ? -y : 0),
});

/** Stable: max(a, 0) − a·y + log(1 + e^{−|a|}); no log(0) at saturation. */
export const bceFromLogits = defineCost({
  name: "binary_cross_entropy_from_logits",
  loss: (a, y) => Math.max(a, 0) - a * y + Math.log1p(Math.exp(-Math.abs(a))),
  derivative: (a, y) => stableSigmoid(a) - y,
});

/** Not built with defineCost: J as the mean of column sums, dAL by hand. */
export const handWrittenMse: Cost = Object.freeze({
  meta: { kind: "cost" as const, name: "hand_written_mse" },
  compute_cost: (AL: Matrix, Y: Matrix) => {
    let total = 0;
    for (let i = 0; i < AL.data.length; i++)
      total += 0.5 * ((AL.data[i] as number) - (Y.data[i] as number)) ** 2;
    return total / AL.cols;
  },
  cost_backward: (AL: Matrix, Y: Matrix) => subtract(AL, Y),
});

// ---- Broken costs.

export const mseBackwardTwice = defineCost({
  name: "mse_backward_twice",
  loss: (a, y) => 0.5 * (a - y) ** 2,
  derivative: (a, y) => 2 * (a - y), // the derivative of (a - y)², not of ½(a - y)²
});

/** Divides dAL by m itself; linear_backward divides again. */
export const mseBackwardOverM: Cost = Object.freeze({
  meta: { kind: "cost" as const, name: "mse_backward_over_m" },
  compute_cost: mse.compute_cost,
  cost_backward: (AL: Matrix, Y: Matrix) => map(subtract(AL, Y), (d) => d / AL.cols),
});

export const mseBackwardInPlace: Cost = Object.freeze({
  meta: { kind: "cost" as const, name: "mse_backward_in_place" },
  compute_cost: mse.compute_cost,
  cost_backward: (AL: Matrix, Y: Matrix) => {
    for (let i = 0; i < AL.data.length; i++) AL.data[i] = (AL.data[i] as number) - (Y.data[i] as number);
    return AL;
  },
});

export const mseBackwardSummed: Cost = Object.freeze({
  meta: { kind: "cost" as const, name: "mse_backward_summed" },
  compute_cost: mse.compute_cost,
  cost_backward: (AL: Matrix, Y: Matrix) => sumAxis(subtract(AL, Y), 1),
});

export const mseWithCounter: Cost = (() => {
  let calls = 0;
  return Object.freeze({
    meta: { kind: "cost" as const, name: "mse_with_counter" },
    compute_cost: (AL: Matrix, Y: Matrix) => {
      calls += 1;
      return mse.compute_cost(AL, Y) * (calls % 2 === 0 ? 1 : 1 + Number.EPSILON);
    },
    cost_backward: mse.cost_backward,
  });
})();

export const unfrozenMse: Cost = { ...mse };
