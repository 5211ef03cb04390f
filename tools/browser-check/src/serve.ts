import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const TYPES: Readonly<Record<string, string>> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  wasm: "application/wasm",
  map: "application/json",
};

/** The two headers that make a page cross-origin isolated, so it may use SharedArrayBuffer. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export interface Server {
  /** `http://127.0.0.1:<port>`; files are at `/coi/<name>` (with the isolation headers) and `/plain/<name>`. */
  readonly origin: string;
  readonly close: () => Promise<void>;
}

/**
 * Serves `files` on 127.0.0.1 (a free port): under `/coi/` with COOP/COEP, under `/plain/` without, so one
 * server shows both an isolated page and one that is not.
 */
export const serveFiles = async (files: ReadonlyMap<string, Uint8Array>): Promise<Server> => {
  const server = createServer((request, response) => {
    const [, mode, name] = /^\/(coi|plain)\/([^?]*)/.exec(request.url ?? "") ?? [];
    const body = name === undefined ? undefined : files.get(name);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[name?.split(".").pop() ?? ""] ?? "application/octet-stream",
      "Cache-Control": "no-store",
      ...(mode === "coi" ? ISOLATION_HEADERS : {}),
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e === undefined ? resolve() : reject(e)));
      }),
  };
};
