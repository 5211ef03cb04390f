import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import type { PageResult } from "../page/messages.js";
import { serveFiles } from "./serve.js";

export type { PageResult, WorkerResult } from "../page/messages.js";

/** Debian's `chromium` package (`apt-get install -y chromium`). */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** The flags the headless runs use: no sandbox (root in a container), no GPU, no network of its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export interface PageRun {
  /** Serve with `Cross-Origin-Opener-Policy` / `Cross-Origin-Embedder-Policy` (default true). */
  readonly isolated?: boolean;
  /** Passed to `createWasmBackend` in the worker; unset lets the runtime choose. */
  readonly fusedMultiplyAdd?: boolean;
}

export interface BrowserCheckOptions {
  /** The pages to load; default one isolated page on the plain SIMD build. */
  readonly pages?: ReadonlyArray<PageRun>;
  readonly executablePath?: string;
  /** Export conditions for bundling; default `["@stepwise/source"]`. `[]` bundles built packages (dist/). */
  readonly conditions?: ReadonlyArray<string>;
  /** Extra folders to resolve `@stepwise/*` from, e.g. a consumer project's node_modules. */
  readonly nodePaths?: ReadonlyArray<string>;
  /**
   * The folder holding the page's main.ts and worker.ts (default this package's page/). A copy of page/
   * (and src/tiny-run.ts beside it) inside a consumer project resolves every import from that project.
   */
  readonly pageDir?: string;
  /** Per page, default 120 s. */
  readonly timeoutMs?: number;
  /** Console lines of the pages and workers, for diagnosis. */
  readonly log?: (line: string) => void;
}

export interface BrowserCheckResult {
  readonly browser: string;
  /** The bundle's files and sizes (main.js, worker.js, the two .wasm files). */
  readonly files: ReadonlyArray<{ readonly name: string; readonly bytes: number }>;
  readonly pages: ReadonlyArray<{ readonly run: PageRun; readonly url: string; readonly result: PageResult }>;
}

const pageDir = fileURLToPath(new URL("../page/", import.meta.url));

const INDEX_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Stepwise browser check</title></head>
<body>running…<script type="module" src="./main.js"></script></body></html>
`;

/** Bundles page/main.ts and page/worker.ts as an app would: esbuild, `--loader:.wasm=file`. */
export const bundlePage = async (
  options: Pick<BrowserCheckOptions, "conditions" | "nodePaths" | "pageDir"> = {},
): Promise<ReadonlyMap<string, Uint8Array>> => {
  const dir = options.pageDir ?? pageDir;
  const result = await build({
    entryPoints: [join(dir, "main.ts"), join(dir, "worker.ts")],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    outdir: "/bundle",
    assetNames: "[name]-[hash]",
    loader: { ".wasm": "file" },
    conditions: [...(options.conditions ?? ["@stepwise/source"])],
    nodePaths: [...(options.nodePaths ?? [])],
    logLevel: "silent",
  });
  return new Map([
    ["index.html", new TextEncoder().encode(INDEX_HTML)],
    ...result.outputFiles.map((f) => [basename(f.path), f.contents] as const),
  ]);
};

/**
 * Bundles the page, serves it on 127.0.0.1 and loads it in headless Chromium once per `pages` entry; each
 * page trains the tiny network of src/tiny-run.ts on the wasm backend inside a Web Worker and reports
 * its costs (or the backend's error message). Throws when Chromium is missing or a page never reports.
 */
export const runBrowserCheck = async (options: BrowserCheckOptions = {}): Promise<BrowserCheckResult> => {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath))
    throw new Error(
      `runBrowserCheck: no Chromium at ${executablePath}; install it with: apt-get install -y chromium`,
    );
  const files = await bundlePage(options);
  const server = await serveFiles(files);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, chromiumSandbox: false });
  try {
    const pages = [];
    for (const run of options.pages ?? [{ isolated: true, fusedMultiplyAdd: false }]) {
      const query = run.fusedMultiplyAdd === undefined ? "" : `?fused=${run.fusedMultiplyAdd ? 1 : 0}`;
      const url = `${server.origin}/${run.isolated === false ? "plain" : "coi"}/index.html${query}`;
      const page = await browser.newPage();
      page.on("console", (m) => options.log?.(`[${url}] ${m.type()}: ${m.text()}`));
      page.on("pageerror", (e) => options.log?.(`[${url}] page error: ${e.message}`));
      try {
        await page.goto(url);
        const handle = await page.waitForFunction(
          () => (globalThis as unknown as { __stepwise?: PageResult }).__stepwise,
          undefined,
          { timeout: options.timeoutMs ?? 120_000 },
        );
        pages.push({ run, url, result: (await handle.jsonValue()) as PageResult });
      } finally {
        await page.close();
      }
    }
    return {
      browser: `Chromium ${browser.version()}`,
      files: [...files].map(([name, bytes]) => ({ name, bytes: bytes.length })),
      pages,
    };
  } finally {
    await browser.close();
    await server.close();
  }
};
