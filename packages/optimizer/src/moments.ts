import type { ParameterKey, Parameters } from "@stepwise/core";
import { type Matrix, raise, shapeError, zerosLike as zerosLikeMatrix } from "@stepwise/tensor";

/** The course's keys for velocities and moments: `v["dW1"]`, `s["db2"]`, named after the gradients. */
export type MomentKey = `dW${number}` | `db${number}`;

/** `v`, `s`, `v_corrected`, `s_corrected`: one matrix per parameter, shaped like it. */
export type Moments = Readonly<Partial<Record<MomentKey, Matrix>>>;

/** `[["W1", "dW1"], ["b1", "db1"], …]` for layers 1..L, the order the course loops in. */
export const layerKeys = (L: number): ReadonlyArray<readonly [ParameterKey, MomentKey]> =>
  Array.from({ length: L }, (_, i) => [
    [`W${i + 1}`, `dW${i + 1}`] as const,
    [`b${i + 1}`, `db${i + 1}`] as const,
  ]).flat();

/** `dict[key]` in code that has validated `dict`; a miss is a bug, so it throws naming the key. */
export const entry = <K extends string>(
  dict: Readonly<Partial<Record<K, Matrix>>>,
  key: K,
  name: string,
): Matrix => dict[key] ?? raise(shapeError(`${name} has no ${key}`));

/** `{ dW1: zeros(W1.shape), db1: zeros(b1.shape), … }`: the course's initialize_velocity body. */
export const zerosLike = (parameters: Parameters, L: number): Moments =>
  Object.fromEntries(layerKeys(L).map(([p, d]) => [d, zerosLikeMatrix(entry(parameters, p, "parameters"))]));
