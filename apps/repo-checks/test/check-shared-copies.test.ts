import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/** scripts/check-shared-copies.mjs: the repository's copies of ../shared must stay byte-identical. */
const SCRIPT = join(import.meta.dirname, "../../../scripts/check-shared-copies.mjs");
const REPO = join(import.meta.dirname, "../../..");

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const check = (args: ReadonlyArray<string>): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr }),
    );
  });

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A repository and a ../shared beside it, holding the same small files in every copied folder. */
const layout = async (): Promise<{ readonly repo: string; readonly shared: string }> => {
  const root = await mkdtemp(join(tmpdir(), "stepwise-shared-copies-"));
  made.push(root);
  const [repo, shared] = [join(root, "repo"), join(root, "shared")];
  const files: ReadonlyArray<readonly [string, string, string]> = [
    ["fixtures/a.json", "fixtures/a.json", '{"a": 1}\n'],
    ["fixtures/nested/b.json", "fixtures/nested/b.json", "[1, 2]\n"],
    ["datasets/catvnoncat/train.h5", "datasets/catvnoncat/train.h5", "\u0000\u0001binary"],
    ["datasets/course2/football.csv", "packages/data/datasets/course2/football.csv", "x,y\n1,2\n"],
    ["reference/ng_reference.py", "reference/ng_reference.py", "print(1)\n"],
  ];
  for (const [inShared, inRepo, text] of files)
    for (const path of [join(shared, inShared), join(repo, inRepo)]) {
      await mkdir(join(path, ".."), { recursive: true });
      await writeFile(path, text);
    }
  return { repo, shared };
};

describe("scripts/check-shared-copies.mjs", () => {
  it("passes when every shared file has a byte-identical copy (extra files in the repository are fine)", async () => {
    const { repo, shared } = await layout();
    await writeFile(join(repo, "fixtures/only-here.json"), "{}");
    const ran = await check(["--repo", repo, "--shared", shared]);
    expect(ran).toMatchObject({ code: 0, stderr: "" });
    expect(ran.stdout).toContain("all 5 files under");
  });

  it("fails on a changed byte, a different length and a missing file, listing every one", async () => {
    const { repo, shared } = await layout();
    await writeFile(join(repo, "fixtures/a.json"), '{"a": 2}\n');
    await writeFile(join(repo, "packages/data/datasets/course2/football.csv"), "x,y\n1,2\n3,4\n");
    await rm(join(repo, "reference/ng_reference.py"));
    const ran = await check(["--repo", repo, "--shared", shared]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("3 of 5 files in the repository are not byte-identical");
    expect(ran.stderr).toContain("fixtures/a.json: differs: 9 bytes against 9 in ../shared, first at byte 6");
    expect(ran.stderr).toContain(
      "packages/data/datasets/course2/football.csv: differs: 12 bytes against 8 in ../shared, first at byte 8",
    );
    expect(ran.stderr).toContain(`reference/ng_reference.py: missing (copy of ${join(shared, "reference")}`);
    expect(ran.stderr).not.toContain("nested/b.json");
  });

  it("finds a difference in a nested folder and in a binary file", async () => {
    const { repo, shared } = await layout();
    await writeFile(join(repo, "fixtures/nested/b.json"), "[1, 3]\n");
    await writeFile(join(repo, "datasets/catvnoncat/train.h5"), "\u0000\u0002binary");
    const ran = await check(["--repo", repo, "--shared", shared]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("fixtures/nested/b.json: differs");
    expect(ran.stderr).toContain("datasets/catvnoncat/train.h5: differs");
  });

  it("says so and passes when there is no ../shared (a clone of the repository alone)", async () => {
    const { repo, shared } = await layout();
    await rm(shared, { recursive: true });
    const ran = await check(["--repo", repo]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(
      `no ${join(repo, "..", "shared")} beside the repository; nothing to compare`,
    );
  });

  it("defaults to this repository and the ../shared beside it", async () => {
    const ran = await check([]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain(join(REPO, "..", "shared"));
  });

  it("compares the real copies when a ../shared is given, and catches a planted change in a copy of them", async () => {
    const { repo, shared } = await layout();
    await rm(repo, { recursive: true });
    for (const dir of ["fixtures", "reference"])
      await cp(join(REPO, dir), join(repo, dir), { recursive: true });
    await rm(shared, { recursive: true });
    for (const dir of ["fixtures", "reference"])
      await cp(join(REPO, dir), join(shared, dir), { recursive: true });
    expect((await check(["--repo", repo, "--shared", shared])).code).toBe(0);
    await writeFile(join(repo, "fixtures/numpy-rng.json"), "{}");
    const ran = await check(["--repo", repo, "--shared", shared]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("fixtures/numpy-rng.json: differs: 2 bytes against");
  });
});
