import {
  type Activation,
  type AnyPlugin,
  type Cost,
  isPluginFactory,
  type Optimizer,
  type OptimizerDefinition,
  type PluginFactory,
} from "@stepwise/core";
import { isStepwiseException } from "@stepwise/tensor";

/**
 * Plugins loaded from a module are code Stepwise did not write: when one throws, the user needs to know
 * which plugin, from where, in which call — `plugin "boom" (./boom.js) threw in forward: …` — not an
 * "unexpected error". Every function of such a plugin is wrapped so its exceptions carry that.
 */
export const PLUGIN_THREW = "PluginThrew";

export const isPluginThrew = (e: unknown): e is Error => e instanceof Error && e.name === PLUGIN_THREW;

const threw = (name: string, source: string, call: string, e: unknown): Error =>
  Object.assign(
    new Error(`plugin "${name}" (${source}) threw in ${call}: ${e instanceof Error ? e.message : String(e)}`),
    { name: PLUGIN_THREW },
  );

type AnyFunction = (...args: never[]) => unknown;

/** `fn` whose exceptions name the plugin; `passErrors` lets Stepwise's own errors through (validation). */
const guard = <F extends AnyFunction>(
  fn: F,
  self: unknown,
  name: string,
  source: string,
  call: string,
  passErrors = false,
): F =>
  ((...args: Parameters<F>) => {
    try {
      return fn.apply(self, args);
    } catch (e) {
      if (isPluginThrew(e) || (passErrors && isStepwiseException(e))) throw e;
      throw threw(name, source, call, e);
    }
  }) as F;

const guardOptimizer = (o: Optimizer, name: string, source: string): Optimizer =>
  Object.freeze({
    ...o,
    init: guard(o.init, o, name, source, "init"),
    update: guard(o.update, o, name, source, "update"),
    params: guard(o.params, o, name, source, "params"),
  });

/** The plugin with every function guarded (factories: what they create is guarded too). */
export const guardPlugin = (plugin: AnyPlugin, source: string): AnyPlugin => {
  if (isPluginFactory(plugin)) {
    const factory = plugin as PluginFactory;
    const create = guard(factory.create, factory, factory.name, source, "create", true);
    return Object.freeze({
      ...factory,
      create: (parameters: Readonly<Record<string, number>>) =>
        guardPlugin(create(parameters) as AnyPlugin, source),
    }) as AnyPlugin;
  }
  if (typeof plugin !== "object" || plugin === null || typeof plugin.meta !== "object") return plugin; // the registry says what is wrong
  const name = plugin.meta.name;
  switch (plugin.meta.kind) {
    case "activation": {
      const a = plugin as Activation;
      return Object.freeze({
        ...a,
        forward: guard(a.forward, a, name, source, "forward"),
        backward: guard(a.backward, a, name, source, "backward"),
      });
    }
    case "cost": {
      const c = plugin as Cost;
      return Object.freeze({
        ...c,
        compute_cost: guard(c.compute_cost, c, name, source, "compute_cost"),
        cost_backward: guard(c.cost_backward, c, name, source, "cost_backward"),
      });
    }
    default: {
      const d = plugin as OptimizerDefinition;
      const create = guard(d.create, d, name, source, "create", true);
      return Object.freeze({
        ...d,
        create: (...args: Parameters<OptimizerDefinition["create"]>) =>
          guardOptimizer(create(...args), name, source),
      });
    }
  }
};
