/**
 * The Course 2 Optimization notebook's Adam run (moons, 2-5-2-1, mini-batches of 64 reshuffled with seed
 * 10 + epoch + 1, 5000 epochs = 25,000 Adam steps): the whole `stepwise train` process, start-up, data,
 * training and the run folder with its report and pictures included — the bin an installed `stepwise`
 * runs (packages/cli/dist/stepwise.js, built first if a source changed), and, for comparison, the
 * checkout's launcher scripts/stepwise.mjs, which checks the build is fresh first — against numpy's training loop
 * (`python3 reference/course2_adam_reference.py fixtures/course2-datasets.json`, which prints its loop's
 * seconds and final cost). Issue 15's target is the process at ≤ 0.3 × numpy's loop. Contenders are
 * interleaved, each repeated; medians. With GNU time each process's CPU time (user + sys) is shown too,
 * which a busy shared machine inflates far less than wall time. Both must end at the same cost.
 *
 *   pnpm bench:course2 [--reps 5]
 *
 * Timing only: nothing here is asserted by a test.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { describeMachine, load } from "./machine.js";

const root = new URL("../../../", import.meta.url).pathname;

const { values } = parseArgs({
  options: {
    reps: { type: "string", default: "5" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(`pnpm bench:course2 [--reps 5]
  --reps N   runs of each contender, interleaved (default 5); the table shows medians`);
  process.exit(0);
}
const reps = Number(values.reps);
if (!Number.isInteger(reps) || reps < 1) {
  console.error("bench:course2: --reps takes a positive integer");
  process.exit(2);
}

/** The notebook's `model(train_X, train_Y, layers_dims, optimizer = "adam")` as the README lists it. */
const ADAM = [
  "train",
  "--data",
  "moons",
  "--layers",
  "2,5,2,1",
  "--init",
  "he",
  "--seed",
  "3",
  "--mini-batch-size",
  "64",
  "--shuffle-seed",
  "10",
  "--iterations",
  "5000",
  "--optimizer",
  "adam",
  "--learning-rate",
  "0.0007",
  "--quiet",
];

const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const CPU_MARK = "stepwise-bench-cpu";

interface Timed {
  readonly seconds: number;
  /** user + sys seconds, NaN without GNU time. */
  readonly cpu: number;
  readonly stdout: string;
}

/** Wall (and CPU) seconds of one process; a failed run stops the benchmark with what it printed. */
const time = (command: string, args: ReadonlyArray<string>): Timed => {
  const [program, argv] =
    gnuTime === undefined
      ? [command, args]
      : [gnuTime, ["-f", `${CPU_MARK} %U %S`, command, ...args] as ReadonlyArray<string>];
  const started = performance.now();
  const ran = spawnSync(program, argv, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (ran.status !== 0)
    throw new Error(
      `${command} ${args.join(" ")} failed (exit ${ran.status}):\n${ran.stdout}\n${ran.stderr}`,
    );
  const cpu = new RegExp(`${CPU_MARK} ([\\d.]+) ([\\d.]+)`).exec(ran.stderr);
  return { seconds, cpu: cpu === null ? Number.NaN : Number(cpu[1]) + Number(cpu[2]), stdout: ran.stdout };
};

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

// The bin as installed, so built and fresh before anything is timed.
const { buildCli, cliBin, staleCliPackages } = (await import(join(root, "scripts/build-cli.mjs"))) as {
  buildCli: (options: { quiet: boolean }) => Promise<number>;
  cliBin: string;
  staleCliPackages: () => ReadonlyArray<string>;
};
if (staleCliPackages().length > 0 && (await buildCli({ quiet: true })) !== 0) {
  console.error("bench:course2: building the CLI failed (above)");
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), "stepwise-course2-"));
const numpyLoop: number[] = [];
const numpyCpu: number[] = [];
const stepwiseProcess: number[] = [];
const stepwiseCpu: number[] = [];
const launcherProcess: number[] = [];
let numpyCost = Number.NaN;
let stepwiseCost = Number.NaN;
console.log(describeMachine());
const loadBefore = load();
try {
  // Interleaved, so a busy spell of this shared machine falls on both sides.
  for (let r = 0; r < reps; r++) {
    const numpy = time("python3", ["reference/course2_adam_reference.py", "fixtures/course2-datasets.json"]);
    const [loop = Number.NaN, cost = Number.NaN] = numpy.stdout.trim().split(/\s+/).map(Number);
    numpyLoop.push(loop);
    numpyCpu.push(numpy.cpu);
    numpyCost = cost;
    const out = join(scratch, `run-${r}`);
    // What an installed `stepwise train` runs: the bundled bin.
    const ours = time(process.execPath, [cliBin, ...ADAM, "--out", out]);
    stepwiseProcess.push(ours.seconds);
    stepwiseCpu.push(ours.cpu);
    stepwiseCost = (JSON.parse(readFileSync(join(out, "metrics.json"), "utf8")) as { final_cost: number })
      .final_cost;
    // What `pnpm stepwise` runs in the checkout: the same bin, after checking that no source is newer.
    const launched = time(process.execPath, [
      join(root, "scripts/stepwise.mjs"),
      ...ADAM,
      "--out",
      `${out}-l`,
    ]);
    launcherProcess.push(launched.seconds);
    process.stderr.write(
      `run ${r + 1}/${reps}: numpy loop ${loop.toFixed(3)} s, stepwise process ${ours.seconds.toFixed(3)} s (launcher ${launched.seconds.toFixed(3)} s)\n`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const ratio = median(stepwiseProcess) / median(numpyLoop);
console.log(`\nCourse 2 Adam run, median of ${reps} (load ${loadBefore} before, ${load()} after):\n`);
console.log(
  "| stepwise train, whole process | numpy, training loop | **ratio** | CPU: stepwise process | CPU: numpy process |",
);
console.log("| ---: | ---: | ---: | ---: | ---: |");
console.log(
  `| ${median(stepwiseProcess).toFixed(2)} s | ${median(numpyLoop).toFixed(2)} s | **${ratio.toFixed(2)} ×** | ${median(stepwiseCpu).toFixed(2)} s | ${median(numpyCpu).toFixed(2)} s |`,
);
console.log(
  `\nThrough the checkout's launcher (node scripts/stepwise.mjs, what \`pnpm stepwise\` runs): ${median(launcherProcess).toFixed(2)} s, ${(median(launcherProcess) / median(numpyLoop)).toFixed(2)} ×.`,
);
console.log(
  `\nfinal cost: numpy ${numpyCost}, stepwise ${stepwiseCost} (|Δ| = ${Math.abs(numpyCost - stepwiseCost).toExponential(1)})`,
);
