import { existsSync } from "node:fs";
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STACK_TRACE, signalWhen, stepwise } from "./cli.js";
import { tempDir, writePng } from "./models.js";

// Issue 14 (Reliability II): the cases that need real processes — two at once, signals, permissions.

const metricsOf = async (run: string) =>
  JSON.parse(await readFile(join(run, "metrics.json"), "utf8")) as Record<string, unknown>;

/** A folder anyone may enter and read (the tests may run the CLI as another user). */
const sharedTempDir = async (prefix: string): Promise<string> => {
  const dir = await tempDir(prefix);
  await chmod(dir, 0o755);
  return dir;
};

// Root ignores permissions, so the CLI runs without root's overriding capabilities where one must bite.
const asSomeoneElse = { permissionsApply: true } as const;

const LONG_RUN = ["train", "--plan", "primal", "--iterations", "2500", "--print-every", "1"];

describe("1. two runs started together never share a folder", () => {
  it("two CLI processes with the default runs/<timestamp> write two folders", async () => {
    const cwd = await sharedTempDir("stepwise-pair-");
    const args = ["train", "--iterations", "1", "--quiet"];
    const [a, b] = await Promise.all([stepwise(args, {}, { cwd }), stepwise(args, {}, { cwd })]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, "", ""]);
    const folders = await readdir(join(cwd, "runs"));
    expect(folders).toHaveLength(2);
    for (const folder of folders)
      expect((await metricsOf(join(cwd, "runs", folder)))["status"]).toBe("finished");
  }, 120_000);

  it("two CLI processes with one --out: one trains, the other is refused", async () => {
    const out = join(await sharedTempDir("stepwise-pair-out-"), "run");
    const args = ["train", "--iterations", "1", "--quiet", "--out", out];
    const results = await Promise.all([stepwise(args), stepwise(args)]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 2]);
    // Refused as existing, or (while the first holds it) as being written by another run.
    expect(results.find((r) => r.code === 2)?.stderr).toMatch(
      /already exists|another stepwise run \(pid \d+\) is writing into/,
    );
    expect((await metricsOf(out))["status"]).toBe("finished");
  }, 120_000);
});

describe("5. SIGTERM and SIGHUP stop like Ctrl-C, and the weights so far are kept", () => {
  it.each(["SIGTERM", "SIGHUP"] as const)(
    "%s",
    async (signal) => {
      const dir = await sharedTempDir("stepwise-signal-");
      const out = join(dir, "run");
      const r = await signalWhen([...LONG_RUN, "--out", out], "Cost after iteration 2:", [signal]);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`stopped by ${signal}`);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      const metrics = await metricsOf(out);
      expect(metrics["status"]).toBe("aborted");
      const done = (metrics["costs"] as number[]).length;
      expect(done).toBeGreaterThanOrEqual(3);
      const model = JSON.parse(await readFile(join(out, "model.json"), "utf8")) as {
        hyperparameters: Record<string, unknown>;
      };
      expect(model.hyperparameters["partial"]).toBe(true);
      expect(model.hyperparameters["iterations_done"]).toBe(done);
      // The partial model classifies, and says what it is.
      const predicted = await stepwise([
        "predict",
        "--model",
        join(out, "model.json"),
        await writePng(dir, "p.png"),
      ]);
      expect(predicted.code).toBe(0);
      expect(predicted.stderr).toContain(`stopped after ${done} of 2500 iterations`);
    },
    120_000,
  );

  it("4. a double Ctrl-C still leaves metrics.json", async () => {
    const out = join(await sharedTempDir("stepwise-double-"), "run");
    const r = await signalWhen([...LONG_RUN, "--out", out], "Cost after iteration 2:", ["SIGINT", "SIGINT"]);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(["aborted"]).toContain((await metricsOf(out))["status"]);
    expect((await readdir(out)).filter((f) => f.endsWith(".part"))).toEqual([]);
  }, 120_000);
});

describe("4 and 7. a killed run does not block the next one, and its leftovers are cleaned", () => {
  it("SIGKILL mid-training: the folder says the run is incomplete; the rerun reuses it and removes stale .part files", async () => {
    const out = join(await sharedTempDir("stepwise-kill-"), "run");
    const killed = await signalWhen([...LONG_RUN, "--out", out], "Cost after iteration 2:", ["SIGKILL"]);
    expect(killed.signal).toBe("SIGKILL");
    expect((await metricsOf(out))["status"]).toBe("running");
    // What a kill during a write leaves behind.
    await writeFile(join(out, ".model.json.0b8a7c4e.part"), "");
    const rerun = await stepwise(["train", "--iterations", "1", "--out", out]);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toBe("");
    expect(rerun.stdout).toContain("was killed before it finished");
    expect((await readdir(out)).filter((f) => f.startsWith("."))).toEqual([]);
    expect((await metricsOf(out))["status"]).toBe("finished");
  }, 120_000);
});

describe("6. environment faults are named, before training", () => {
  it("an unwritable folder: the path and the permission, no 'unexpected error'", async () => {
    const dir = await sharedTempDir("stepwise-readonly-");
    const locked = join(dir, "locked");
    await mkdir(locked);
    await chmod(locked, 0o555);
    const r = await stepwise(
      ["train", "--iterations", "1", "--out", join(locked, "run")],
      {},
      {
        cwd: dir,
        ...asSomeoneElse,
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(locked);
    expect(r.stderr).toContain("permission denied");
    expect(r.stderr).not.toContain("unexpected error");
    expect(r.stderr).not.toContain("Please report");
    expect(r.stdout).not.toContain("Cost after");
  }, 60_000);

  it("--force into an unwritable folder fails before training", async () => {
    const dir = await sharedTempDir("stepwise-readonly-force-");
    const locked = join(dir, "run");
    await mkdir(locked);
    await chmod(locked, 0o555);
    const r = await stepwise(
      ["train", "--iterations", "3", "--out", locked, "--force"],
      {},
      {
        cwd: dir,
        ...asSomeoneElse,
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(locked);
    expect(r.stderr).toContain("permission denied");
    expect(r.stdout).not.toContain("Cost after");
    expect(existsSync(join(locked, "metrics.json"))).toBe(false);
  }, 60_000);
});
