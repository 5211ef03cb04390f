/**
 * TEMPORARY (until the browser-safe packages land: `@stepwise/data` and `@stepwise/model` then keep their
 * file I/O behind `/node` entries). Today their main entries import `node:fs/promises`, `node:crypto` and
 * `node:path` at the top, for functions the playground never calls (saveModel, readH5 from a path, the
 * checksum of a download). vite.config.ts aliases those modules here so the bundle links; calling any of
 * them in a browser throws and says why.
 */
const browserHasNo =
  (name: string) =>
  (..._args: ReadonlyArray<unknown>): never => {
    throw new Error(`${name} is a Node.js function; the Stepwise Playground cannot call it in a browser`);
  };

export const readFile = browserHasNo("readFile");
export const writeFile = browserHasNo("writeFile");
export const rename = browserHasNo("rename");
export const rm = browserHasNo("rm");
export const mkdir = browserHasNo("mkdir");
export const stat = browserHasNo("stat");
export const createHash = browserHasNo("createHash");
export const randomUUID = browserHasNo("randomUUID");
export const join = (...parts: ReadonlyArray<string>): string => parts.join("/");
export const resolve = join;
export const basename = (path: string): string => path.slice(path.lastIndexOf("/") + 1);
export const dirname = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf("/")));
