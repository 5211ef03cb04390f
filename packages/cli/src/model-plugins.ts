import { createRequire } from "node:module";
import { join } from "node:path";
import { getActivation, getCost, isRecord, type Registry } from "@stepwise/core";
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/** The names a package provides in this registry, by kind; empty when nothing of it is loaded. */
const namesFrom = (registry: Registry, kind: "activation" | "cost", pkg: string): ReadonlyArray<string> => {
  const plain = kind === "activation" ? registry.activations : registry.costs;
  return [
    ...[...plain.values()].filter((p) => p.meta.package === pkg).map((p) => p.meta.name),
    ...[...registry.factories[kind].values()].filter((f) => f.package === pkg).map((f) => f.name),
  ];
};

const installedAt = (pkg: string, cwd: string): string | undefined => {
  try {
    return createRequire(join(cwd, "noop.js")).resolve(pkg);
  } catch {
    return undefined;
  }
};

/**
 * Why a model's plugin cannot be found, when the library's "install <package>" would be wrong because the
 * package is installed: loaded but without that name (another version of it wrote the model), or
 * installed but not listed. Undefined when every plugin resolves, or the package really is missing.
 */
export const explainMissingPlugin = (
  modelText: string,
  registry: Registry,
  cwd: string,
): string | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(modelText);
  } catch {
    return undefined;
  }
  const plugins = isRecord(json) && isRecord(json["plugins"]) ? json["plugins"] : {};
  // `hidden` is one reference, or one per hidden layer.
  const hidden = plugins["hidden"];
  const refs: ReadonlyArray<readonly ["hidden" | "output" | "cost", unknown]> = [
    ...(Array.isArray(hidden) ? hidden : [hidden]).map((ref: unknown) => ["hidden", ref] as const),
    ["output", plugins["output"]],
    ["cost", plugins["cost"]],
  ];
  for (const [role, ref] of refs) {
    if (!isRecord(ref) || typeof ref["name"] !== "string" || typeof ref["package"] !== "string") continue;
    const name = ref["name"];
    const pkg = ref["package"];
    const kind = role === "cost" ? "cost" : "activation";
    const found: E.Either<StepwiseError, unknown> =
      kind === "cost" ? getCost(registry, name) : getActivation(registry, name);
    if (E.isRight(found)) continue;
    const needs = `the model needs the ${kind} "${name}" from ${pkg}`;
    const provided = namesFrom(registry, kind, pkg);
    if (provided.length > 0)
      return `${needs}; ${pkg} is installed and loaded, but it has no ${kind} "${name}" (it provides ${provided.join(", ")}${found.left._tag === "UnknownPlugin" ? "" : `; ${found.left.message}`}). The model was probably written with another version of ${pkg}: use the version that wrote it, or train the model again`;
    const path = installedAt(pkg, cwd);
    if (path !== undefined)
      return `${needs}; ${pkg} is installed (${path}) but not loaded: list it under "plugins" in stepwise.config.json (or pass --plugin ${pkg})`;
  }
  return undefined;
};
