import type { Backend } from "./backend.js";
import { jsBackend } from "./js-backend.js";

/**
 * The one piece of process-wide configuration in Stepwise: which backend runs the kernels. It is chosen
 * once at start-up (the trainer's `--backend`), like numpy's BLAS; every backend agrees with the js
 * reference to 1e-12, so it selects speed, not results.
 */
let active: Backend = jsBackend;

export const getBackend = (): Backend => active;

export const setBackend = (backend: Backend): void => {
  active = backend;
};

/** Runs `f` with `backend` active and restores the previous one, also when `f` throws. */
export const withBackend = <A>(backend: Backend, f: () => A): A => {
  const previous = active;
  active = backend;
  try {
    return f();
  } finally {
    active = previous;
  }
};
