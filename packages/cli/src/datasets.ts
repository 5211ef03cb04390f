import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { CATVNONCAT_CLASSES, type Dataset, load_circles_dataset, load_moons_dataset } from "@stepwise/data";
import {
  findOrFetchCatvnoncat,
  load_football_dataset,
  loadCatvnoncat,
  readCsvDataset,
} from "@stepwise/data/node";
import { checkLayersAgainstData, type LayerSizeMismatch } from "@stepwise/model";
import type { Matrix, StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { type CliFailure, runtimeFailure, usageFailure } from "./cli-error.js";

/** The data sets `--data` knows by name; anything else is a catvnoncat folder or a CSV file. */
export const NAMED_DATA = ["catvnoncat", "moons", "circles", "football"] as const;
export type NamedData = (typeof NAMED_DATA)[number];

/** What a run trains on, whatever `--data` named. */
export interface TrainingData {
  /** "catvnoncat", "moons", "circles", "football", or the CSV file's name. */
  readonly name: string;
  /** Where it came from, as metrics.json records it: the folder, the file, or the name. */
  readonly source: string;
  readonly train_X: Matrix;
  readonly train_Y: Matrix;
  /** The test set, where the data has one (catvnoncat, circles, football). */
  readonly test?: readonly [X: Matrix, Y: Matrix];
  /** The notebook's network for this data, used when `--layers` is not given (none for a CSV file). */
  readonly layers?: ReadonlyArray<number>;
  /** What the input features are, for messages: "64·64·3 pixels", "x1, x2", a CSV's column names. */
  readonly features: string;
  /** Class names by label; the catvnoncat images, for the report's mislabeled pictures. */
  readonly classes: ReadonlyArray<string>;
  readonly catvnoncat?: Dataset;
}

export interface DataFlags {
  readonly data?: string;
  readonly label?: string;
}

const fromStepwise =
  (what: string) =>
  <A>(result: E.Either<StepwiseError, A>): E.Either<CliFailure, A> =>
    E.mapLeft((e: StepwiseError) => runtimeFailure(`${what}: ${e.message}`))(result);

const BINARY_CLASSES = ["0", "1"];

/** The three Course 2 data sets, exactly as the notebooks build them, with their networks. */
const courseTwo = async (
  name: "moons" | "circles" | "football",
): Promise<E.Either<CliFailure, TrainingData>> => {
  const common = { name, source: name, features: "x1, x2", classes: BINARY_CLASSES };
  if (name === "moons") {
    const [train_X, train_Y] = load_moons_dataset();
    return E.right({ ...common, train_X, train_Y, layers: [2, 5, 2, 1] });
  }
  if (name === "circles") {
    const [train_X, train_Y, test_X, test_Y] = load_circles_dataset();
    return E.right({ ...common, train_X, train_Y, test: [test_X, test_Y], layers: [2, 10, 5, 1] });
  }
  const football = fromStepwise("--data football")(await load_football_dataset());
  return E.map(
    ([train_X, train_Y, test_X, test_Y]: readonly [Matrix, Matrix, Matrix, Matrix]): TrainingData => ({
      ...common,
      train_X,
      train_Y,
      test: [test_X, test_Y],
      layers: [2, 20, 3, 1],
    }),
  )(football);
};

const catvnoncat = async (
  dir: string | undefined,
  log: (line: string) => void,
): Promise<E.Either<CliFailure, TrainingData>> => {
  const found = await findOrFetchCatvnoncat({
    ...(dir === undefined ? {} : { flag: dir }),
    // Inside a checkout of the repository (from its root, a package, or anywhere while running its CLI),
    // the workspace's datasets/catvnoncat is the data: no download.
    searchFrom: [process.cwd(), import.meta.dirname],
    log,
  });
  if (E.isLeft(found)) return E.left(runtimeFailure(found.left));
  const loaded = await loadCatvnoncat(found.right);
  if (E.isLeft(loaded)) return E.left(runtimeFailure(loaded.left));
  const data = loaded.right;
  return E.right({
    name: "catvnoncat",
    source: found.right,
    train_X: data.train_x,
    train_Y: data.train_y,
    test: [data.test_x, data.test_y],
    layers: [12288, 20, 7, 5, 1],
    features: "64·64·3 pixels",
    classes: data.classes.length > 0 ? data.classes : CATVNONCAT_CLASSES,
    catvnoncat: data,
  });
};

const csvFile = async (
  path: string,
  label: string | undefined,
): Promise<E.Either<CliFailure, TrainingData>> => {
  if (label === undefined)
    return E.left(
      usageFailure(
        `--data ${path}: a CSV file needs --label <column>, the name of the column that holds the labels`,
      ),
    );
  const read = await readCsvDataset(path, { label });
  if (E.isLeft(read)) return E.left(usageFailure(`--data ${path}: ${read.left.message}`));
  const { X, Y, features, classes } = read.right;
  return E.right({
    name: basename(path),
    source: path,
    train_X: X,
    train_Y: Y,
    features: features.join(", "),
    classes: classes.map(String),
  });
};

/**
 * `--data`: a name (moons, circles, football, catvnoncat), a CSV file (with `--label`), or a folder of
 * the catvnoncat files; without it, the catvnoncat data from wherever it is found (or downloaded).
 */
export const loadTrainingData = async (
  flags: DataFlags,
  log: (line: string) => void,
): Promise<E.Either<CliFailure, TrainingData>> => {
  const { data } = flags;
  if (data === undefined || data === "catvnoncat") return catvnoncat(undefined, log);
  if (data === "moons" || data === "circles" || data === "football") return courseTwo(data);
  const info = await stat(data).catch(() => undefined);
  if (info?.isFile() === true || (info === undefined && data.toLowerCase().endsWith(".csv")))
    return csvFile(data, flags.label);
  // A bare word that is no file is a misspelt name; anything else is a catvnoncat folder, whose loader
  // says what is missing where.
  if (info === undefined && /^[\w-]+$/.test(data))
    return E.left(
      usageFailure(
        `--data ${data}: not a data set's name (${NAMED_DATA.join(", ")}), and there is no file or folder of that name; pass one of those names, a CSV file (with --label <column>) or a folder holding train_catvnoncat.h5 and test_catvnoncat.h5`,
      ),
    );
  return catvnoncat(data, log);
};

/** The network of the notebook a named data set comes from (catvnoncat without `--data`); else undefined. */
export const notebookLayers = (data: string | undefined): ReadonlyArray<number> | undefined =>
  data === undefined || data === "catvnoncat"
    ? [12288, 20, 7, 5, 1]
    : data === "moons"
      ? [2, 5, 2, 1]
      : data === "circles"
        ? [2, 10, 5, 1]
        : data === "football"
          ? [2, 20, 3, 1]
          : undefined;

/** `--layers`, else the data's notebook network (a CSV file has none: then `--layers` is needed). */
export const chooseLayers = (
  flag: ReadonlyArray<number> | undefined,
  data: TrainingData,
): E.Either<CliFailure, ReadonlyArray<number>> => {
  const layers = flag ?? data.layers;
  return layers !== undefined
    ? E.right(layers)
    : E.left(
        usageFailure(
          `--data ${data.source}: pass --layers, input size first and output size last, e.g. --layers ${data.train_X.rows},10,${data.train_Y.rows} (its features: ${data.features})`,
        ),
      );
};

/** The model's own check of the layers against the data (checkLayersAgainstData), worded for `--layers`. */
export const checkLayersFlag = (
  layers: ReadonlyArray<number>,
  data: TrainingData,
): E.Either<CliFailure, void> => {
  const shown = layers.join(",");
  return E.mapLeft(({ end, expected }: LayerSizeMismatch) =>
    usageFailure(
      end === "first"
        ? `--layers ${shown}: the first size must be the number of input features, ${expected} (${data.name}: ${data.features}); e.g. --layers ${[expected, ...layers.slice(1)].join(",")}`
        : `--layers ${shown}: the last size must be ${expected}, the number of label rows of ${data.name} (${expected === 1 ? "one output unit for a 0/1 label" : `one per class: ${data.classes.join(", ")}`})`,
    ),
  )(checkLayersAgainstData("--layers", data.train_X, data.train_Y, layers));
};
