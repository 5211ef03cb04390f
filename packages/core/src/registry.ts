import { invalidArgument, type StepwiseError, stepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { Activation } from "./activation.js";
import type { Cost } from "./cost.js";
import {
  type AnyPlugin,
  checkFactory,
  factoryPluginName,
  instantiate,
  isPluginFactory,
  kindOf,
  nameOf,
  type PluginFactory,
  type PluginOf,
  packageOf,
  resolveParameters,
} from "./factory.js";
import type { OptimizerDefinition } from "./optimizer.js";
import type { PluginKind } from "./plugin.js";
import { baseNameOf, formatPluginName, parsePluginName } from "./plugin-name.js";

/**
 * Every plugin a program may use, by kind: plain plugins under their canonical names, and factories
 * (parameterized plugins) under their base names.
 */
export interface Registry {
  readonly activations: ReadonlyMap<string, Activation>;
  readonly costs: ReadonlyMap<string, Cost>;
  readonly optimizers: ReadonlyMap<string, OptimizerDefinition>;
  readonly factories: {
    readonly activation: ReadonlyMap<string, PluginFactory<"activation">>;
    readonly cost: ReadonlyMap<string, PluginFactory<"cost">>;
    readonly optimizer: ReadonlyMap<string, PluginFactory<"optimizer">>;
  };
}

export interface RegistryInput {
  readonly activations?: ReadonlyArray<Activation | PluginFactory<"activation">>;
  readonly costs?: ReadonlyArray<Cost | PluginFactory<"cost">>;
  readonly optimizers?: ReadonlyArray<OptimizerDefinition | PluginFactory<"optimizer">>;
  /** A mixed list, each filed under its own kind: what a plugin module exports as `plugins`. */
  readonly plugins?: ReadonlyArray<AnyPlugin>;
}

const from = (p: AnyPlugin): string => {
  const pkg = packageOf(p);
  return pkg === undefined ? "" : ` (from ${pkg})`;
};

const describe = (p: AnyPlugin): string =>
  `the ${kindOf(p)} ${isPluginFactory(p) ? "plugin factory" : "plugin"} "${nameOf(p)}"${from(p)}`;

interface Indexed<K extends PluginKind> {
  readonly plain: Map<string, PluginOf<K>>;
  readonly factories: Map<string, PluginFactory<K>>;
}

/** The tags core's own errors carry (tensor's are its own; see @stepwise/tensor's errors). */
export type CoreErrorTag = "UnknownPlugin" | "DuplicateName";

type RegistryError = StepwiseError<"DuplicateName" | "InvalidArgument">;

const indexKind = <K extends PluginKind>(
  kind: K,
  entries: ReadonlyArray<AnyPlugin>,
): E.Either<RegistryError, Indexed<K>> => {
  const plain = new Map<string, PluginOf<K>>();
  const factories = new Map<string, PluginFactory<K>>();
  /** Who answers to each base name, to catch a factory and a plugin claiming the same one. */
  const byBase = new Map<string, AnyPlugin>();
  for (const entry of entries) {
    if (kindOf(entry) !== kind)
      return E.left(
        invalidArgument(
          `makeRegistry: ${describe(entry)} was listed among the ${kind}s; list it by its kind`,
        ),
      );
    if (isPluginFactory(entry)) {
      const checked = checkFactory(entry);
      if (E.isLeft(checked)) return E.left(checked.left);
      const other = byBase.get(entry.name);
      if (other !== undefined)
        return E.left(
          stepwiseError(
            "DuplicateName",
            isPluginFactory(other)
              ? `makeRegistry: two ${kind} plugin factories are named "${entry.name}"${packagesOf(other, entry)}; register each name once`
              : `makeRegistry: ${describe(entry)} and ${describe(other)} both answer to "${entry.name}"; register one of them`,
          ),
        );
      const probe = resolveParameters(entry, []);
      const made = E.isLeft(probe) ? probe : instantiate(entry as PluginFactory<K>, probe.right);
      if (E.isLeft(made))
        return E.left(
          invalidArgument(
            `makeRegistry: ${describe(entry)} fails with its default parameters: ${made.left.message}`,
          ),
        );
      byBase.set(entry.name, entry);
      factories.set(entry.name, entry as PluginFactory<K>);
      continue;
    }
    const parsed = parsePluginName(entry.meta.name);
    if (E.isLeft(parsed))
      return E.left(invalidArgument(`makeRegistry: ${describe(entry)}: ${parsed.left.message}`));
    const canonical = formatPluginName(parsed.right.base, parsed.right.parameters);
    if (canonical !== entry.meta.name)
      return E.left(
        invalidArgument(
          `makeRegistry: ${describe(entry)} is not written canonically; name it "${canonical}" (model files record meta.name, and lookups canonicalize)`,
        ),
      );
    const existing = plain.get(canonical) as AnyPlugin | undefined;
    if (existing !== undefined)
      return E.left(
        stepwiseError(
          "DuplicateName",
          `makeRegistry: two ${kind} plugins are named "${canonical}"${packagesOf(existing, entry)}; register each name once`,
        ),
      );
    const other = byBase.get(parsed.right.base);
    if (other !== undefined && isPluginFactory(other))
      return E.left(
        stepwiseError(
          "DuplicateName",
          `makeRegistry: ${describe(other)} and ${describe(entry)} both answer to "${parsed.right.base}"; register one of them`,
        ),
      );
    byBase.set(parsed.right.base, entry);
    plain.set(canonical, entry as PluginOf<K>);
  }
  return E.right({ plain, factories });
};

const packagesOf = (a: AnyPlugin, b: AnyPlugin): string => {
  const [pa, pb] = [packageOf(a), packageOf(b)];
  return pa !== undefined && pb !== undefined ? ` (from ${pa} and ${pb})` : "";
};

/**
 * Explicit registration: every plugin the program may use is listed, as a plugin object or a plugin
 * factory. Names are unique per kind, counting a factory's base name (`leaky_relu`) against the base of
 * every plain plugin's name. Fails with DuplicateName, or InvalidArgument for a name that is not
 * canonical, a factory whose default is outside its own range, or a plugin listed under the wrong kind.
 */
export const makeRegistry = (input: RegistryInput): E.Either<RegistryError, Registry> => {
  const mixed = input.plugins ?? [];
  const of = (kind: PluginKind, listed: ReadonlyArray<AnyPlugin> | undefined): ReadonlyArray<AnyPlugin> => [
    ...(listed ?? []),
    ...mixed.filter((p) => kindOf(p) === kind),
  ];
  const activations = indexKind("activation", of("activation", input.activations));
  if (E.isLeft(activations)) return activations;
  const costs = indexKind("cost", of("cost", input.costs));
  if (E.isLeft(costs)) return costs;
  const optimizers = indexKind("optimizer", of("optimizer", input.optimizers));
  if (E.isLeft(optimizers)) return optimizers;
  return E.right({
    activations: activations.right.plain,
    costs: costs.right.plain,
    optimizers: optimizers.right.plain,
    factories: {
      activation: activations.right.factories,
      cost: costs.right.factories,
      optimizer: optimizers.right.factories,
    },
  });
};

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
  const suggestion = closestName(name, names) ?? closestBase(name, names);
  return stepwiseError(
    "UnknownPlugin",
    `unknown ${kind} "${name}"${suggestion === undefined ? "" : `; did you mean "${suggestion}"?`} Known ${kind}s: ${names.join(", ") || "(none)"}`,
  );
};

/** Compares base names (`leaky_rleu` against `leaky_relu(alpha=0.01)`), suggesting the known name. */
const closestBase = (name: string, known: ReadonlyArray<string>): string | undefined => {
  const base = closestName(baseNameOf(name), known.map(baseNameOf));
  return base === undefined ? undefined : known.find((k) => baseNameOf(k) === base);
};

const plainOf = <K extends PluginKind>(registry: Registry, kind: K): ReadonlyMap<string, PluginOf<K>> =>
  (kind === "activation"
    ? registry.activations
    : kind === "cost"
      ? registry.costs
      : registry.optimizers) as unknown as ReadonlyMap<string, PluginOf<K>>;

const factoriesOf = <K extends PluginKind>(
  registry: Registry,
  kind: K,
): ReadonlyMap<string, PluginFactory<K>> =>
  registry.factories[kind] as unknown as ReadonlyMap<string, PluginFactory<K>>;

/**
 * Every name a kind answers to, sorted: plain plugins by name, factories with their defaults
 * (`leaky_relu(alpha=0.01)`), ready to paste into `--hidden`.
 */
export const registeredNames = (registry: Registry, kind: PluginKind): ReadonlyArray<string> =>
  [
    ...plainOf(registry, kind).keys(),
    ...[...factoriesOf(registry, kind).values()].map((f) =>
      factoryPluginName(
        f,
        Object.fromEntries(Object.entries(f.parameters).map(([k, spec]) => [k, spec.default])),
      ),
    ),
  ].sort();

/**
 * Finds or builds the plugin a name asks for:
 * - a factory's base name with parameters (`leaky_relu(alpha=0.2)`), checked against its specs, or
 *   without (`leaky_relu`: the defaults); the plugin is named canonically;
 * - a plain plugin by its name, written in any spacing or number format that canonicalizes to it;
 * - a plain plugin by its base name when only one plain plugin has that base.
 * Fails with UnknownPlugin (listing the known names and the closest) or InvalidArgument (malformed
 * name, unknown parameter, value out of range, parameters for a plugin that takes none).
 */
export const getPlugin = <K extends PluginKind>(
  registry: Registry,
  kind: K,
  name: string,
): E.Either<StepwiseError, PluginOf<K>> => {
  const plain = plainOf(registry, kind);
  const factories = factoriesOf(registry, kind);
  const unknown = () => E.left(unknownPlugin(kind, name.trim(), registeredNames(registry, kind)));
  const parsed = parsePluginName(name);
  if (E.isLeft(parsed)) return name.includes("(") ? E.left(parsed.left) : unknown();
  const { base, parameters } = parsed.right;
  const written = name.trim();
  const factory = factories.get(base);
  if (factory !== undefined) {
    const resolved = resolveParameters(factory, parameters, written);
    return E.isLeft(resolved) ? resolved : instantiate(factory, resolved.right);
  }
  const exact = plain.get(formatPluginName(base, parameters));
  if (exact !== undefined) return E.right(exact);
  const sameBase = [...plain.entries()].filter(([key]) => baseNameOf(key) === base);
  if (parameters.length === 0 && sameBase.length === 1)
    return E.right((sameBase[0] as [string, PluginOf<K>])[1]);
  if (parameters.length > 0 && sameBase.length === 1 && sameBase[0]?.[0] === base)
    return E.left(invalidArgument(`${written}: the ${kind} ${base} takes no parameters; write ${base}`));
  return unknown();
};

export const getActivation = (registry: Registry, name: string): E.Either<StepwiseError, Activation> =>
  getPlugin(registry, "activation", name);
export const getCost = (registry: Registry, name: string): E.Either<StepwiseError, Cost> =>
  getPlugin(registry, "cost", name);
export const getOptimizer = (
  registry: Registry,
  name: string,
): E.Either<StepwiseError, OptimizerDefinition> => getPlugin(registry, "optimizer", name);
