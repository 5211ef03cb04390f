import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const REPO = join(import.meta.dirname, "../../..");

/** Runs a TypeScript file of the repository with the workspace packages as source, like `pnpm stepwise`. */
export const runTs = (file: string, args: ReadonlyArray<string>): string => {
  const result = spawnSync(
    process.execPath,
    ["--conditions=@stepwise/source", "--import", "tsx", join(REPO, file), ...args],
    { cwd: REPO, encoding: "utf8" },
  );
  if (result.status !== 0)
    throw new Error(`${file} ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
};

/** The `stepwise` CLI of this checkout. */
export const stepwise = (args: ReadonlyArray<string>): string => runTs("packages/cli/src/main.ts", args);
