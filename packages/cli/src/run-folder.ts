import { readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { writeFileAtomic } from "@stepwise/data/node";
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { type CliFailure, runtimeFailure, usageFailure } from "./cli-error.js";
import { environmentProblem } from "./environment.js";

/*
 * A run folder, and how a reader tells a complete run from an incomplete one:
 * - the folder is created with an exclusive mkdir, so two runs never share one (the default
 *   runs/<timestamp> takes the next free suffix, -2, -3, …; an --out that exists is refused);
 * - while a run writes into it, the folder holds `.stepwise-run.lock` (created exclusively, with the
 *   writer's pid) and a metrics.json whose status is "running";
 * - metrics.json is rewritten last, with the final status ("finished", "aborted", "diverged", "failed");
 *   then the lock goes. Every file is written atomically (a `.name.<id>.part` file, then a rename).
 * So a folder with a lock whose process is gone, or with status "running" and no lock, is a run that was
 * killed. The next run cleans such folders (their stale .part files; the status becomes "interrupted"),
 * and an --out that names one is reused without --force: it has nothing worth keeping.
 */

export const RUN_LOCK = ".stepwise-run.lock";
export const METRICS_JSON = "metrics.json";
/** The files a run writes (model.safetensors: the model format that follows model.json). */
export const RUN_FILES = [
  "model.json",
  "model.safetensors",
  METRICS_JSON,
  "cost.svg",
  "cost.png",
  "report.html",
] as const;

const isPart = (name: string): boolean => name.startsWith(".") && name.endsWith(".part");

/** `runs/2026-11-24T03-41-07`: sortable, and safe in every file system. */
export const defaultRunDir = (now: Date): string =>
  join("runs", now.toISOString().slice(0, 19).replaceAll(":", "-"));

/** A claimed run folder: `created` when this run made it (a failed run then removes it whole). */
export interface RunFolder {
  readonly dir: string;
  readonly created: boolean;
  /** Said to the user when an old folder was taken over. */
  readonly note?: string;
}

interface Lock {
  readonly pid: number;
  readonly started?: string;
}

const codeOf = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : undefined;

/** Whether a process is running (a process we may not signal is running too). */
export const isAlive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === "EPERM";
  }
};

const readLock = async (dir: string): Promise<Lock | undefined> => {
  try {
    const lock = JSON.parse(await readFile(join(dir, RUN_LOCK), "utf8")) as Partial<Lock>;
    return typeof lock.pid === "number" ? { pid: lock.pid, ...lock } : { pid: -1 };
  } catch (e) {
    return codeOf(e) === "ENOENT" ? undefined : { pid: -1 }; // unreadable: treat as stale
  }
};

const readStatus = async (dir: string): Promise<string | undefined> => {
  try {
    const metrics = JSON.parse(await readFile(join(dir, METRICS_JSON), "utf8")) as { status?: unknown };
    return typeof metrics.status === "string" ? metrics.status : undefined;
  } catch {
    return undefined;
  }
};

/** What is in an existing folder: another run at work, a run that was killed, or anything else. */
const folderState = async (
  dir: string,
): Promise<{ readonly kind: "busy" | "killed" | "other"; readonly pid?: number }> => {
  const lock = await readLock(dir);
  if (lock !== undefined)
    return isAlive(lock.pid) ? { kind: "busy", pid: lock.pid } : { kind: "killed", pid: lock.pid };
  return (await readStatus(dir)) === "running" ? { kind: "killed" } : { kind: "other" };
};

const removeStaleParts = async (dir: string): Promise<void> => {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.filter(isPart).map((n) => rm(join(dir, n), { force: true }).catch(() => undefined)),
  );
};

/**
 * Takes a dead run's lock by renaming it (atomic: of two runs doing this at once, one wins), so the
 * exclusive create that follows cannot remove a lock a live run has just made.
 */
const breakStaleLock = async (dir: string): Promise<void> => {
  const taken = join(dir, `${RUN_LOCK}.${process.pid}.stale`);
  try {
    await rename(join(dir, RUN_LOCK), taken);
    await rm(taken, { force: true });
  } catch {
    // Gone already: another run took it.
  }
};

/** Marks a killed run's metrics.json "interrupted", keeping what it recorded. */
const markInterrupted = async (dir: string, pid: number | undefined): Promise<void> => {
  try {
    const metrics = JSON.parse(await readFile(join(dir, METRICS_JSON), "utf8")) as Record<string, unknown>;
    if (metrics["status"] !== "running") return;
    await writeJson(join(dir, METRICS_JSON), {
      ...metrics,
      status: "interrupted",
      message: `the run${pid === undefined ? "" : ` (pid ${pid})`} stopped without finishing (it was killed); nothing after its start was recorded`,
    });
  } catch {
    // No readable metrics.json: nothing to mark.
  }
};

/**
 * Cleans the run folders in `parent` that no live run holds: stale .part files go, a killed run's
 * metrics.json says "interrupted" and its lock goes. Folders without a lock or .part files are untouched.
 */
export const sweepStaleRuns = async (parent: string): Promise<void> => {
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(parent, entry.name);
    const state = await folderState(dir);
    if (state.kind === "busy") continue;
    await removeStaleParts(dir);
    if (state.kind === "killed") {
      await markInterrupted(dir, state.pid);
      await breakStaleLock(dir);
    }
  }
};

/** Removes what a previous run wrote into `dir` (its files and stale .part files), nothing else. */
const clearRunFiles = async (dir: string): Promise<void> => {
  // A name taken by something else (a folder called model.json) stays; writing over it fails later,
  // and the run then records that it failed.
  await Promise.all(RUN_FILES.map((name) => rm(join(dir, name), { force: true }).catch(() => undefined)));
  await removeStaleParts(dir);
};

/** Creates `dir/.stepwise-run.lock` exclusively: the run's claim on the folder. */
const lockFolder = async (dir: string, now: Date): Promise<E.Either<CliFailure, void>> => {
  try {
    await writeFile(
      join(dir, RUN_LOCK),
      `${JSON.stringify({ pid: process.pid, started: now.toISOString() })}\n`,
      {
        flag: "wx",
      },
    );
    return E.right(undefined);
  } catch (e) {
    if (codeOf(e) === "EEXIST") {
      const lock = await readLock(dir);
      return E.left(
        usageFailure(
          `--out ${dir}: another stepwise run${lock === undefined ? "" : ` (pid ${lock.pid})`} is writing into it; choose another --out`,
        ),
      );
    }
    return E.left(runtimeFailure(environmentProblem(e, "create the run folder's lock file in", dir)));
  }
};

const mkdirExclusive = async (dir: string): Promise<"created" | "exists" | { readonly error: unknown }> => {
  try {
    await mkdir(dir);
    return "created";
  } catch (e) {
    return codeOf(e) === "EEXIST" ? "exists" : { error: e };
  }
};

const ensureParent = async (dir: string): Promise<E.Either<CliFailure, void>> => {
  try {
    await mkdir(dir, { recursive: true });
    return E.right(undefined);
  } catch (e) {
    return E.left(runtimeFailure(environmentProblem(e, "create the folder", dir)));
  }
};

/** The default folder: runs/<timestamp>, or runs/<timestamp>-2, -3, … when taken (never shared). */
const claimDefault = async (base: string, now: Date): Promise<E.Either<CliFailure, RunFolder>> => {
  const first = resolve(base, defaultRunDir(now));
  const parent = dirname(first);
  const ready = await ensureParent(parent);
  if (E.isLeft(ready)) return ready;
  await sweepStaleRuns(parent);
  for (let k = 1; k <= 1000; k++) {
    const dir = k === 1 ? first : `${first}-${k}`;
    const made = await mkdirExclusive(dir);
    if (made === "created") return E.right({ dir, created: true });
    if (made !== "exists")
      return E.left(runtimeFailure(environmentProblem(made.error, "create the run folder", dir)));
  }
  return E.left(
    runtimeFailure(`${parent}: 1000 run folders named ${basename(first)}-… exist already; pass --out`),
  );
};

/**
 * `--out DIR`: created exclusively. An existing DIR is refused unless `force` (its run files are then
 * replaced; other files stay), except a folder whose run was killed, which is taken over; a folder a live
 * run holds is never taken.
 */
const claimOut = async (
  out: string,
  base: string,
  force: boolean,
): Promise<E.Either<CliFailure, RunFolder>> => {
  const dir = resolve(base, out);
  const ready = await ensureParent(dirname(dir));
  if (E.isLeft(ready)) return ready;
  const made = await mkdirExclusive(dir);
  if (made === "created") return E.right({ dir, created: true });
  if (made !== "exists")
    return E.left(runtimeFailure(environmentProblem(made.error, "create the run folder", dir)));
  const info = await stat(dir);
  if (!info.isDirectory())
    return E.left(usageFailure(`--out ${out}: ${dir} exists and is not a folder; choose another --out`));
  const state = await folderState(dir);
  if (state.kind === "busy")
    return E.left(
      usageFailure(
        `--out ${out}: another stepwise run (pid ${state.pid}) is writing into ${dir}; choose another --out`,
      ),
    );
  if (state.kind === "other" && !force)
    return E.left(
      usageFailure(
        `--out ${out}: ${dir} already exists; choose another --out, or pass --force to overwrite its files`,
      ),
    );
  if (state.kind === "killed") await breakStaleLock(dir);
  return E.right({
    dir,
    created: false,
    ...(state.kind === "killed"
      ? {
          note: `Reusing ${dir}: its run${state.pid === undefined || state.pid < 0 ? "" : ` (pid ${state.pid})`} was killed before it finished.`,
        }
      : {}),
  });
};

/**
 * Claims the run's folder before any training: creates it (or takes over an old one, see claimOut),
 * clears an old run's files, locks it and writes a metrics.json that says "running". Any permission
 * problem shows up here, naming the path, before a single iteration.
 */
export const claimRunFolder = async (options: {
  readonly out: string | undefined;
  readonly force: boolean;
  readonly base: string;
  readonly now: Date;
  readonly running: Readonly<Record<string, unknown>>;
}): Promise<E.Either<CliFailure, RunFolder>> => {
  const { out, force, base, now } = options;
  const claimed = out === undefined ? await claimDefault(base, now) : await claimOut(out, base, force);
  if (E.isLeft(claimed)) return claimed;
  const folder = claimed.right;
  const locked = await lockFolder(folder.dir, now);
  if (E.isLeft(locked)) {
    if (folder.created) await rm(folder.dir, { recursive: true, force: true });
    return locked;
  }
  if (!folder.created) await clearRunFiles(folder.dir);
  const started = await writeJson(join(folder.dir, METRICS_JSON), {
    status: "running",
    pid: process.pid,
    started: now.toISOString(),
    ...options.running,
  });
  if (E.isLeft(started)) {
    await discardRunFolder(folder);
    return E.left(runtimeFailure(started.left));
  }
  return E.right(folder);
};

/** Ends the run's claim: the lock and any .part file go (metrics.json is already final). */
export const releaseRunFolder = async (folder: RunFolder): Promise<void> => {
  await removeStaleParts(folder.dir);
  await rm(join(folder.dir, RUN_LOCK), { force: true });
};

/** Undoes a run that recorded nothing: removes the folder it created, or its files from a reused one. */
export const discardRunFolder = async (folder: RunFolder): Promise<void> => {
  if (folder.created) {
    await rm(folder.dir, { recursive: true, force: true });
    return;
  }
  await clearRunFiles(folder.dir);
  await rm(join(folder.dir, RUN_LOCK), { force: true });
};

/**
 * The last word of a process that exits mid-run (a second Ctrl-C): synchronously, since an exiting
 * process runs no more callbacks. Writes metrics.json atomically, removes .part files and the lock.
 */
export const abandonRunFolderSync = (folder: RunFolder, metrics: Readonly<Record<string, unknown>>): void => {
  try {
    const temp = join(folder.dir, `.${METRICS_JSON}.${process.pid}.exit.part`);
    writeFileSync(temp, `${JSON.stringify(metrics, null, 2)}\n`);
    renameSync(temp, join(folder.dir, METRICS_JSON));
    for (const name of readdirSync(folder.dir).filter(isPart))
      rmSync(join(folder.dir, name), { force: true });
    rmSync(join(folder.dir, RUN_LOCK), { force: true });
  } catch {
    // Exiting anyway; the next run's sweep finishes the job.
  }
};

export const writeJson = (path: string, value: unknown): Promise<E.Either<StepwiseError, string>> =>
  writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`));
