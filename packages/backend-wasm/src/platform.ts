/**
 * What differs between Node and browsers: the core count, reading the .wasm, and starting a worker. Two
 * implementations, picked by package.json `imports["#platform"]` conditions, not at run time: `node`
 * resolves to platform-node.ts (static `node:` imports, so it works on every Node 20 release), every
 * other environment (bundlers for the browser) to platform-browser.ts, which imports nothing from Node.
 */
export interface Platform {
  /** The cores this process may use: `os.availableParallelism()` in Node, `hardwareConcurrency` in a browser. */
  readonly availableCores: () => number;
  /** Whether the file exists (always true in a browser, where only fetching can tell). */
  readonly fileExists: (url: URL) => boolean;
  /**
   * The bytes at a location. A URL, or a string: in Node a file path or an absolute URL (file:, http(s):),
   * in a browser anything `fetch` takes (relative strings resolve against the page or worker).
   */
  readonly readBytes: (location: URL | string) => Promise<Uint8Array>;
  /** Starts a worker running `source` (see worker-source.ts). */
  readonly spawnThread: (
    source: string,
    onMessage: (message: unknown) => void,
    onError: (error: unknown) => void,
  ) => Thread;
}

export interface Thread {
  readonly post: (message: unknown) => void;
  /** Lets the process exit while this thread sleeps (Node); call once it has started. */
  readonly detach: () => void;
  readonly terminate: () => Promise<void>;
}

/** How every error about a location names it. */
export const describeLocation = (location: URL | string): string =>
  typeof location === "string" ? location : location.href;
