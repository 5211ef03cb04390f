import type { Matrix, StepwiseError } from "@stepwise/tensor";
import { unsafeMatrix } from "@stepwise/tensor";
// The browser build: self-contained ESM that runs in Node and browsers alike (csv-parse's Node build
// needs Node's global Buffer). See README.md, "CSV: csv-parse".
import { parse } from "csv-parse/browser/esm/sync";
import * as E from "fp-ts/lib/Either.js";
import { dataError } from "./ndarray.js";
import { parsePandasFloat } from "./pandas-float.js";

/** How the label column becomes Y. */
export type LabelEncoding = "auto" | "binary" | "one-hot";

export interface CsvDatasetOptions {
  /** The label column, by its header name. */
  readonly label: string;
  /** The feature columns, in the order they become X's rows; default: every other column, in file order. */
  readonly features?: ReadonlyArray<string>;
  /**
   * `"binary"`: labels must be 0 or 1, Y is (1, m) (a sigmoid output). `"one-hot"`: labels are class
   * indices 0..K-1, Y is (K, m) (a softmax output). `"auto"` (the default): binary when every label is
   * 0 or 1, one-hot otherwise.
   */
  readonly labels?: LabelEncoding;
  /**
   * How decimal text becomes a double. `"exact"` (the default): correctly rounded, as JavaScript's
   * `Number`, Python's `float` and numpy's `loadtxt` read it. `"pandas"`: as `pd.read_csv` reads it by
   * default (pandas 1.x's `precise_xstrtod`), which can be one ulp off for 17-digit decimals; use it to get
   * a notebook's numbers exactly when the notebook read the file with pandas.
   */
  readonly floats?: "exact" | "pandas";
  /** The field separator (default ","): ";" or "\t" for files saved that way. */
  readonly delimiter?: string;
  /** What to call the text in messages, e.g. its file path (default "the CSV text"). */
  readonly source?: string;
}

/** A labelled data set in the course's layout: one example per column. */
export interface CsvDataset {
  /** (n_features, m). */
  readonly X: Matrix;
  /** (1, m) of 0/1 for binary labels; (classes, m) one-hot for class indices. */
  readonly Y: Matrix;
  /** X's rows, by column name. */
  readonly features: ReadonlyArray<string>;
  /** The label column's name. */
  readonly label: string;
  /** The class indices Y encodes: [0, 1] for binary, [0, 1, …, K-1] for one-hot. */
  readonly classes: ReadonlyArray<number>;
  readonly encoding: "binary" | "one-hot";
}

/** One-hot Y has a row per class: a label of a million would allocate a million rows, so cap it. */
export const MAX_CLASSES = 1000;

const FN = "parseCsvDataset";

/** A record of the file with the line it starts on, as an editor numbers lines (the header is line 1). */
interface Row {
  readonly fields: ReadonlyArray<string>;
  readonly line: number;
}

/** csv-parse's errors say what is wrong; the line is where the broken record starts (an unclosed quote
 * is only noticed at the end of the file). */
const csvSyntaxError = (source: string, line: number, e: unknown): StepwiseError => {
  const { message } = (e ?? {}) as { message?: unknown };
  return dataError(
    `${FN}: ${source} is not valid CSV at line ${line}: ${typeof message === "string" ? message : String(e)}; fix the quoting there (a field with a comma, a quote or a line break in it must be wrapped in double quotes, with inner quotes doubled)`,
  );
};

/**
 * The records with the lines they start on. A record starts on the line after the previous one ended
 * (csv-parse reports where each ends), so a quoted field with a line break inside still leaves the
 * right line numbers for the rows after it. Blank lines are dropped here (they still count as lines).
 */
const readRows = (
  text: string,
  source: string,
  delimiter: string,
): E.Either<StepwiseError, ReadonlyArray<Row>> => {
  const rows: Row[] = [];
  let nextLine = 1;
  try {
    parse(text, {
      bom: true,
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"], // any mix of Windows, Unix and old Mac line ends
      relax_column_count: true, // ragged rows are reported later, with both counts
      on_record: (record: ReadonlyArray<string>, { lines }: { readonly lines: number }) => {
        const blank = record.length === 1 && (record[0] ?? "").trim() === "";
        if (!blank) rows.push({ fields: record.map((f) => f.trim()), line: nextLine });
        nextLine = lines + 1;
        return null; // kept here, not in csv-parse's output
      },
    });
  } catch (e) {
    return E.left(csvSyntaxError(source, nextLine, e));
  }
  return E.right(rows);
};

const quoteList = (names: ReadonlyArray<string>): string => names.map((n) => JSON.stringify(n)).join(", ");

interface Columns {
  readonly label: number;
  readonly features: ReadonlyArray<number>;
  readonly featureNames: ReadonlyArray<string>;
}

/** Finds the label and feature columns in the header, or says which names exist. */
const resolveColumns = (
  header: ReadonlyArray<string>,
  options: CsvDatasetOptions,
  source: string,
): E.Either<StepwiseError, Columns> => {
  const unnamed = header.indexOf("");
  if (unnamed >= 0)
    return E.left(
      dataError(
        `${FN}: ${source} line 1 (the header): column ${unnamed + 1} has no name; give every column a name in the header row`,
      ),
    );
  const duplicate = header.find((name, i) => header.indexOf(name) !== i);
  if (duplicate !== undefined)
    return E.left(
      dataError(
        `${FN}: ${source} line 1 (the header): the column name ${JSON.stringify(duplicate)} appears more than once; rename one so each column can be chosen by name`,
      ),
    );
  const label = header.indexOf(options.label);
  if (label < 0)
    return E.left(
      dataError(
        `${FN}: ${source} has no label column ${JSON.stringify(options.label)}; its columns are ${quoteList(header)}; pass one of them as { label: "…" }`,
      ),
    );
  const featureNames = options.features ?? header.filter((_, i) => i !== label);
  const missing = featureNames.filter((name) => !header.includes(name));
  if (missing.length > 0)
    return E.left(
      dataError(
        `${FN}: ${source} has no feature column${missing.length > 1 ? "s" : ""} ${quoteList(missing)}; its columns are ${quoteList(header)}`,
      ),
    );
  if (featureNames.includes(options.label))
    return E.left(
      dataError(
        `${FN}: ${JSON.stringify(options.label)} is the label column and cannot also be a feature; drop it from features`,
      ),
    );
  const repeated = featureNames.find((name, i) => featureNames.indexOf(name) !== i);
  if (repeated !== undefined)
    return E.left(
      dataError(`${FN}: features lists ${JSON.stringify(repeated)} twice; list each column once`),
    );
  if (featureNames.length === 0)
    return E.left(
      dataError(
        `${FN}: ${source} has no feature columns: its only column is the label ${JSON.stringify(options.label)}; add at least one column of inputs`,
      ),
    );
  return E.right({ label, features: featureNames.map((name) => header.indexOf(name)), featureNames });
};

// A decimal number as people write them: 3, -0.5, .25, 1e-3, +2. (Not Number()'s "0x1f", "" or " ".)
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(inf|infinity|nan)$/i;

/** A cell as a finite number, or an error naming the line, the column and the text. */
const readNumber = (
  cell: string,
  where: string,
  what: string,
  toDouble: (decimal: string) => number,
): E.Either<StepwiseError, number> => {
  if (cell === "") return E.left(dataError(`${FN}: ${where} is empty; every ${what} needs a number`));
  const value = DECIMAL.test(cell) ? toDouble(cell) : Number.NaN;
  if (Number.isFinite(value)) return E.right(value);
  if (DECIMAL.test(cell) || NON_FINITE.test(cell))
    return E.left(
      dataError(
        `${FN}: ${where} is ${JSON.stringify(cell)}, which is not a finite number${DECIMAL.test(cell) ? " (too large for float64)" : ""}; remove the example or fill in a value`,
      ),
    );
  return E.left(
    dataError(
      `${FN}: ${where} is ${JSON.stringify(cell)}, which is not a number; ${what}s must be plain decimal numbers like 0.25 or -3e-2`,
    ),
  );
};

/** A label: an integer class index ≥ 0 (and 0 or 1 when the encoding is binary). */
const readLabel = (
  cell: string,
  where: string,
  encoding: LabelEncoding,
  toDouble: (decimal: string) => number,
): E.Either<StepwiseError, number> =>
  E.flatMap((value: number) => {
    if (encoding === "binary" && value !== 0 && value !== 1)
      return E.left(
        dataError(
          `${FN}: ${where} is ${JSON.stringify(cell)}, but binary labels must be 0 or 1${value === -1 ? " (labels of -1/1 need mapping -1 to 0)" : ""}; pass { labels: "one-hot" } if the column holds class indices`,
        ),
      );
    if (!Number.isInteger(value) || value < 0)
      return E.left(
        dataError(
          `${FN}: ${where} is ${JSON.stringify(cell)}, but a label must be 0/1 or a class index 0, 1, 2, …${value === -1 ? " (labels of -1/1 need mapping -1 to 0)" : ""}`,
        ),
      );
    if (value >= MAX_CLASSES)
      return E.left(
        dataError(
          `${FN}: ${where} is ${JSON.stringify(cell)}: a one-hot Y would need ${value + 1} rows; class indices must be below ${MAX_CLASSES} (number the classes 0, 1, 2, …)`,
        ),
      );
    return E.right(value);
  })(readNumber(cell, where, "label", toDouble));

interface ReadSettings {
  readonly source: string;
  readonly encoding: LabelEncoding;
  readonly toDouble: (decimal: string) => number;
  readonly label: string;
}

/** X (n_features, m) and the labels, row by row, stopping at the first bad row or cell. */
const readExamples = (
  rows: ReadonlyArray<Row>,
  header: ReadonlyArray<string>,
  columns: Columns,
  { source, encoding, toDouble, label }: ReadSettings,
): E.Either<StepwiseError, readonly [Matrix, ReadonlyArray<number>]> => {
  const m = rows.length;
  const n = columns.features.length;
  const X = new Float64Array(n * m);
  const labels: number[] = [];
  for (const [j, row] of rows.entries()) {
    if (row.fields.length !== header.length)
      return E.left(
        dataError(
          `${FN}: ${source} line ${row.line} has ${row.fields.length} field${row.fields.length === 1 ? "" : "s"} but the header has ${header.length} (${quoteList(header)}); every line needs one value per column`,
        ),
      );
    for (const [i, column] of columns.features.entries()) {
      const where = `${source} line ${row.line}, column ${JSON.stringify(header[column] ?? "")}`;
      const value = readNumber(row.fields[column] ?? "", where, "feature", toDouble);
      if (E.isLeft(value)) return value;
      X[i * m + j] = value.right;
    }
    const where = `${source} line ${row.line}, label column ${JSON.stringify(label)}`;
    const y = readLabel(row.fields[columns.label] ?? "", where, encoding, toDouble);
    if (E.isLeft(y)) return y;
    labels.push(y.right);
  }
  return E.right([unsafeMatrix(n, m, X), labels]);
};

/** Y (1, m) of 0/1, or one-hot (K, m) with K = the largest class index + 1. */
const encodeLabels = (
  labels: ReadonlyArray<number>,
  encoding: LabelEncoding,
): Pick<CsvDataset, "Y" | "classes" | "encoding"> => {
  const m = labels.length;
  const binary = encoding === "binary" || (encoding === "auto" && labels.every((y) => y <= 1));
  const classCount = binary ? 2 : labels.reduce((a, b) => Math.max(a, b), 0) + 1;
  const classes = Array.from({ length: classCount }, (_, k) => k);
  if (binary) return { Y: unsafeMatrix(1, m, Float64Array.from(labels)), classes, encoding: "binary" };
  const Y = new Float64Array(classCount * m);
  for (const [j, y] of labels.entries()) Y[y * m + j] = 1;
  return { Y: unsafeMatrix(classCount, m, Y), classes, encoding: "one-hot" };
};

/**
 * A labelled data set from CSV text: a header row naming the columns, then one example per line.
 * The features become X (n_features, m) and the label column Y (see `CsvDatasetOptions.labels`).
 * Every problem is a `DataError` naming the line as an editor numbers it (the header is line 1), the
 * column and the cell: a missing column, an empty or non-numeric cell, a ragged row, an empty file,
 * labels that are not 0/1 or class indices, infinities and NaNs.
 */
export const parseCsvDataset = (
  text: string,
  options: CsvDatasetOptions,
): E.Either<StepwiseError, CsvDataset> => {
  const source = options.source ?? "the CSV text";
  const encoding = options.labels ?? "auto";
  const toDouble = options.floats === "pandas" ? parsePandasFloat : Number;
  const rowsOrError = readRows(text, source, options.delimiter ?? ",");
  if (E.isLeft(rowsOrError)) return rowsOrError;
  const [headerRow, ...rows] = rowsOrError.right;
  if (headerRow === undefined)
    return E.left(
      dataError(
        `${FN}: ${source} is empty; expected a header row naming the columns, then one example per line`,
      ),
    );
  const header = headerRow.fields;
  const columnsOrError = resolveColumns(header, options, source);
  if (E.isLeft(columnsOrError)) return columnsOrError;
  const columns = columnsOrError.right;
  if (rows.length === 0)
    return E.left(
      dataError(
        `${FN}: ${source} has a header (line ${headerRow.line}) but no examples; add one example per line below it`,
      ),
    );
  const examples = readExamples(rows, header, columns, { source, encoding, toDouble, label: options.label });
  if (E.isLeft(examples)) return examples;
  const [X, labels] = examples.right;
  return E.right({
    X,
    ...encodeLabels(labels, encoding),
    features: columns.featureNames,
    label: options.label,
  });
};
