#!/usr/bin/env node
// Fails when a public package is not ready to publish (part of the root `pnpm check`, so of `pnpm test`).
//
//   node scripts/check-packages.mjs          check every package in packages/ and apps/
//   node scripts/check-packages.mjs --fix    also copy the root LICENSE into every public package
//
// A public package (no "private": true) must have:
// - a LICENSE identical to the root's (pnpm pack puts the package folder's LICENSE in the tarball), and
//   "license": "MIT";
// - "engines": { "node": ">=X.Y.Z" }, no lower than the floor of any workspace package it depends on;
// - "repository" (git, this repository's URL, "directory": its folder), "homepage" (its folder's README on
//   GitHub), "bugs", "keywords" (starting with "stepwise"), "description";
// - "files" covering every file its "exports", "types" and "bin" point at; "type": "module";
// - no dependency on a private workspace package (a published package cannot install one).
// CONTRIBUTING.md's "Releases" says what ships and why.
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const REPOSITORY = "git+https://github.com/stepwise-dl/stepwise.git";
const HOMEPAGE = (dir) => `https://github.com/stepwise-dl/stepwise/tree/main/${dir}#readme`;
const BUGS = "https://github.com/stepwise-dl/stepwise/issues";
const fix = process.argv.includes("--fix");

const license = readFileSync(join(root, "LICENSE"), "utf8");
const packages = ["packages", "apps"].flatMap((group) =>
  existsSync(join(root, group))
    ? readdirSync(join(root, group))
        .map((name) => `${group}/${name}`)
        .filter((dir) => existsSync(join(root, dir, "package.json")))
        .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) }))
    : [],
);
const byName = new Map(packages.map((p) => [p.json.name, p]));

/** ">=20.16.0" → [20, 16, 0]; anything else → undefined. */
const floorOf = (range) => {
  const m = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(String(range ?? "").trim());
  return m ? m.slice(1, 4).map(Number) : undefined;
};
const below = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Every path a package.json points at: exports (every condition but the source one), types, bin. */
const targets = (json) => {
  const walk = (value, key) =>
    typeof value === "string"
      ? key === "@stepwise/source"
        ? []
        : [value]
      : value !== null && typeof value === "object"
        ? Object.entries(value).flatMap(([k, v]) => walk(v, k))
        : [];
  return [...new Set([...walk(json.exports), ...walk(json.types), ...walk(json.bin)])];
};
const covered = (path, files) => {
  const clean = path.replace(/^\.\//, "");
  // npm packs package.json whatever "files" says.
  if (clean === "package.json") return true;
  return files.some((f) => {
    const pattern = new RegExp(
      `^${f
        .replace(/^\.\//, "")
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replaceAll("*", "[^/]*")}(/|$)`,
    );
    return pattern.test(clean);
  });
};

const problems = packages.flatMap(({ dir, json }) => {
  if (json.private === true) return [];
  const wrong = [];
  const say = (text) => wrong.push(`  ${json.name} (${dir}): ${text}`);

  const licensePath = join(root, dir, "LICENSE");
  if (!existsSync(licensePath) || readFileSync(licensePath, "utf8") !== license) {
    if (fix) copyFileSync(join(root, "LICENSE"), licensePath);
    else
      say("LICENSE is missing or differs from the root LICENSE (run node scripts/check-packages.mjs --fix)");
  }
  if (json.license !== "MIT") say(`"license" must be "MIT", got ${JSON.stringify(json.license)}`);
  if (typeof json.description !== "string" || json.description.length < 10) say('"description" is missing');
  if (json.type !== "module") say('"type" must be "module"');

  const floor = floorOf(json.engines?.node);
  if (floor === undefined)
    say(
      `"engines": { "node": ">=X.Y.Z" } is missing or not of that form (got ${JSON.stringify(json.engines)})`,
    );
  const repo = json.repository;
  if (repo?.type !== "git" || repo?.url !== REPOSITORY || repo?.directory !== dir)
    say(`"repository" must be { "type": "git", "url": "${REPOSITORY}", "directory": "${dir}" }`);
  if (json.homepage !== HOMEPAGE(dir)) say(`"homepage" must be "${HOMEPAGE(dir)}"`);
  if (json.bugs?.url !== BUGS) say(`"bugs" must be { "url": "${BUGS}" }`);
  if (!Array.isArray(json.keywords) || json.keywords[0] !== "stepwise" || json.keywords.length < 3)
    say('"keywords" must list at least three, starting with "stepwise"');

  const files = Array.isArray(json.files) ? json.files : [];
  if (files.length === 0) say('"files" is missing: list what the tarball holds (e.g. ["dist", "src"])');
  else
    for (const target of targets(json))
      if (!covered(target, files)) say(`"files" does not include ${target}, which package.json points at`);

  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"])
    for (const name of Object.keys(json[field] ?? {})) {
      const dep = byName.get(name);
      if (dep === undefined) continue;
      if (dep.json.private === true)
        say(`depends on the private workspace package ${name}; a published package cannot install it`);
      const depFloor = floorOf(dep.json.engines?.node);
      if (floor !== undefined && depFloor !== undefined && below(floor, depFloor) < 0)
        say(`"engines" ${json.engines.node} is below ${name}'s ${dep.json.engines.node}, which it needs`);
    }
  return wrong;
});

if (problems.length > 0) {
  console.error(`These packages are not ready to publish:\n${problems.join("\n")}`);
  process.exit(1);
}
const published = packages.filter((p) => p.json.private !== true).length;
console.log(
  `package check: ${published} public packages have a LICENSE, engines, repository, homepage, bugs, keywords and files.`,
);
