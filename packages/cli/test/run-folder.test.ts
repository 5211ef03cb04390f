import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { claimRunFolder, RUN_LOCK, releaseRunFolder } from "../src/run-folder.js";
import { DATA_DIR, stepwiseHere } from "./cli.js";
import { tempDir } from "./models.js";

// Issue 14, cases 1, 4 and 7: how run folders are claimed, reused and cleaned.

const NOW = new Date("2026-01-02T03:04:05Z");
const DEAD_PID = 999_999_999; // above any pid_max: no such process

const claim = (base: string, out?: string, force = false) =>
  claimRunFolder({ out, force, base, now: NOW, running: { costs: [] } });

const json = async (path: string) => JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;

const killedRun = async (dir: string): Promise<void> => {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, RUN_LOCK), JSON.stringify({ pid: DEAD_PID }));
  await writeFile(join(dir, "metrics.json"), JSON.stringify({ status: "running", costs: [] }));
  await writeFile(join(dir, ".model.json.3f2a.part"), "");
};

describe("claimRunFolder", () => {
  it("gives two runs with one clock two default folders: runs/<timestamp>, then -2", async () => {
    const base = await tempDir();
    const [a, b] = await Promise.all([claim(base), claim(base)]);
    const dirs = [a, b].map((r) => (E.isRight(r) ? r.right.dir : r.left.message)).sort();
    expect(dirs).toEqual([join(base, "runs/2026-01-02T03-04-05"), join(base, "runs/2026-01-02T03-04-05-2")]);
  });

  it("locks the folder and writes metrics.json 'running' at once; release removes the lock", async () => {
    const base = await tempDir();
    const folder = await claim(base, "run");
    if (E.isLeft(folder)) throw new Error(folder.left.message);
    expect((await json(join(folder.right.dir, "metrics.json")))["status"]).toBe("running");
    expect((await json(join(folder.right.dir, RUN_LOCK)))["pid"]).toBe(process.pid);
    const again = await claim(base, "run", true);
    expect(E.isLeft(again) && again.left.message).toContain(
      `another stepwise run (pid ${process.pid}) is writing into`,
    );
    await releaseRunFolder(folder.right);
    expect(await readdir(folder.right.dir)).toEqual(["metrics.json"]);
  });

  it("--force replaces a finished run's files and leaves the user's own", async () => {
    const base = await tempDir();
    const dir = join(base, "run");
    await mkdir(dir);
    await writeFile(join(dir, "model.json"), "old");
    await writeFile(join(dir, "notes.txt"), "mine");
    expect(E.isLeft(await claim(base, "run"))).toBe(true);
    const forced = await claim(base, "run", true);
    expect(E.isRight(forced)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual([RUN_LOCK, "metrics.json", "notes.txt"]);
  });

  it("takes over an --out whose run was killed, without --force, and cleans it", async () => {
    const base = await tempDir();
    await killedRun(join(base, "run"));
    const folder = await claim(base, "run");
    if (E.isLeft(folder)) throw new Error(folder.left.message);
    expect(folder.right.note).toContain(`its run (pid ${DEAD_PID}) was killed before it finished`);
    expect(await readdir(folder.right.dir)).not.toContain(".model.json.3f2a.part");
  });

  it("a new default run cleans the killed runs beside it: stale .part files go, the status says interrupted", async () => {
    const base = await tempDir();
    const killed = join(base, "runs", "2025-12-31T23-59-59");
    await killedRun(killed);
    const live = join(base, "runs", "live");
    await mkdir(live);
    await writeFile(join(live, RUN_LOCK), JSON.stringify({ pid: process.pid }));
    await writeFile(join(live, ".metrics.json.9c.part"), "");
    expect(E.isRight(await claim(base))).toBe(true);
    expect(await readdir(killed)).toEqual(["metrics.json"]);
    expect(await json(join(killed, "metrics.json"))).toMatchObject({ status: "interrupted" });
    expect((await readdir(live)).sort()).toEqual([".metrics.json.9c.part", RUN_LOCK]); // a live run is left alone
  });
});

describe("metrics.json is written last", () => {
  it("a run whose report cannot be written does not claim to be finished", async () => {
    const out = join(await tempDir(), "run");
    await mkdir(join(out, "report.html", "in-the-way"), { recursive: true });
    const r = await stepwiseHere([
      "train",
      "--data",
      DATA_DIR,
      "--iterations",
      "2",
      "--out",
      out,
      "--force",
      "--quiet",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("report.html");
    expect(await json(join(out, "metrics.json"))).toMatchObject({ status: "failed" });
    expect(existsSync(join(out, RUN_LOCK))).toBe(false);
  });
});
