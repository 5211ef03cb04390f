import type { ResolvedOptions } from "./options.js";

/**
 * How often (in iterations, and after the last) a fold looks at the optimizer's state. A finite cost
 * does not prove a finite state: Adam's s = β2·s + (1 − β2)·dW² overflows to Infinity once dW is beyond
 * ~1e154 (the L2 term of a huge lambd), after which its updates of W are 0 and the run would go on
 * "training" a frozen network. One pass over the state every 100 iterations costs next to nothing.
 * A run that trains on past non-finite costs (keepGoingOnNonFinite) has no cost to stop it, so the same
 * pass looks at its parameters too.
 */
export const STATE_CHECK_EVERY = 100;

/** Why a run stopped when `entry` (`s["dW1"]`, `parameters["W1"]`) was found non-finite after iteration i. */
export const nonFiniteState = (fn: string, entry: string, i: number, o: ResolvedOptions): string => {
  const retry = `Try a smaller learning rate (now ${o.learning_rate})${o.lambd > 0 ? ` or lambd (now ${o.lambd})` : ""}.`;
  return entry.startsWith("parameters")
    ? `${fn}: ${entry} was no longer a finite number by iteration ${i} (training went on past non-finite costs, as keepGoingOnNonFinite asks, and the parameters followed); training stopped. ${retry}`
    : `${fn}: the optimizer's ${entry} was no longer a finite number by iteration ${i}, although the cost was (a gradient too large to square overflows it); training stopped. ${retry}`;
};
