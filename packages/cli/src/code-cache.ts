import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";

/*
 * V8's code cache for a script the CLI compiles itself (Vega's single-file build): the bytecode of every
 * function the last run compiled, so the next run neither parses the file nor compiles those functions
 * again. V8 checks the cache against the source and its own version and flags, and rejects one that does
 * not fit; a rejected, unreadable or unwritable cache only means compiling as usual, never an error.
 */

/** $STEPWISE_CACHE_DIR, else $XDG_CACHE_HOME/stepwise, else ~/.cache/stepwise. */
export const cacheDir = (env: Readonly<Record<string, string | undefined>> = process.env): string =>
  env["STEPWISE_CACHE_DIR"] || join(env["XDG_CACHE_HOME"] || join(homedir(), ".cache"), "stepwise");

export interface CachedScript {
  readonly script: Script;
  /** True when V8 took the cached code. */
  readonly fromCache: boolean;
  /**
   * Writes the cache when there was none or V8 rejected it. Call it after running the code, so the
   * functions the run compiled are in it; later calls do nothing.
   */
  readonly save: () => void;
}

const readCache = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
};

/** Compiles `source` (named `filename` in stack traces) with the cache file `<name>-<node>-<arch>.v8`. */
export const compileWithCache = (
  source: string,
  filename: string,
  name: string,
  dir: string = cacheDir(),
): CachedScript => {
  const file = join(dir, `${name}-${process.version}-${process.arch}.v8`);
  const cachedData = readCache(file);
  const script = new Script(source, { filename, ...(cachedData === undefined ? {} : { cachedData }) });
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  let saved = fromCache;
  return {
    script,
    fromCache,
    save: () => {
      if (saved) return;
      saved = true;
      try {
        mkdirSync(dir, { recursive: true });
        // Through a rename, so a run starting meanwhile reads the old cache or the new one, never half.
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, file);
      } catch {
        // A cache that cannot be written is no cache.
      }
    },
  };
};
