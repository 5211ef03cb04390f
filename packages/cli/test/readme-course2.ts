import { readFileSync } from "node:fs";

/*
 * The Course 2 commands as the root README lists them (its table of notebook runs): the README is what a
 * learner copies, so the CLI's tests run exactly those commands against the fixture.
 */

export interface ReadmeRun {
  /** The example's name, `opt-adam`. */
  readonly name: string;
  /** The notebook's call, as fixtures/course2-runs.json records it. */
  readonly call: string;
  /** The `stepwise train` flags of the command. */
  readonly cli: ReadonlyArray<string>;
}

const README = new URL("../../../README.md", import.meta.url);
const PNPM = "npx --yes pnpm@10.34.8";
const ROW = new RegExp(
  `^\\| \`(model\\(.*?\\))\` +\\| \`${PNPM} example ([\\w-]+)\` +\\| \`${PNPM} stepwise train ([^\`]+)\` +\\|`,
);

export const README_COURSE2_RUNS: ReadonlyArray<ReadmeRun> = readFileSync(README, "utf8")
  .split("\n")
  .flatMap((line) => {
    const row = ROW.exec(line);
    return row === null
      ? []
      : [{ call: row[1] as string, name: row[2] as string, cli: (row[3] as string).split(" ") }];
  });

export const readmeRun = (name: string): ReadmeRun => {
  const found = README_COURSE2_RUNS.find((r) => r.name === name);
  if (found === undefined) throw new Error(`the README lists no Course 2 run named ${name}`);
  return found;
};
