import type { Parameters } from "@stepwise/core";
import type { RunningStats } from "@stepwise/forward-cache";
import { type Backend, clone, createRecycler, type Matrix, type Recycler, toBackend } from "@stepwise/tensor";
import type { ResolvedOptions } from "./options.js";

/**
 * Where a run computes: on `backend` (X's unless the options name one), through a recycler's view of
 * it. Only the optimizer state outlives a step, so every other large array a step makes (dW1, the
 * caches, the replaced W1) is storage for the next one: no fresh megabytes per iteration.
 */
export interface Run {
  readonly backend: Backend;
  readonly recycler: Recycler;
  /** X and Y, moved to the recycler's view once. */
  readonly X: Matrix;
  readonly Y: Matrix;
}

export const startRun = (X: Matrix, Y: Matrix, o: ResolvedOptions): Run => {
  const backend = o.backend ?? X.backend;
  const recycler = createRecycler(backend);
  return { backend, recycler, X: toBackend(X, recycler.backend), Y: toBackend(Y, recycler.backend) };
};

/**
 * The run's parameters on the run's backend, as arrays of their own: out of the recycler's storage (for
 * the wasm backend, views into its memory), so what the caller keeps is an ordinary, unshared array.
 */
export const detach = <D extends Parameters | RunningStats>(
  recycler: Recycler,
  backend: Backend,
  parameters: D,
): D =>
  Object.fromEntries(
    Object.entries(parameters).map(([key, m]) => [
      key,
      m === undefined ? m : toBackend(recycler.owns(m.data) ? clone(m) : m, backend),
    ]),
  ) as D;
