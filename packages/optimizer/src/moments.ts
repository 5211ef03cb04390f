import { type ParameterKey, type Parameters, parameterKeys } from "@stepwise/core";
import { type Matrix, raise, shapeError, zerosLike as zerosLikeMatrix } from "@stepwise/tensor";

/**
 * The course's keys for velocities and moments: `v["dW1"]`, `s["db2"]`, named after the gradients; with
 * batch norm also `v["dgamma1"]`, `s["dbeta1"]`.
 */
export type MomentKey = `dW${number}` | `db${number}` | `dgamma${number}` | `dbeta${number}`;

/** `v`, `s`, `v_corrected`, `s_corrected`: one matrix per parameter, shaped like it. */
export type Moments = Readonly<Partial<Record<MomentKey, Matrix>>>;

/** `[["W1", "dW1"], ["b1", "db1"], …]` for layers 1..L, the order the course loops in. */
export const layerKeys = (L: number): ReadonlyArray<readonly [ParameterKey, MomentKey]> =>
  Array.from({ length: L }, (_, i) => [
    [`W${i + 1}`, `dW${i + 1}`] as const,
    [`b${i + 1}`, `db${i + 1}`] as const,
  ]).flat();

/**
 * Each key of the dictionary with its gradient's, in the course's order: `layerKeys` for the course's
 * dictionary, and with batch norm each hidden layer's `["gamma1", "dgamma1"], ["beta1", "dbeta1"]` after
 * its bias. An optimizer steps every matrix of the dictionary with the same per-matrix rule.
 */
export const dictionaryKeys = (parameters: Parameters): ReadonlyArray<readonly [ParameterKey, MomentKey]> =>
  parameterKeys(parameters).map((p) => [p, `d${p}` as MomentKey] as const);

/** `dict[key]` in code that has validated `dict`; a miss is a bug, so it throws naming the key. */
export const entry = <K extends string>(
  dict: Readonly<Partial<Record<K, Matrix>>>,
  key: K,
  name: string,
): Matrix => dict[key] ?? raise(shapeError(`${name} has no ${key}`));

/** `{ dW1: zeros(W1.shape), db1: zeros(b1.shape), … }`: the course's initialize_velocity body. */
export const zerosLike = (parameters: Parameters): Moments =>
  Object.fromEntries(
    dictionaryKeys(parameters).map(([p, d]) => [d, zerosLikeMatrix(entry(parameters, p, "parameters"))]),
  );
