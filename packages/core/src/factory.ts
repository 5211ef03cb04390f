import { invalidArgument, isStepwiseException, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { Activation } from "./activation.js";
import type { Cost } from "./cost.js";
import { adoptActivation, adoptCost } from "./foreign.js";
import type { OptimizerDefinition } from "./optimizer.js";
import type { PluginKind } from "./plugin.js";
import { formatParameterValue, formatPluginName, isBaseName } from "./plugin-name.js";
import { describeRange, inRange, type NumberRange } from "./range.js";

/** The plugin object of each kind. */
export type PluginOf<K extends PluginKind> = K extends "activation"
  ? Activation
  : K extends "cost"
    ? Cost
    : OptimizerDefinition;

/** Any registrable plugin object. */
export type Plugin = Activation | Cost | OptimizerDefinition;

/**
 * One numeric parameter of a {@link PluginFactory}: its default and the range it must lie in (Huber's
 * delta: `{ default: 1, greaterThan: 0 }`).
 */
export interface ParameterSpec extends NumberRange {
  readonly default: number;
  readonly description?: string;
}

/**
 * A parameterized plugin: `leaky_relu` with `alpha`, `huber` with `delta`. The registry parses
 * `leaky_relu(alpha=0.2)`, checks each value against its spec, fills in the defaults and calls `create`
 * with every parameter; the plugin it returns is named with the canonical string
 * (`leaky_relu(alpha=0.2)`), whatever `create` called it. `create` may throw a StepwiseError (via
 * `raise`) for combinations the specs cannot express.
 */
export interface PluginFactory<K extends PluginKind = PluginKind> {
  readonly kind: K;
  /** The base name, snake_case: `leaky_relu`. */
  readonly name: string;
  readonly description?: string;
  /** The npm package that provides it, so a model that needs it can name the package. */
  readonly package?: string;
  /** Declaration order is the order of the canonical name. */
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
  readonly create: (parameters: Readonly<Record<string, number>>) => PluginOf<K>;
}

/** What {@link definePluginFactory} takes: a factory whose `create` sees its parameters by name. */
export interface PluginFactorySpec<K extends PluginKind, P extends string> {
  readonly kind: K;
  readonly name: string;
  readonly description?: string;
  readonly package?: string;
  readonly parameters: Readonly<Record<P, ParameterSpec>>;
  readonly create: (parameters: Readonly<Record<P, number>>) => PluginOf<K>;
}

/**
 * Declares a factory with typed parameters: `create` receives every declared parameter (the registry
 * fills in defaults before calling it), so `({ alpha }) => leakyRelu({ alpha })` type-checks.
 *
 * ```ts
 * export const eluFactory = definePluginFactory({
 *   kind: "activation",
 *   name: "elu",
 *   package: "@stepwise/activation-elu",
 *   parameters: { alpha: { default: 1, min: 0 } },
 *   create: ({ alpha }) => elu({ alpha }),
 * });
 * ```
 */
export const definePluginFactory = <K extends PluginKind, const P extends string>(
  spec: PluginFactorySpec<K, P>,
): PluginFactory<K> =>
  Object.freeze({
    ...spec,
    parameters: Object.freeze({ ...spec.parameters }),
  }) as unknown as PluginFactory<K>;

/** Anything a plugin module may export in its `plugins` list. */
export type AnyPlugin =
  | Plugin
  | PluginFactory<"activation">
  | PluginFactory<"cost">
  | PluginFactory<"optimizer">;

const KINDS: ReadonlyArray<PluginKind> = ["activation", "cost", "optimizer"];

/** A plain object (not null, not an array): the first question about any value read from outside. */
export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u);

/** A factory has `kind`, `name`, `parameters` and `create` and no `meta`; a plugin has `meta`. */
export const isPluginFactory = (u: unknown): u is PluginFactory =>
  isRecord(u) && !("meta" in u) && "parameters" in u && typeof u["create"] === "function";

/** The kind of a plugin or factory. */
export const kindOf = (p: AnyPlugin): PluginKind => (isPluginFactory(p) ? p.kind : p.meta.kind);

/** The name a plugin or factory is registered under: `relu`, or a factory's base name `leaky_relu`. */
export const nameOf = (p: AnyPlugin): string => (isPluginFactory(p) ? p.name : p.meta.name);

/** The package a plugin or factory says it comes from. */
export const packageOf = (p: AnyPlugin): string | undefined =>
  isPluginFactory(p) ? p.package : p.meta.package;

/** `alpha (a number ≥ 0, default 0.01)`, one per parameter, for messages and `--help`. */
export const describeParameters = (factory: PluginFactory): string =>
  Object.entries(factory.parameters)
    .map(([key, spec]) => `${key} (${describeRange(spec)}, default ${formatParameterValue(spec.default)})`)
    .join(", ") || "none";

/**
 * Checks the parameters given in a name against the factory's specs and fills in the defaults.
 * The result has every parameter, in declaration order.
 */
export const resolveParameters = (
  factory: PluginFactory,
  given: ReadonlyArray<readonly [string, number]>,
  written: string = formatPluginName(factory.name, given),
): E.Either<StepwiseError<"InvalidArgument">, Readonly<Record<string, number>>> => {
  const specs = factory.parameters;
  const keys = Object.keys(specs);
  for (const [key, value] of given) {
    const spec = specs[key];
    if (spec === undefined)
      return E.left(
        invalidArgument(
          keys.length === 0
            ? `${written}: ${factory.name} takes no parameters; write ${factory.name}`
            : `${written}: ${factory.name} has no parameter "${key}"; its parameters: ${describeParameters(factory)}`,
        ),
      );
    if (!inRange(spec, value))
      return E.left(
        invalidArgument(
          `${written}: ${key} must be ${describeRange(spec)}, got ${formatParameterValue(value)} (default ${formatParameterValue(spec.default)})`,
        ),
      );
  }
  const values = new Map(given);
  return E.right(
    Object.freeze(Object.fromEntries(keys.map((key) => [key, values.get(key) ?? specs[key]?.default ?? 0]))),
  );
};

/** The canonical name of a factory's plugin: every parameter, in declaration order. */
export const factoryPluginName = (
  factory: PluginFactory,
  parameters: Readonly<Record<string, number>>,
): string =>
  formatPluginName(
    factory.name,
    Object.keys(factory.parameters).map((key) => [key, parameters[key] ?? Number.NaN] as const),
  );

/**
 * Builds the plugin for fully resolved parameters. A throwing `create` becomes an error value; the
 * plugin returned is named canonically (and carries the factory's package when it names none).
 */
export const instantiate = <K extends PluginKind>(
  factory: PluginFactory<K>,
  parameters: Readonly<Record<string, number>>,
): E.Either<StepwiseError, PluginOf<K>> => {
  const name = factoryPluginName(factory, parameters);
  let plugin: PluginOf<K>;
  try {
    plugin = factory.create(parameters);
  } catch (thrown) {
    if (isStepwiseException(thrown)) return E.left(thrown.error);
    return E.left(
      invalidArgument(
        `${name}: the plugin factory failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
      ),
    );
  }
  if (!isRecord(plugin) || !isRecord(plugin.meta) || plugin.meta.kind !== factory.kind)
    return E.left(
      invalidArgument(
        `${name}: the factory "${factory.name}" (${factory.kind}) did not return a ${factory.kind} plugin`,
      ),
    );
  if (plugin.meta.name === name && (plugin.meta.package !== undefined || factory.package === undefined))
    return E.right(plugin);
  const meta = Object.freeze({
    ...plugin.meta,
    name,
    ...(plugin.meta.package === undefined && factory.package !== undefined
      ? { package: factory.package }
      : {}),
  });
  return E.right(Object.freeze({ ...plugin, meta }) as unknown as PluginOf<K>);
};

/**
 * The plugin a factory makes with the parameters given by name, the others at their defaults: what the
 * registry makes of `leaky_relu(alpha=0.2)`, for code that holds the factory (`pluginWith(adam, { beta1:
 * 0.8 })`). Unknown names and values out of range are errors that say so.
 */
export const pluginWith = <K extends PluginKind>(
  factory: PluginFactory<K>,
  given: Readonly<Record<string, number>> = {},
): E.Either<StepwiseError, PluginOf<K>> =>
  E.flatMap((parameters: Readonly<Record<string, number>>) => instantiate(factory, parameters))(
    resolveParameters(factory, Object.entries(given)),
  );

/** The problems with a factory's own declaration (bad base name, a default outside its range), if any. */
export const checkFactory = (factory: PluginFactory): E.Either<StepwiseError<"InvalidArgument">, void> => {
  if (!isBaseName(factory.name))
    return E.left(
      invalidArgument(
        `plugin factory "${factory.name}": its name must be a snake_case base name such as leaky_relu`,
      ),
    );
  for (const [key, spec] of Object.entries(factory.parameters)) {
    if (!isBaseName(key))
      return E.left(invalidArgument(`plugin factory ${factory.name}: parameter "${key}" must be snake_case`));
    if (!inRange(spec, spec.default))
      return E.left(
        invalidArgument(
          `plugin factory ${factory.name}: the default ${key}=${formatParameterValue(spec.default)} is outside its own range (${describeRange(spec)})`,
        ),
      );
  }
  return E.right(undefined);
};

const functions = (u: Record<string, unknown>, keys: ReadonlyArray<string>): boolean =>
  keys.every((k) => typeof u[k] === "function");

/** A foreign plugin whose matrix results land on their inputs' backend (foreign.ts). */
const adoptPlugin = <P extends Plugin>(plugin: P): P => {
  if (!isRecord(plugin) || !isRecord(plugin.meta)) return plugin; // instantiate reports what is wrong
  if (plugin.meta.kind === "activation") return adoptActivation(plugin as Activation) as P;
  if (plugin.meta.kind === "cost") return adoptCost(plugin as Cost) as P;
  return plugin;
};

/**
 * Checks that a value from outside (a plugin module's export) is a plugin or a plugin factory, and says
 * what is missing when it is not. `where` names it in the message: `plugins[2] of ./my-plugin.js`.
 * Activations and costs come back adopted: their results land on their inputs' backend (foreign.ts).
 */
export const asPlugin = (
  u: unknown,
  where: string,
): E.Either<StepwiseError<"InvalidArgument">, AnyPlugin> => {
  const bad = (problem: string) =>
    E.left(
      invalidArgument(
        `${where} is not a Stepwise plugin: ${problem}. A plugin is an activation ({ meta, forward, backward }), a cost ({ meta, compute_cost, cost_backward }), an optimizer definition ({ meta, linearInGradient, create }) or a plugin factory ({ kind, name, parameters, create })`,
      ),
    );
  if (!isRecord(u)) return bad(`it is ${u === null ? "null" : typeof u}`);
  if (isPluginFactory(u)) {
    if (!KINDS.includes(u.kind)) return bad(`its kind is ${JSON.stringify(u.kind)}`);
    if (typeof u.name !== "string") return bad("its name is not a string");
    if (!isRecord(u.parameters)) return bad("its parameters are not an object");
    for (const [key, spec] of Object.entries(u.parameters as Record<string, unknown>))
      if (!isRecord(spec) || typeof spec["default"] !== "number")
        return bad(`parameter ${key} has no numeric default`);
    const checked = checkFactory(u);
    if (E.isLeft(checked)) return E.left(checked.left);
    const factory = u as PluginFactory;
    const adopted: PluginFactory = Object.freeze({
      ...factory,
      create: (parameters: Readonly<Record<string, number>>) => adoptPlugin(factory.create(parameters)),
    });
    return E.right(adopted as AnyPlugin);
  }
  const meta = u["meta"];
  if (!isRecord(meta)) return bad("it has no meta");
  if (typeof meta["name"] !== "string") return bad("meta.name is not a string");
  switch (meta["kind"]) {
    case "activation":
      return functions(u, ["forward", "backward"])
        ? E.right(adoptActivation(u as unknown as Activation))
        : bad("forward or backward is missing");
    case "cost":
      return functions(u, ["compute_cost", "cost_backward"])
        ? E.right(adoptCost(u as unknown as Cost))
        : bad("compute_cost or cost_backward is missing");
    case "optimizer":
      return functions(u, ["create"]) && typeof u["linearInGradient"] === "boolean"
        ? E.right(u as unknown as OptimizerDefinition)
        : bad("create or linearInGradient is missing");
    default:
      return bad(`meta.kind is ${JSON.stringify(meta["kind"])}, not "activation", "cost" or "optimizer"`);
  }
};
