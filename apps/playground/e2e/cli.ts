import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
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
export const stepwise = (args: ReadonlyArray<string>): string => runTs("packages/cli/src/bin.ts", args);

/**
 * Runs a program the page exported, placed inside the app so its imports find the workspace packages,
 * and returns the metrics it writes.
 */
export const runProgram = (
  downloaded: string,
  name: string,
  args: ReadonlyArray<string> = [],
): {
  readonly costs: ReadonlyArray<number>;
  readonly train_accuracy: number;
  readonly test_accuracy: number | null;
} => {
  const dir = join(REPO, "apps/playground/.programs");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.ts`);
  copyFileSync(downloaded, file);
  const metrics = join(dir, `${name}.json`);
  runTs(`apps/playground/.programs/${name}.ts`, [...args, "--metrics", metrics]);
  return JSON.parse(readFileSync(metrics, "utf8"));
};

/**
 * The largest absolute difference between two cost curves of equal length. A page and Node agree to the
 * last bits, not bit for bit: Chromium 156's V8 and Node 20's V8 round Math.exp and Math.log differently
 * in the last place for about one argument in ten (measured on 20,000 arguments: exp 2090, log 1160,
 * expm1 34, log1p 9, tanh 1), and training carries those ulps along.
 */
export const worstDifference = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number =>
  a.length !== b.length
    ? Number.POSITIVE_INFINITY
    : Math.max(0, ...a.map((x, i) => Math.abs(x - (b[i] as number))));
