#!/usr/bin/env node
// The Optimization notebook's Adam run, whole `stepwise train` process against numpy, side by side.
//
//   node scripts/bench-course2-adam.mjs [--runs N] [--cli "node packages/cli/dist/main.js"] [--python python3]
//
// Runs reference/course2_adam_reference.py (numpy: the notebook's arithmetic, 5000 epochs, 25,000 Adam
// steps on a 2-5-2-1 network) and the same run as one `stepwise train` command, alternately, N times each
// (default 5), and prints the medians and the ratio. numpy's time is what the script prints: its training
// loop alone, without Python's start-up or numpy's import; stepwise's is the whole process, start-up,
// data, training and the run folder with its report and pictures included. The stepwise command is the
// repository's `pnpm stepwise` (tsx on the TypeScript sources) unless `--cli` names another command. Also
// checks that both end at the same cost.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
};
const runs = Number(flag("--runs", "5"));
const python = flag("--python", "python3");
const cli = flag("--cli", "node --conditions=@stepwise/source --import tsx packages/cli/src/main.ts")
  .split(" ")
  .filter(Boolean);

// The Optimization notebook's model(train_X, train_Y, layers_dims, optimizer = "adam").
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
  "--optimizer",
  "adam",
  "--learning-rate",
  "0.0007",
  "--mini-batch-size",
  "64",
  "--shuffle-seed",
  "10",
  "--iterations",
  "5000",
  "--quiet",
  "--force",
];

// GNU time, where there is one, also gives each process's CPU time (user + sys), which a busy machine
// inflates far less than wall-clock time.
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const CPU_MARK = "stepwise-bench-cpu";

const timed = (command, args) => {
  const [program, argv] =
    gnuTime === undefined ? [command, args] : [gnuTime, ["-f", `${CPU_MARK} %U %S`, command, ...args]];
  const started = process.hrtime.bigint();
  const result = spawnSync(program, argv, { cwd: root, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  const cpu = new RegExp(`${CPU_MARK} ([\\d.]+) ([\\d.]+)`).exec(result.stderr);
  return { seconds, cpu: cpu === null ? Number.NaN : Number(cpu[1]) + Number(cpu[2]), stdout: result.stdout };
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const out = mkdtempSync(join(tmpdir(), "stepwise-bench-course2-"));
const numpyLoop = [];
const numpyProcess = [];
const numpyCpu = [];
const stepwiseProcess = [];
const stepwiseCpu = [];
let numpyCost = Number.NaN;
let stepwiseCost = Number.NaN;
try {
  for (let r = 0; r < runs; r++) {
    const numpy = timed(python, ["reference/course2_adam_reference.py", "fixtures/course2-datasets.json"]);
    const [loop, cost] = numpy.stdout.trim().split(/\s+/).map(Number);
    numpyLoop.push(loop);
    numpyProcess.push(numpy.seconds);
    numpyCpu.push(numpy.cpu);
    numpyCost = cost;
    const dir = join(out, `run-${r}`);
    const [command, ...prefix] = cli;
    const ours = timed(command, [...prefix, ...ADAM, "--out", dir]);
    stepwiseProcess.push(ours.seconds);
    stepwiseCpu.push(ours.cpu);
    const metrics = JSON.parse(readFileSync(join(dir, "metrics.json"), "utf8"));
    stepwiseCost = metrics.final_cost;
    process.stderr.write(
      `run ${r + 1}/${runs}: numpy loop ${loop.toFixed(3)} s (process ${numpy.seconds.toFixed(3)} s, CPU ${numpy.cpu} s), stepwise process ${ours.seconds.toFixed(3)} s (CPU ${ours.cpu} s)\n`,
    );
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

const row = (name, xs) =>
  `| ${name.padEnd(44)} | ${median(xs).toFixed(3).padStart(8)} s | ${Math.min(...xs)
    .toFixed(3)
    .padStart(8)} s |`;
console.log(`Course 2 Adam run (moons, 2-5-2-1, 5000 epochs = 25,000 mini-batch steps), ${runs} runs each`);
console.log(`| ${"".padEnd(44)} | ${"median".padStart(10)} | ${"best".padStart(10)} |`);
console.log(`| ${"-".repeat(44)} | ${"-".repeat(10)} | ${"-".repeat(10)} |`);
console.log(row("numpy: training loop (what the script prints)", numpyLoop));
console.log(row("numpy: whole python3 process", numpyProcess));
console.log(row("stepwise train: whole process", stepwiseProcess));
if (gnuTime !== undefined) {
  console.log(row("numpy: whole python3 process, CPU (user+sys)", numpyCpu));
  console.log(row("stepwise train: whole process, CPU (user+sys)", stepwiseCpu));
}
console.log(
  `ratio, stepwise process / numpy loop (wall): ${(median(stepwiseProcess) / median(numpyLoop)).toFixed(3)} (median), ${(Math.min(...stepwiseProcess) / Math.min(...numpyLoop)).toFixed(3)} (best)`,
);
if (gnuTime !== undefined)
  console.log(
    `ratio, stepwise process CPU / numpy process CPU: ${(median(stepwiseCpu) / median(numpyCpu)).toFixed(3)} (median)`,
  );
console.log(
  `final cost: numpy ${numpyCost}, stepwise ${stepwiseCost} (|Δ| = ${Math.abs(numpyCost - stepwiseCost).toExponential(1)})`,
);
