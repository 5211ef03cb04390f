import { build, type Message } from "esbuild";

/** What bundling one entry for the browser found. */
export interface BrowserBundle {
  /** esbuild's errors (an unresolved `node:` module is one), as "file:line: text". */
  readonly errors: ReadonlyArray<string>;
  /** Imports left in the bundle that name a Node builtin (`node:fs`, `fs`, …); must be empty. */
  readonly nodeImports: ReadonlyArray<string>;
  readonly bytes: number;
}

export interface BundleOptions {
  /** Package export conditions; default `["@stepwise/source"]` (bundles the TypeScript sources, fast). */
  readonly conditions?: ReadonlyArray<string>;
  /** Extra folders to resolve packages from (a consumer project's node_modules). */
  readonly nodePaths?: ReadonlyArray<string>;
}

const describe = (m: Message): string =>
  m.location === null ? m.text : `${m.location.file}:${m.location.line}: ${m.text}`;

/** Node's builtins by the names a browser bundle may meet them (the `node:` prefix, or bare). */
const NODE_BUILTIN =
  /^(node:.*|assert|buffer|child_process|crypto|events|fs|fs\/promises|http|https|net|os|path|process|stream|url|util|worker_threads|zlib)$/;

/**
 * Bundles `entry` as a browser would get it (`--bundle --platform=browser --format=esm`), in memory.
 * esbuild refuses `node:` modules for the browser platform, so each one is an error here.
 */
export const bundleForBrowser = async (
  entry: string,
  options: BundleOptions = {},
): Promise<BrowserBundle> => {
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
      conditions: [...(options.conditions ?? ["@stepwise/source"])],
      nodePaths: [...(options.nodePaths ?? [])],
      loader: { ".wasm": "file" },
      outdir: "out",
    });
    const nodeImports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.filter((i) => i.external && NODE_BUILTIN.test(i.path)).map((i) => i.path),
    );
    return {
      errors: result.errors.map(describe),
      nodeImports: [...new Set(nodeImports)],
      bytes: result.outputFiles.reduce((n, f) => n + f.contents.length, 0),
    };
  } catch (e) {
    const errors = (e as { readonly errors?: ReadonlyArray<Message> }).errors;
    if (errors === undefined) throw e;
    return { errors: errors.map(describe), nodeImports: [], bytes: 0 };
  }
};
