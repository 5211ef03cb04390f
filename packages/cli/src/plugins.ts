import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type AnyPlugin,
  asPlugin,
  baseNameOf,
  closestName,
  isRecord,
  kindOf,
  makeRegistry,
  nameOf,
  type Registry,
} from "@stepwise/core";
import * as E from "fp-ts/lib/Either.js";
import { type CliFailure, runtimeFailure, usageFailure } from "./cli-error.js";
import { guardPlugin } from "./plugin-guard.js";

/**
 * Plugins beyond the built-in ones come from two explicit lists, never from scanning folders:
 * `stepwise.config.json` in the directory stepwise runs in, `{ "plugins": ["@scope/pkg", "./local/plugin.js"] }`,
 * and `--plugin <package or path>` (repeatable). A plugin module exports its plugins as
 * `export const plugins = [...]` (activations, costs, optimizer definitions and plugin factories, mixed),
 * or as its default export (the array, or an object with `plugins`).
 */
export const CONFIG_FILE = "stepwise.config.json";

const CONFIG_SHAPE = `it should look like { "plugins": ["@scope/stepwise-plugin", "./local/plugin.js"] }`;

/** Where a plugin module was named, for messages: `"./x.js" (stepwise.config.json)`. */
export interface PluginSource {
  readonly specifier: string;
  /** Relative paths are resolved against it (the config file's folder, or the working directory). */
  readonly baseDir: string;
  readonly origin: typeof CONFIG_FILE | "--plugin";
}

const label = (s: PluginSource): string => `"${s.specifier}" (${s.origin})`;

/** Reads `stepwise.config.json` in `cwd`, if there is one. Every problem is a usage error (exit 2). */
export const readPluginConfig = async (
  cwd: string,
): Promise<E.Either<CliFailure, ReadonlyArray<PluginSource>>> => {
  const path = join(cwd, CONFIG_FILE);
  if (!existsSync(path)) return E.right([]);
  const fail = (problem: string) => E.left(usageFailure(`${path}: ${problem}; ${CONFIG_SHAPE}`));
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    return fail(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(json))
    return fail(`expected an object, got ${Array.isArray(json) ? "an array" : JSON.stringify(json)}`);
  const unknown = Object.keys(json).filter((k) => k !== "plugins" && k !== "$schema");
  if (unknown.length > 0) {
    const [first = ""] = unknown;
    const suggestion = closestName(first, ["plugins"]);
    return fail(
      `unknown key "${first}"${suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`}`,
    );
  }
  const plugins = json["plugins"] ?? [];
  if (!Array.isArray(plugins)) return fail(`"plugins" must be an array, got ${JSON.stringify(plugins)}`);
  const bad = plugins.findIndex((p) => typeof p !== "string" || p.trim() === "");
  if (bad >= 0)
    return fail(`plugins[${bad}] must be a package name or a path, got ${JSON.stringify(plugins[bad])}`);
  return E.right(
    (plugins as string[]).map((specifier) => ({ specifier, baseDir: cwd, origin: CONFIG_FILE })),
  );
};

const isPath = (specifier: string): boolean =>
  specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || isAbsolute(specifier);

/** The entry file of a package directory: its `exports` (resolved as the package itself), else `main`. */
const packageEntry = (dir: string): string => {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    name?: string;
    exports?: unknown;
    main?: string;
  };
  if (pkg.exports !== undefined && typeof pkg.name === "string")
    return createRequire(join(dir, "package.json")).resolve(pkg.name); // a package may import itself by name
  return createRequire(join(dir, "package.json")).resolve(`./${pkg.main ?? "index.js"}`);
};

/** Resolves a specifier to a file, like `import` would from `baseDir`; the message says where it looked. */
export const resolvePluginModule = (source: PluginSource): E.Either<CliFailure, string> => {
  const { specifier, baseDir } = source;
  if (isPath(specifier)) {
    const path = resolve(baseDir, specifier);
    if (!existsSync(path))
      return E.left(usageFailure(`plugin ${label(source)} not found: there is no ${path}`));
    try {
      return E.right(statSync(path).isDirectory() ? packageEntry(path) : path);
    } catch (e) {
      const missing = /Cannot find module '([^']+)'/.exec(e instanceof Error ? e.message : "")?.[1];
      if (missing?.startsWith(path) === true)
        return E.left(
          usageFailure(
            `plugin ${label(source)}: ${path}'s package.json points at ${missing.slice(path.length + 1)}, which does not exist; build the package first (in this repository: pnpm turbo run build --filter <its name>), or run the CLI on the sources with pnpm stepwise:source`,
          ),
        );
      return E.left(
        usageFailure(
          `plugin ${label(source)}: ${path} is a folder without a usable package.json (${e instanceof Error ? e.message : String(e)})`,
        ),
      );
    }
  }
  try {
    return E.right(createRequire(join(baseDir, "noop.js")).resolve(specifier));
  } catch (e) {
    const code = isRecord(e) ? e["code"] : undefined;
    return E.left(
      usageFailure(
        code === "MODULE_NOT_FOUND"
          ? `plugin ${label(source)} not found: no package "${specifier}" is installed in ${baseDir} or a folder above it; install it (pnpm add ${specifier}) or fix the name`
          : `plugin ${label(source)} cannot be resolved: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }
};

/** The plugin list a module exports: `plugins`, or the default export (the list, or `{ plugins }`). */
const exportedPlugins = (module: Record<string, unknown>): unknown => {
  if (module["plugins"] !== undefined) return module["plugins"];
  const fallback = module["default"];
  if (Array.isArray(fallback)) return fallback;
  if (isRecord(fallback) && fallback["plugins"] !== undefined) return fallback["plugins"];
  return undefined;
};

export interface LoadedPlugins {
  readonly source: PluginSource;
  readonly file: string;
  readonly plugins: ReadonlyArray<AnyPlugin>;
}

/** Imports one plugin module and checks what it exports. */
export const loadPluginModule = async (
  source: PluginSource,
): Promise<E.Either<CliFailure, LoadedPlugins>> => {
  const file = resolvePluginModule(source);
  if (E.isLeft(file)) return file;
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file.right).href)) as Record<string, unknown>;
  } catch (e) {
    return E.left(
      runtimeFailure(
        `plugin ${label(source)} failed to load from ${file.right}: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }
  const list = exportedPlugins(module);
  if (list === undefined)
    return E.left(
      usageFailure(
        `plugin ${label(source)} exports no plugins: a plugin module has \`export const plugins = [...]\` (activations, costs, optimizers or plugin factories); ${file.right} exports ${Object.keys(module).join(", ") || "nothing"}`,
      ),
    );
  if (!Array.isArray(list) || list.length === 0)
    return E.left(
      usageFailure(
        `plugin ${label(source)}: its \`plugins\` export must be a non-empty array of plugins, got ${Array.isArray(list) ? "[]" : typeof list}`,
      ),
    );
  const plugins: AnyPlugin[] = [];
  for (const [i, u] of list.entries()) {
    const checked = asPlugin(u, `plugins[${i}] of ${label(source)}`);
    if (E.isLeft(checked)) return E.left(usageFailure(checked.left.message));
    plugins.push(checked.right);
  }
  return E.right({ source, file: file.right, plugins });
};

interface Provided {
  readonly from: string;
  readonly plugins: ReadonlyArray<AnyPlugin>;
}

const clashesWith = (plugin: AnyPlugin, earlier: ReadonlyArray<Provided>): string | undefined =>
  earlier.find((p) =>
    p.plugins.some(
      (q) => kindOf(q) === kindOf(plugin) && baseNameOf(nameOf(q)) === baseNameOf(nameOf(plugin)),
    ),
  )?.from;

/**
 * The registry for one run: the built-in plugins, then those of `stepwise.config.json`, then each
 * `--plugin`. A module named twice is loaded once, and a plugin object already registered (a built-in
 * package named again) is not registered twice; two different plugins claiming one name are an error that
 * names both sources.
 */
export const buildRegistry = async (
  builtins: ReadonlyArray<AnyPlugin>,
  options: { readonly cwd: string; readonly plugins: ReadonlyArray<string> },
): Promise<E.Either<CliFailure, Registry>> => {
  const config = await readPluginConfig(options.cwd);
  if (E.isLeft(config)) return config;
  const sources: ReadonlyArray<PluginSource> = [
    ...config.right,
    ...options.plugins.map((specifier) => ({ specifier, baseDir: options.cwd, origin: "--plugin" as const })),
  ];
  const provided: Provided[] = [{ from: "the built-in plugins", plugins: builtins }];
  const seenFiles = new Set<string>();
  const seen = new Set<AnyPlugin>(builtins);
  for (const source of sources) {
    const loaded = await loadPluginModule(source);
    if (E.isLeft(loaded)) return loaded;
    if (seenFiles.has(loaded.right.file)) continue;
    seenFiles.add(loaded.right.file);
    const unseen = loaded.right.plugins.filter((p) => !seen.has(p));
    for (const p of unseen) seen.add(p);
    const fresh = unseen.map((p) => guardPlugin(p, source.specifier));
    const attempt = makeRegistry({ plugins: [...provided.flatMap((p) => p.plugins), ...fresh] });
    if (E.isLeft(attempt)) {
      const other = fresh.map((p) => clashesWith(p, provided)).find((x) => x !== undefined);
      return E.left(
        usageFailure(
          `plugin ${label(source)}: ${attempt.left.message}${other === undefined ? "" : `; it clashes with ${other}`}`,
        ),
      );
    }
    provided.push({ from: label(source), plugins: fresh });
  }
  const registry = makeRegistry({ plugins: provided.flatMap((p) => p.plugins) });
  return E.isLeft(registry) ? E.left(usageFailure(registry.left.message)) : E.right(registry.right);
};
