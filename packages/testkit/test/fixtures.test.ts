import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR_ENV, findWorkspaceRoot, fixturesDir, loadFixture } from "../src/index.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = resolve(here, "../../..");
const noEnv = { env: {} };

const scratch = (): string => mkdtempSync(join(tmpdir(), "stepwise-testkit-"));

describe("locating the fixtures", () => {
  it("finds the workspace root by walking up to pnpm-workspace.yaml", () => {
    expect(findWorkspaceRoot(here)).toBe(repoRoot);
    expect(findWorkspaceRoot(repoRoot)).toBe(repoRoot);
    expect(findWorkspaceRoot(tmpdir())).toBeUndefined();
  });

  it("reads <root>/fixtures, in the repository", () => {
    expect(fixturesDir({ ...noEnv, from: [here] })).toBe(resolve(repoRoot, "fixtures"));
  });

  it("falls back to the next starting point when the first is outside any workspace", () => {
    expect(fixturesDir({ ...noEnv, from: [tmpdir(), here] })).toBe(resolve(repoRoot, "fixtures"));
  });

  it(`prefers ${FIXTURES_DIR_ENV}`, () => {
    const dir = scratch();
    writeFileSync(join(dir, "tiny.json"), '{"x": [1, 2]}');
    expect(fixturesDir({ env: { [FIXTURES_DIR_ENV]: dir } })).toBe(dir);
    expect(loadFixture("tiny.json", { env: { [FIXTURES_DIR_ENV]: dir } })).toEqual({ x: [1, 2] });
  });
});

describe("loadFixture", () => {
  it("parses a fixture of the repository", () => {
    expect(loadFixture("numpy-rng.json", noEnv)).toMatchObject({ cases: expect.any(Array) });
  });

  it("says where it looked, what is there and how to point elsewhere when a fixture is missing", () => {
    const dir = scratch();
    writeFileSync(join(dir, "other.json"), "{}");
    const location = { env: { [FIXTURES_DIR_ENV]: dir } };
    expect(() => loadFixture("torch-gradients.json", location)).toThrow(
      `loadFixture: no fixture torch-gradients.json at ${join(dir, "torch-gradients.json")} (looked in from ${FIXTURES_DIR_ENV}); it holds other.json; set ${FIXTURES_DIR_ENV} to the folder holding the fixture files`,
    );
    expect(() => loadFixture("x.json", { env: { [FIXTURES_DIR_ENV]: join(dir, "nope") } })).toThrow(
      /that folder does not exist; set STEPWISE_FIXTURES_DIR/,
    );
  });

  it("names the workspace root it started from when the default folder lacks the file", () => {
    expect(() => loadFixture("no-such-fixture.json", { ...noEnv, from: [here] })).toThrow(
      new RegExp(
        `looked in <workspace root>/fixtures, root ${repoRoot}\\); it holds .*torch-gradients\\.json`,
      ),
    );
  });

  it("explains what to do outside any workspace", () => {
    const dir = scratch();
    mkdirSync(join(dir, "a"));
    expect(() => loadFixture("x.json", { ...noEnv, from: [join(dir, "a")] })).toThrow(
      /cannot locate the fixtures: no pnpm-workspace\.yaml at or above .*\/a; set STEPWISE_FIXTURES_DIR/,
    );
  });

  it("reports a file that is not JSON", () => {
    const dir = scratch();
    writeFileSync(join(dir, "bad.json"), "{ nope");
    expect(() => loadFixture("bad.json", { env: { [FIXTURES_DIR_ENV]: dir } })).toThrow(
      /bad\.json is not valid JSON/,
    );
  });
});
