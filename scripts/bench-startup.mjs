#!/usr/bin/env node
// Start-up of the `stepwise` CLI: whole-process wall time of `stepwise --help`, the median of N runs, for
// each way of starting it. The built CLI must exist (`npx --yes pnpm@10.34.8 install` builds it).
//
//   node scripts/bench-startup.mjs [--runs 9] [--json] [--compare <another checkout>]
//
// Rows:
//   node (nothing)         `node -e 0`: Node's own start-up, the floor under every row
//   bin                    `node packages/cli/dist/stepwise.js --help`: the installed `stepwise` bin (the bundle)
//   per-file modules       `node packages/cli/dist/bin.js --help`: the same code as one module per source file
//   root script            `node scripts/stepwise.mjs --help`: what `pnpm stepwise` runs (stale check + bin)
//   pnpm stepwise          `npx --yes pnpm@10.34.8 stepwise --help`: the README's way, npx and pnpm included
//   tsx (sources)          `node --import tsx packages/cli/src/bin.ts --help`: TypeScript compiled at run time,
//                          as `pnpm stepwise` ran before the CLI was built (`pnpm stepwise:source` now)
//   --compare DIR          two more rows for another checkout (e.g. a clone at an older commit, installed):
//                          its root `stepwise` script run directly (sh -c, no pnpm), and through npx pnpm
// Timing only; nothing here is asserted by a test.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 9;
const asJson = args.includes("--json");
const compareAt = args.indexOf("--compare");
const compare = compareAt >= 0 ? args[compareAt + 1] : undefined;
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench-startup: --runs takes a positive integer, got ${args[runsAt + 1]}`);
  process.exit(2);
}
const cliJson = JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8"));
const bin = join(root, "packages/cli", cliJson.bin.stepwise);
if (!existsSync(bin)) {
  console.error(
    `bench-startup: ${bin} is missing; run \`npx --yes pnpm@10.34.8 install\` (it builds the CLI)`,
  );
  process.exit(1);
}

const node = process.execPath;
const cases = [
  { name: "node (nothing)", command: [node, "-e", "0"] },
  { name: "bin", command: [node, bin, "--help"] },
  { name: "per-file modules", command: [node, join(root, "packages/cli/dist/bin.js"), "--help"] },
  { name: "root script", command: [node, join(root, "scripts/stepwise.mjs"), "--help"] },
  { name: "pnpm stepwise", command: ["npx", "--yes", "pnpm@10.34.8", "stepwise", "--help"] },
  {
    name: "tsx (sources)",
    command: [
      node,
      "--conditions=@stepwise/source",
      "--import",
      "tsx",
      join(root, "packages/cli/src/bin.ts"),
      "--help",
    ],
  },
];
if (compare !== undefined) {
  const script = JSON.parse(readFileSync(join(compare, "package.json"), "utf8")).scripts?.stepwise;
  if (typeof script !== "string") {
    console.error(`bench-startup: ${compare}/package.json has no "stepwise" script`);
    process.exit(2);
  }
  cases.push(
    {
      name: "compare: script",
      command: ["sh", "-c", `${script} --help`],
      cwd: compare,
      label: `(${compare}) ${script} --help`,
    },
    {
      name: "compare: pnpm",
      command: ["npx", "--yes", "pnpm@10.34.8", "stepwise", "--help"],
      cwd: compare,
      label: `(${compare}) npx --yes pnpm@10.34.8 stepwise --help`,
    },
  );
}

const wallMs = ([file, ...rest], cwd = root) => {
  const started = process.hrtime.bigint();
  const result = spawnSync(file, rest, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`\`${[file, ...rest].join(" ")}\` failed: ${result.stderr}`);
  return ms;
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// Interleaved (one run of each case per round), so a burst of load on a shared machine hits every row.
const times = cases.map(() => []);
for (const c of cases) wallMs(c.command, c.cwd); // warm the file cache and npx's
for (let round = 0; round < runs; round++)
  for (const [i, c] of cases.entries()) times[i].push(wallMs(c.command, c.cwd));

const rows = cases.map((c, i) => ({
  name: c.name,
  command: c.label ?? c.command.map((part) => part.replace(`${root}/`, "").replace(node, "node")).join(" "),
  median_ms: Math.round(median(times[i])),
  min_ms: Math.round(Math.min(...times[i])),
  max_ms: Math.round(Math.max(...times[i])),
}));
if (asJson) console.log(JSON.stringify({ startup: { runs, node: process.version, rows } }));
else {
  console.log(`startup: \`stepwise --help\`, wall time, median of ${runs} runs (Node ${process.version})`);
  for (const r of rows)
    console.log(
      `  ${r.name.padEnd(15)} ${String(r.median_ms).padStart(6)} ms  (min ${r.min_ms}, max ${r.max_ms})  ${r.command}`,
    );
}
