#!/usr/bin/env node
// Fails when a published package has unreleased source changes that no pending changeset names.
//
//   node scripts/check-changesets.mjs        (pnpm changeset:check; CI runs it)
//
// "Unreleased" is counted from the package's last release, not from one commit, so the check means the
// same on a clean clone of main however many commits a change took:
// - a package that was never released (no CHANGELOG.md yet) needs a pending changeset naming it;
// - a released package needs one when a file matching .changeset/config.json's `changedFilePatterns`
//   (src/**, package.json) changed since the last commit that touched its CHANGELOG.md (the
//   `pnpm version-packages` commit that released it).
// Pending changesets are the .changeset/*.md files; private and ignored packages are skipped.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
const config = JSON.parse(readFileSync(join(root, ".changeset/config.json"), "utf8"));
const ignored = new Set(config.ignore ?? []);
const glob = (pattern) =>
  new RegExp(
    `^${pattern
      .split("**")
      .map((part) =>
        part
          .split("*")
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
          .join("[^/]*"),
      )
      .join(".*")}$`,
  );
const matchers = (config.changedFilePatterns ?? ["**"]).map(glob);

// The packages the pending changesets name, from their front matter.
const named = new Set(
  readdirSync(join(root, ".changeset"))
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .flatMap((f) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, ".changeset", f), "utf8"));
      return [...(front?.[1] ?? "").matchAll(/^\s*["']?([^"':\s]+)["']?\s*:/gm)].map((m) => m[1]);
    }),
);

const packages = ["packages", "apps"].flatMap((group) =>
  existsSync(join(root, group))
    ? readdirSync(join(root, group))
        .map((name) => `${group}/${name}`)
        .filter((dir) => existsSync(join(root, dir, "package.json")))
        .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) }))
    : [],
);

const missing = packages.flatMap(({ dir, json }) => {
  if (json.private === true || ignored.has(json.name) || named.has(json.name)) return [];
  const released = git("log", "-1", "--format=%H", "--", `${dir}/CHANGELOG.md`);
  if (released === "") return [`  ${json.name}: never released, and no changeset names it`];
  const changed = git("diff", "--name-only", released, "--", dir)
    .split("\n")
    .filter(Boolean)
    .map((f) => f.slice(dir.length + 1))
    .filter((f) => matchers.some((m) => m.test(f)));
  return changed.length === 0
    ? []
    : [
        `  ${json.name}: ${changed.slice(0, 3).join(", ")}${changed.length > 3 ? ", …" : ""} changed since its last release`,
      ];
});

if (missing.length > 0) {
  console.error(
    `These packages have unreleased changes that no pending changeset names:\n${missing.join("\n")}\n` +
      "Run `pnpm changeset`, pick them and the bump (changing a course function's name, arguments or return\n" +
      "tuple is major), and commit the file it writes.",
  );
  process.exit(1);
}
console.log(
  `changeset check: every package with unreleased changes is named by a pending changeset (${named.size} named).`,
);
