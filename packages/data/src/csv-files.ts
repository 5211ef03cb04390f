import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { parse_football_dataset, type TrainTestSets } from "./course2.js";
import { type CsvDataset, type CsvDatasetOptions, parseCsvDataset } from "./csv.js";
import { dataError } from "./ndarray.js";
import { packageFile } from "./package-files.js";

/** The course's football.csv as shipped in this package (`datasets/` is in the published files). */
export const FOOTBALL_CSV_URL: URL = pathToFileURL(packageFile("datasets/course2/football.csv"));

const readText = async (path: string): Promise<E.Either<StepwiseError, string>> => {
  try {
    return E.right(await readFile(path, "utf8"));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why = code === "ENOENT" ? "there is no such file" : e instanceof Error ? e.message : String(e);
    return E.left(
      dataError(
        `readCsvDataset: cannot read ${path}: ${why}; check the path (it is relative to ${process.cwd()})`,
      ),
    );
  }
};

/** `parseCsvDataset` on a file: messages name the file and the line (`data.csv line 17, column "x"`). */
export const readCsvDataset = async (
  path: string,
  options: CsvDatasetOptions,
): Promise<E.Either<StepwiseError, CsvDataset>> => {
  const text = await readText(path);
  return E.isLeft(text) ? text : parseCsvDataset(text.right, { source: path, ...options });
};

/** The Regularization notebook's `load_2D_dataset()`: football.csv's first 211 rows train, the last 200 test. */
export const load_football_dataset = async (): Promise<E.Either<StepwiseError, TrainTestSets>> => {
  const path = fileURLToPath(FOOTBALL_CSV_URL);
  const text = await readText(path);
  return E.isLeft(text) ? text : parse_football_dataset(text.right, path);
};
