import { mkdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { writeFileAtomic } from "@stepwise/data/node";
import { invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/** `runs/2026-11-24T03-41-07`: sortable, and safe in every file system. */
export const defaultRunDir = (now: Date): string =>
  join("runs", now.toISOString().slice(0, 19).replaceAll(":", "-"));

/**
 * Creates the run folder. An existing one is refused unless `force`, so a finished run's model and
 * report are never overwritten by accident.
 */
export const prepareRunDir = async (
  dir: string,
  force: boolean,
): Promise<E.Either<StepwiseError, string>> => {
  const absolute = resolve(dir);
  const existing = await stat(absolute).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory())
    return E.left(
      invalidArgument(`--out ${dir}: ${absolute} exists and is not a folder; choose another --out`),
    );
  if (existing !== undefined && !force)
    return E.left(
      invalidArgument(
        `--out ${dir}: ${absolute} already exists; choose another --out, or pass --force to overwrite its files`,
      ),
    );
  await mkdir(absolute, { recursive: true });
  return E.right(absolute);
};

export const writeJson = (path: string, value: unknown): Promise<E.Either<StepwiseError, string>> =>
  writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`));
