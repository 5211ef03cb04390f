/**
 * Speed as the user waits for it: whole-process wall time, start-up and data loading included, of the
 * `stepwise train` runs a user starts, against the numpy reference's whole process measured in the same
 * run (`python3 reference/ng_reference.py`). Contenders are interleaved, each repeated; medians.
 *
 *   pnpm bench:whole [--reps 3] [--primal-iters 600]
 *
 * Rows: the default `stepwise train` (2500 iterations, auto plan, default backend) against numpy's 2500;
 * the same through the README's `npx pnpm train`; and the wasm primal plan at --primal-iters against
 * numpy at as many. Timing only: nothing here is asserted by a test.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { describeMachine, load } from "./machine.js";
import { referenceScript } from "./numpy.js";

const root = new URL("../../../", import.meta.url).pathname;
const dataDir = join(root, "datasets/catvnoncat");

const { values } = parseArgs({
  options: {
    reps: { type: "string", default: "3" },
    "primal-iters": { type: "string", default: "600" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(`pnpm bench:whole [--reps 3] [--primal-iters 600]
  --reps N           runs of each contender, interleaved (default 3); the table shows medians
  --primal-iters N   iterations of the wasm primal row and its numpy twin (default 600)`);
  process.exit(0);
}
const reps = Number(values.reps);
const primalIters = Number(values["primal-iters"]);
if (!Number.isInteger(reps) || reps < 1 || !Number.isInteger(primalIters) || primalIters < 1) {
  console.error("bench:whole: --reps and --primal-iters take positive integers");
  process.exit(2);
}

interface Contender {
  readonly name: string;
  readonly command: readonly [string, ...string[]];
}

const scratch = mkdtempSync(join(tmpdir(), "stepwise-whole-"));
let runId = 0;
/** A fresh run folder per run, so no run waits on another's files. */
const out = (): string => join(scratch, `run-${runId++}`);

const stepwise = (...args: ReadonlyArray<string>): Contender["command"] => [
  process.execPath,
  join(root, "scripts/stepwise.mjs"),
  "train",
  "--quiet",
  "--data",
  dataDir,
  ...args,
];

const numpy = (iterations: number): Contender => ({
  name: `numpy, ${iterations} iterations`,
  command: ["python3", referenceScript(), dataDir, "--iters", String(iterations)],
});

const pairs: ReadonlyArray<readonly [Contender, Contender]> = [
  [{ name: "stepwise train (defaults: 2500 iterations, auto plan)", command: stepwise() }, numpy(2500)],
  [
    {
      name: "npx pnpm train (the README's command, same run)",
      command: ["npx", "--yes", "pnpm@10.34.8", "train", "--quiet", "--data", dataDir],
    },
    numpy(2500),
  ],
  [
    {
      name: `stepwise train --plan primal --backend wasm, ${primalIters} iterations`,
      command: stepwise("--plan", "primal", "--backend", "wasm", "--iterations", String(primalIters)),
    },
    numpy(primalIters),
  ],
];

/** Wall seconds of one run; a failed run stops the benchmark with what it printed. */
const time = (contender: Contender): number => {
  const [program, ...args] = contender.command;
  const withOut = program === "python3" ? args : [...args, "--out", out()];
  const started = performance.now();
  const ran = spawnSync(program, withOut, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (ran.status !== 0)
    throw new Error(`${contender.name} failed (exit ${ran.status}):\n${ran.stdout}\n${ran.stderr}`);
  return seconds;
};

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

console.log(describeMachine());
const loadBefore = load();
const rows: string[] = [];
try {
  for (const [ours, reference] of pairs) {
    const mine: number[] = [];
    const theirs: number[] = [];
    // Interleaved, so a busy spell of this shared machine falls on both sides.
    for (let r = 0; r < reps; r++) {
      mine.push(time(ours));
      theirs.push(time(reference));
    }
    const [a, b] = [median(mine), median(theirs)];
    rows.push(
      `| ${ours.name} | ${a.toFixed(2)} s | ${reference.name} | ${b.toFixed(2)} s | **${(a / b).toFixed(2)} ×** |`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`\nWhole-process wall time, median of ${reps} (load ${loadBefore} before, ${load()} after):\n`);
console.log("| stepwise process | wall | numpy process | wall | ratio |");
console.log("| --- | ---: | --- | ---: | ---: |");
for (const row of rows) console.log(row);
