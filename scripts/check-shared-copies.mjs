#!/usr/bin/env node
// Keeps the repository's copies of the project's shared material byte-identical to ../shared, where a
// checkout has it beside it. A clone of the repository alone has no ../shared: then there is nothing to
// compare and the check passes.
//
//   node scripts/check-shared-copies.mjs [--repo DIR] [--shared DIR]     (part of `pnpm check`)
//
// Every file under each ../shared folder below must exist in the repository with the same bytes; every
// difference is listed, then the exit code is 1. Files only the repository has are fine (it may grow
// fixtures of its own) and are not listed.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

/** Folder in ../shared → folder in the repository. */
const COPIES = [
  ["fixtures", "fixtures"],
  ["datasets/catvnoncat", "datasets/catvnoncat"],
  ["datasets/course2", "packages/data/datasets/course2"],
  ["reference", "reference"],
];

const { values } = parseArgs({
  options: { repo: { type: "string" }, shared: { type: "string" } },
});
const repo = resolve(values.repo ?? join(import.meta.dirname, ".."));
const shared = resolve(values.shared ?? join(repo, "..", "shared"));

/** Every file under `dir`, as paths relative to it, sorted. */
const filesUnder = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

/** Why `copy` is not a byte-identical copy of `original`, or undefined when it is. */
const difference = (original, copy) => {
  if (!existsSync(copy)) return "missing";
  if (!statSync(copy).isFile()) return "not a file";
  const [a, b] = [readFileSync(original), readFileSync(copy)];
  if (a.equals(b)) return undefined;
  const n = Math.min(a.length, b.length);
  let at = 0;
  while (at < n && a[at] === b[at]) at++;
  return `differs: ${b.length} bytes against ${a.length} in ../shared, first at byte ${at}`;
};

if (!existsSync(shared)) {
  console.log(
    `shared copies: no ${shared} beside the repository; nothing to compare (a clone stands alone).`,
  );
  process.exit(0);
}

const problems = [];
let compared = 0;
for (const [from, to] of COPIES) {
  const source = join(shared, from);
  if (!existsSync(source)) {
    console.log(`shared copies: ${source} does not exist; nothing to compare for ${to}/`);
    continue;
  }
  for (const file of filesUnder(source)) {
    compared++;
    const why = difference(join(source, file), join(repo, to, file));
    if (why !== undefined) problems.push(`  ${join(to, file)}: ${why} (copy of ${join(source, file)})`);
  }
}

if (problems.length > 0) {
  console.error(
    `shared copies: ${problems.length} of ${compared} files in the repository are not byte-identical to ${shared}:\n` +
      `${problems.join("\n")}\n` +
      "The repository's copies must equal the shared originals: copy the originals over (cp -r), or, if the\n" +
      "repository's version is the newer fact, update ../shared first.",
  );
  process.exit(1);
}
console.log(`shared copies: all ${compared} files under ${shared} are byte-identical in the repository.`);
