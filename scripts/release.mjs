#!/usr/bin/env node
// `pnpm release`: builds every package (dist/ from tsconfig.build.json), then publishes what
// `pnpm version-packages` versioned — but only when STEPWISE_PUBLISH=1 is set. Without it (the default,
// and what CI may run) it is a dry run: every public package is packed with `pnpm pack` into a temporary
// folder, exactly the tarball `changeset publish` would upload, and the list is printed. Nothing leaves
// the machine.
//
//   pnpm release                         # build + dry run
//   STEPWISE_PUBLISH=1 pnpm release      # build + `changeset publish` (needs npm credentials)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
// Read once: these scripts are not turbo tasks, so no turbo.json env declaration applies.
const environment = process.env;
const pnpm =
  environment["npm_execpath"] && /pnpm/.test(environment["npm_execpath"])
    ? [process.execPath, environment["npm_execpath"]]
    : ["pnpm"];
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`release: \`${[command, ...args].join(" ")}\` failed`);
    process.exit(result.status ?? 1);
  }
  return result;
};

run(pnpm[0], [...pnpm.slice(1), "turbo", "run", "build", "--filter=./packages/*"]);

if (environment["STEPWISE_PUBLISH"] === "1") {
  run(process.execPath, [join(root, "node_modules/@changesets/cli/bin.js"), "publish"]);
  process.exit(0);
}

const packages = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter(({ json }) => json.private !== true);
const out = mkdtempSync(join(tmpdir(), "stepwise-release-"));
for (const { dir } of packages)
  run(pnpm[0], [...pnpm.slice(1), "pack", "--pack-destination", out], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
console.log(
  `\nDry run: \`changeset publish\` would publish these ${packages.length} packages (tarballs in ${out}):`,
);
for (const { json } of packages) console.log(`  ${json.name}@${json.version}`);
console.log("Set STEPWISE_PUBLISH=1 to publish for real (after `pnpm version-packages`).");
if (environment["STEPWISE_KEEP_PACKS"] === undefined) rmSync(out, { recursive: true, force: true });
