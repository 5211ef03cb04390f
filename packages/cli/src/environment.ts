import { dirname } from "node:path";

/**
 * File-system failures are the environment's, not Stepwise's: said in words, with the path and what to
 * do, instead of "unexpected error … please report it".
 */
const WORDS: Readonly<Record<string, (path: string) => string>> = {
  EACCES: (path) =>
    `permission denied (EACCES): you may not write in ${dirname(path)}; choose another --out, or change that folder's permissions`,
  EPERM: (path) =>
    `operation not permitted (EPERM) in ${dirname(path)}; choose another --out, or change that folder's permissions`,
  EROFS: (path) => `${path} is on a read-only file system (EROFS); choose another --out`,
  ENOSPC: (path) =>
    `no space left on the device that holds ${path} (ENOSPC); free some space or choose another --out`,
  EDQUOT: (path) => `the disk quota for ${path} is used up (EDQUOT); free some space or choose another --out`,
  ENOTDIR: (path) => `a part of ${path} is a file, not a folder (ENOTDIR); choose another --out`,
  EISDIR: (path) => `${path} is a folder, where a file was expected (EISDIR)`,
  ENAMETOOLONG: (path) => `the path ${path} is too long (ENAMETOOLONG); choose a shorter --out`,
  EMFILE: () => "too many open files (EMFILE); close other programs or raise the limit (ulimit -n)",
};

interface SystemError {
  readonly code: string;
  readonly path?: string;
  readonly message: string;
}

/** A Node system error (EACCES, ENOSPC, …), the kind the environment causes. */
export const asSystemError = (e: unknown): SystemError | undefined => {
  if (!(e instanceof Error)) return undefined;
  const { code, path } = e as { code?: unknown; path?: unknown };
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return undefined;
  return { code, message: e.message, ...(typeof path === "string" ? { path } : {}) };
};

/** `cannot create the run folder /x/run: permission denied (EACCES): …`. */
export const environmentProblem = (e: unknown, doing: string, path: string): string => {
  const system = asSystemError(e);
  if (system === undefined) return `cannot ${doing} ${path}: ${e instanceof Error ? e.message : String(e)}`;
  const words = WORDS[system.code];
  return `cannot ${doing} ${path}: ${words === undefined ? system.message : words(system.path ?? path)}`;
};
