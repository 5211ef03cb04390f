import type { Matrix } from "@stepwise/tensor";
import type { Activation } from "./activation.js";
import type { Cost } from "./cost.js";

/*
 * Plugins from outside (a module named in stepwise.config.json or --plugin) may be plain ES modules that
 * build their matrices as `{ rows, cols, data }` without importing Stepwise, so their results carry no
 * backend. At that edge, each result is put on the backend of the matrix it was computed from: the device
 * follows the data through foreign code too.
 */

/** `m` on `like`'s backend (the same numbers; nothing to do for a plugin built on Stepwise's ops). */
const onBackendOf = (m: Matrix, like: Matrix): Matrix =>
  m.backend === like.backend ? m : { rows: m.rows, cols: m.cols, data: m.data, backend: like.backend };

export const adoptActivation = (plugin: Activation): Activation =>
  Object.freeze({
    ...plugin,
    forward: (Z: Matrix) => {
      const [A, cache] = plugin.forward(Z);
      return [onBackendOf(A, Z), cache] as const;
    },
    backward: (dA: Matrix, cache: Parameters<Activation["backward"]>[1]) =>
      onBackendOf(plugin.backward(dA, cache), dA),
  });

export const adoptCost = (plugin: Cost): Cost =>
  Object.freeze({
    ...plugin,
    cost_backward: (AL: Matrix, Y: Matrix) => onBackendOf(plugin.cost_backward(AL, Y), AL),
  });
