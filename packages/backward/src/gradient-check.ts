import {
  type Cost,
  checkTargets,
  type Grads,
  grad,
  layerCount,
  layerDimsOf,
  type Parameters,
  trustChecked,
} from "@stepwise/core";
import { checkLambd, l2Penalty } from "@stepwise/cost";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { checkForward, courseSpec, modelForward, type NetworkSpec } from "@stepwise/forward-cache";
import {
  type Matrix,
  raise,
  type StepwiseError,
  shapeError,
  subtract,
  sumOfSquares,
  unsafeMatrix,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";

/** The course's threshold: a relative difference above this means the backward pass has a bug. */
export const GRADIENT_CHECK_THRESHOLD = 2e-7;

/** `W1, b1, W2, b2, …` in the course's order. */
const parameterKeys = (L: number): ReadonlyArray<string> =>
  Array.from({ length: L }, (_, i) => [`W${i + 1}`, `b${i + 1}`]).flat();

const flatten = (parts: ReadonlyArray<Matrix>): Matrix => {
  const total = parts.reduce((n, p) => n + p.data.length, 0);
  const theta = new Float64Array(total);
  let offset = 0;
  for (const p of parts) {
    theta.set(p.data, offset);
    offset += p.data.length;
  }
  return unsafeMatrix(total, 1, theta, parts[0]?.backend);
};

/**
 * The course's `dictionary_to_vector`: every parameter reshaped to a column (row-major) and stacked in the
 * order W1, b1, W2, b2, …; also returns which key each entry came from.
 */
export const dictionary_to_vector = (
  parameters: Parameters,
): readonly [theta: Matrix, keys: ReadonlyArray<string>] => {
  const keys = parameterKeys(layerCount(parameters));
  const parts = keys.map(
    (k) =>
      parameters[k as keyof Parameters] ?? raise(shapeError(`dictionary_to_vector: parameters has no ${k}`)),
  );
  return [flatten(parts), keys.flatMap((k, i) => Array<string>((parts[i] as Matrix).data.length).fill(k))];
};

/** The course's `gradients_to_vector`: dW1, db1, dW2, … stacked like `dictionary_to_vector`. */
export const gradients_to_vector = (gradients: Grads, L: number): Matrix =>
  flatten(parameterKeys(L).map((k) => grad(gradients, `d${k}` as `dW${number}`)));

/** The course's `vector_to_dictionary`, for any layer sizes: the inverse of `dictionary_to_vector`. */
export const vector_to_dictionary = (theta: Matrix, layer_dims: ReadonlyArray<number>): Parameters => {
  const parameters: Record<string, Matrix> = {};
  let offset = 0;
  const take = (rows: number, cols: number): Matrix => {
    const part = unsafeMatrix(rows, cols, theta.data.slice(offset, offset + rows * cols), theta.backend);
    offset += rows * cols;
    return part;
  };
  for (let l = 1; l < layer_dims.length; l++) {
    const n = layer_dims[l] as number;
    parameters[`W${l}`] = take(n, layer_dims[l - 1] as number);
    parameters[`b${l}`] = take(n, 1);
  }
  if (offset !== theta.data.length)
    raise(
      shapeError(
        `vector_to_dictionary: theta has ${theta.data.length} entries but layer_dims ${JSON.stringify(layer_dims)} need ${offset}`,
      ),
    );
  return parameters;
};

export interface GradientCheckOptions {
  readonly spec?: NetworkSpec;
  readonly cost?: Cost;
  readonly lambd?: number;
}

const norm = (v: Matrix): number => Math.sqrt(sumOfSquares(v));

/** grads with a `dW_l` and `db_l` of its parameter's shape for every layer. */
const checkGradients = (
  fn: string,
  parameters: Parameters,
  gradients: Grads,
): E.Either<StepwiseError, Grads> => {
  for (const key of parameterKeys(layerCount(parameters))) {
    const [P, D] = [parameters[key as keyof Parameters], gradients[`d${key}` as `dW${number}`]];
    if (P !== undefined && (D === undefined || D.rows !== P.rows || D.cols !== P.cols))
      return E.left(
        shapeError(
          `${fn}: gradients has ${D === undefined ? `no d${key}` : `d${key} of another shape than ${key}`}; pass the grads L_model_backward returned for these parameters`,
        ),
      );
  }
  return E.right(gradients);
};

/**
 * The course's `gradient_check_n`: central differences `(J(θ + ε) − J(θ − ε)) / 2ε` for every parameter,
 * compared with the backward pass's gradients by `‖grad − approx‖ / (‖grad‖ + ‖approx‖)`. Above 2e-7 the
 * backward pass is wrong. `print_msg` prints the course's verdict. Checks its arguments first.
 */
export const gradient_check_n = (
  parameters: Parameters,
  gradients: Grads,
  X: Matrix,
  Y: Matrix,
  epsilon = 1e-7,
  print_msg = false,
  { spec = courseSpec, cost = binary_cross_entropy, lambd = 0 }: GradientCheckOptions = {},
): E.Either<StepwiseError, number> => {
  const fn = "gradient_check_n";
  return pipe(
    checkForward(fn, X, parameters),
    E.tap((checked) => checkTargets(fn, modelForward(X, checked, spec)[0], Y, cost)),
    E.tap(() => checkLambd(fn, lambd)),
    E.tap(() => checkGradients(fn, parameters, gradients)),
    E.map(() => {
      const L = layerCount(parameters);
      const layer_dims = layerDimsOf(parameters);
      const [theta] = dictionary_to_vector(parameters);
      const gradVector = gradients_to_vector(gradients, L);
      // Nudging one finite number by ε keeps every key and shape: what the checks proved still holds.
      const J = (values: Float64Array): number => {
        const p = vector_to_dictionary(unsafeMatrix(values.length, 1, values, theta.backend), layer_dims);
        const [AL] = modelForward(X, trustChecked(p), spec);
        return cost.compute_cost(AL, Y) + l2Penalty(p, lambd, Y.cols);
      };
      const approx = new Float64Array(theta.data.length);
      // One working copy of θ, nudged and restored in place (J copies what it reads), not two copies per entry.
      const nudged = theta.data.slice();
      for (let i = 0; i < approx.length; i++) {
        const original = nudged[i] as number;
        nudged[i] = original + epsilon;
        const plus = J(nudged);
        nudged[i] = original - epsilon;
        const minus = J(nudged);
        nudged[i] = original;
        approx[i] = (plus - minus) / (2 * epsilon);
      }
      const gradapprox = unsafeMatrix(approx.length, 1, approx, gradVector.backend);
      const difference = norm(subtract(gradVector, gradapprox)) / (norm(gradVector) + norm(gradapprox));
      if (print_msg)
        console.log(
          difference > GRADIENT_CHECK_THRESHOLD
            ? `There is a mistake in the backward propagation! difference = ${difference}`
            : `Your backward propagation works perfectly fine! difference = ${difference}`,
        );
      return difference;
    }),
  );
};
