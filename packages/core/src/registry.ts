import { type StepwiseError, stepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/Either";
import { pipe } from "fp-ts/function";
import type { Activation } from "./activation.js";
import type { Cost } from "./cost.js";
import type { OptimizerDefinition } from "./optimizer.js";
import type { PluginKind } from "./plugin.js";

export interface Registry {
  readonly activations: ReadonlyMap<string, Activation>;
  readonly costs: ReadonlyMap<string, Cost>;
  readonly optimizers: ReadonlyMap<string, OptimizerDefinition>;
}

export interface RegistryInput {
  readonly activations?: ReadonlyArray<Activation>;
  readonly costs?: ReadonlyArray<Cost>;
  readonly optimizers?: ReadonlyArray<OptimizerDefinition>;
}

type Named = { readonly meta: { readonly name: string; readonly package?: string } };

const indexByName = <P extends Named>(
  kind: PluginKind,
  plugins: ReadonlyArray<P>,
): E.Either<StepwiseError, Map<string, P>> => {
  const byName = new Map<string, P>();
  for (const plugin of plugins) {
    const existing = byName.get(plugin.meta.name);
    if (existing !== undefined)
      return E.left(
        stepwiseError(
          "DuplicateName",
          `makeRegistry: two ${kind} plugins are named "${plugin.meta.name}"${
            existing.meta.package !== undefined && plugin.meta.package !== undefined
              ? ` (from ${existing.meta.package} and ${plugin.meta.package})`
              : ""
          }; register each name once`,
        ),
      );
    byName.set(plugin.meta.name, plugin);
  }
  return E.right(byName);
};

/** Explicit registration: every plugin the program may use is listed; names must be unique per kind. */
export const makeRegistry = (input: RegistryInput): E.Either<StepwiseError, Registry> =>
  pipe(
    E.Do,
    E.bind("activations", () => indexByName("activation", input.activations ?? [])),
    E.bind("costs", () => indexByName("cost", input.costs ?? [])),
    E.bind("optimizers", () => indexByName("optimizer", input.optimizers ?? [])),
  );

/** Levenshtein distance, for "did you mean". */
const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] as number;
};

/** The known name closest to `name`, if any is reasonably close. */
export const closestName = (name: string, known: Iterable<string>): string | undefined => {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
};

export const unknownPlugin = (
  kind: PluginKind | "initializer",
  name: string,
  known: Iterable<string>,
): StepwiseError => {
  const names = [...known].sort();
  const suggestion = closestName(name, names);
  return stepwiseError(
    "UnknownPlugin",
    `unknown ${kind} "${name}"${suggestion === undefined ? "" : `; did you mean "${suggestion}"?`} Known ${kind}s: ${names.join(", ") || "(none)"}`,
  );
};

/** `leaky_relu` finds `leaky_relu(alpha=0.01)` when that is the only registered `leaky_relu`. */
const byBaseName = <P>(map: ReadonlyMap<string, P>, name: string): P | undefined => {
  const matches = [...map.entries()].filter(([key]) => key.replace(/\(.*\)$/, "") === name);
  return matches.length === 1 ? matches[0]?.[1] : undefined;
};

const lookup =
  <P>(pick: (registry: Registry) => ReadonlyMap<string, P>, kind: PluginKind) =>
  (registry: Registry, name: string): E.Either<StepwiseError, P> => {
    const map = pick(registry);
    const found = map.get(name) ?? byBaseName(map, name);
    return found === undefined ? E.left(unknownPlugin(kind, name, map.keys())) : E.right(found);
  };

export const getActivation = lookup((r) => r.activations, "activation");
export const getCost = lookup((r) => r.costs, "cost");
export const getOptimizer = lookup((r) => r.optimizers, "optimizer");
