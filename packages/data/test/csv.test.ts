import { type Matrix, toArray } from "@stepwise/tensor";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type CsvDataset, type CsvDatasetOptions, MAX_CLASSES, parseCsvDataset } from "../src/csv.js";

const ok = (text: string, options: CsvDatasetOptions): CsvDataset => {
  const result = parseCsvDataset(text, options);
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};
const rows = (m: Matrix): number[][] => toArray(m);

describe("parseCsvDataset on good input", () => {
  it("puts one example per column: X (n_features, m), Y (1, m) for 0/1 labels", () => {
    const d = ok("x1,x2,y\n1,2,0\n3,4,1\n5,6,1\n", { label: "y" });
    expect(rows(d.X)).toStrictEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
    expect(rows(d.Y)).toStrictEqual([[0, 1, 1]]);
    expect(d).toMatchObject({ features: ["x1", "x2"], label: "y", classes: [0, 1], encoding: "binary" });
  });

  it("one-hot encodes class indices 0..K-1 into Y (K, m)", () => {
    const d = ok("a,class,b\n0.5,2,1\n1.5,0,2\n2.5,1,3\n3.5,2,4\n", { label: "class" });
    expect(d.features).toStrictEqual(["a", "b"]);
    expect(d.classes).toStrictEqual([0, 1, 2]);
    expect(d.encoding).toBe("one-hot");
    expect(rows(d.Y)).toStrictEqual([
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [1, 0, 0, 1],
    ]);
  });

  it("one-hot encodes 0/1 labels too when asked (a softmax with two outputs)", () => {
    const d = ok("x,y\n1,1\n2,0\n", { label: "y", labels: "one-hot" });
    expect(rows(d.Y)).toStrictEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("takes the feature columns named, in that order, and ignores the others (text included)", () => {
    const d = ok("name,b,a,y\nann,1,2,0\nbob,3,4,1\n", { label: "y", features: ["a", "b"] });
    expect(d.features).toStrictEqual(["a", "b"]);
    expect(rows(d.X)).toStrictEqual([
      [2, 4],
      [1, 3],
    ]);
  });

  it("accepts Windows, old Mac and mixed line ends, a BOM, quotes, spaces, blank lines and no final newline", () => {
    const d = ok('\ufeff"x 1", x2 ,y\r\n 1 ,"2",0\n\n3,4,1\r5e-1,-.25,1', { label: "y" });
    expect(d.features).toStrictEqual(["x 1", "x2"]);
    expect(rows(d.X)).toStrictEqual([
      [1, 3, 0.5],
      [2, 4, -0.25],
    ]);
  });

  it("reads ';' or tab separated files with the delimiter option", () => {
    expect(rows(ok("x;y\n1.5;1\n", { label: "y", delimiter: ";" }).X)).toStrictEqual([[1.5]]);
    expect(rows(ok("x\ty\n-2\t0\n", { label: "y", delimiter: "\t" }).X)).toStrictEqual([[-2]]);
  });

  it("reads 17-digit decimals correctly rounded by default, as pd.read_csv does with floats: 'pandas'", () => {
    const text = "x,y\n-0.22712580445463926,1\n";
    expect(ok(text, { label: "y" }).X.data[0]).toBe(-0.22712580445463926);
    expect(ok(text, { label: "y", floats: "pandas" }).X.data[0]).toBe(-0.2271258044546392);
  });
});

// Each bad input, the message it gets. Lines are numbered as an editor numbers them: the header is line 1.
const BAD: ReadonlyArray<readonly [string, string, CsvDatasetOptions, string]> = [
  [
    "an empty file",
    "",
    { label: "y" },
    "parseCsvDataset: the CSV text is empty; expected a header row naming the columns, then one example per line",
  ],
  ["only blank lines", "\n \n\r\n", { label: "y" }, "parseCsvDataset: the CSV text is empty"],
  [
    "a header and no examples",
    "x,y\n\n",
    { label: "y", source: "data.csv" },
    "parseCsvDataset: data.csv has a header (line 1) but no examples; add one example per line below it",
  ],
  [
    "a missing label column",
    "x1,x2,team\n1,2,0\n",
    { label: "label", source: "data.csv" },
    'parseCsvDataset: data.csv has no label column "label"; its columns are "x1", "x2", "team"; pass one of them as { label: "…" }',
  ],
  [
    "a missing feature column",
    "x1,x2,y\n1,2,0\n",
    { label: "y", features: ["x1", "x3", "x4"] },
    'parseCsvDataset: the CSV text has no feature columns "x3", "x4"; its columns are "x1", "x2", "y"',
  ],
  [
    "the label listed as a feature",
    "x,y\n1,0\n",
    { label: "y", features: ["x", "y"] },
    'parseCsvDataset: "y" is the label column and cannot also be a feature; drop it from features',
  ],
  [
    "no feature columns",
    "y\n1\n0\n",
    { label: "y" },
    'parseCsvDataset: the CSV text has no feature columns: its only column is the label "y"; add at least one column of inputs',
  ],
  [
    "a duplicated column name",
    "x,x,y\n1,2,0\n",
    { label: "y" },
    'parseCsvDataset: the CSV text line 1 (the header): the column name "x" appears more than once; rename one so each column can be chosen by name',
  ],
  [
    "an unnamed column",
    "x,,y\n1,2,0\n",
    { label: "y" },
    "parseCsvDataset: the CSV text line 1 (the header): column 2 has no name; give every column a name in the header row",
  ],
  [
    "a non-numeric cell, on the line after a blank line",
    "x1,x2,y\n1,2,0\n\n3,abc,1\n",
    { label: "y", source: "data.csv" },
    'parseCsvDataset: data.csv line 4, column "x2" is "abc", which is not a number; features must be plain decimal numbers like 0.25 or -3e-2',
  ],
  [
    "a non-numeric cell after a quoted field spanning two lines",
    'x1,x2,y\n1,2,0\n"3\n",4,1\n5,six,0\n',
    { label: "y", features: ["x2"] },
    'parseCsvDataset: the CSV text line 5, column "x2" is "six", which is not a number',
  ],
  [
    "a hexadecimal cell",
    "x,y\n0x1f,0\n",
    { label: "y" },
    'line 2, column "x" is "0x1f", which is not a number',
  ],
  [
    "a number with a thousands separator",
    'x,y\n"1,000",0\n',
    { label: "y" },
    'is "1,000", which is not a number',
  ],
  [
    "an empty cell",
    "x1,x2,y\n1,,0\n",
    { label: "y" },
    'parseCsvDataset: the CSV text line 2, column "x2" is empty; every feature needs a number',
  ],
  [
    "a short (ragged) row",
    "x1,x2,y\n1,2,0\n3,1\n",
    { label: "y", source: "data.csv" },
    'parseCsvDataset: data.csv line 3 has 2 fields but the header has 3 ("x1", "x2", "y"); every line needs one value per column',
  ],
  [
    "a long (ragged) row",
    "x,y\n1,0\n2,1,7\n",
    { label: "y" },
    "parseCsvDataset: the CSV text line 3 has 3 fields but the header has 2",
  ],
  [
    "a label that is not 0/1 for binary labels",
    "x,y\n1,0\n2,2\n",
    { label: "y", labels: "binary" },
    'parseCsvDataset: the CSV text line 3, label column "y" is "2", but binary labels must be 0 or 1; pass { labels: "one-hot" } if the column holds class indices',
  ],
  [
    "a -1/1 label",
    "x,y\n1,-1\n",
    { label: "y" },
    'parseCsvDataset: the CSV text line 2, label column "y" is "-1", but a label must be 0/1 or a class index 0, 1, 2, … (labels of -1/1 need mapping -1 to 0)',
  ],
  [
    "a fractional label",
    "x,y\n1,0.5\n",
    { label: "y" },
    'line 2, label column "y" is "0.5", but a label must be 0/1 or a class index',
  ],
  [
    "a text label",
    "x,y\n1,cat\n",
    { label: "y" },
    'line 2, label column "y" is "cat", which is not a number',
  ],
  [
    "a class index too large for one-hot",
    "x,y\n1,0\n2,5000\n",
    { label: "y" },
    `parseCsvDataset: the CSV text line 3, label column "y" is "5000": a one-hot Y would need 5001 rows; class indices must be below ${MAX_CLASSES} (number the classes 0, 1, 2, …)`,
  ],
  [
    "infinity",
    "x,y\ninf,0\n",
    { label: "y" },
    'parseCsvDataset: the CSV text line 2, column "x" is "inf", which is not a finite number; remove the example or fill in a value',
  ],
  ["NaN", "x,y\n1,0\nNaN,1\n", { label: "y" }, 'line 3, column "x" is "NaN", which is not a finite number'],
  [
    "a number too large for float64",
    "x,y\n1e999,0\n",
    { label: "y" },
    'line 2, column "x" is "1e999", which is not a finite number (too large for float64)',
  ],
  [
    "an unclosed quote",
    'x,y\n1,0\n"2,1\n3,0\n',
    { label: "y", source: "data.csv" },
    "parseCsvDataset: data.csv is not valid CSV at line 3: Quote Not Closed",
  ],
  [
    "a quote inside an unquoted field",
    'x,y\n1,0\n2"5,1\n',
    { label: "y" },
    "parseCsvDataset: the CSV text is not valid CSV at line 3: Invalid Opening Quote",
  ],
];

describe("parseCsvDataset's errors name the line (as an editor counts it), the column and the cell", () => {
  it.each(BAD)("%s", (_, text, options, message) => {
    const result = parseCsvDataset(text, options);
    expect(E.isLeft(result)).toBe(true);
    if (E.isRight(result)) return;
    expect(result.left._tag).toBe("DataError");
    expect(result.left.message).toContain(message);
  });
});

// Random well-formed CSVs: unique column names (some needing quotes), the label anywhere, any finite
// doubles written as JavaScript writes them, any line ends, with or without a final newline.
const columnName = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/),
  fc.constantFrom('with "quotes"', "with, comma", "with space", "ünïcödé"),
);
const quote = (name: string): string => (/[",\s]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name);
const csvCase = fc
  .record({
    names: fc.uniqueArray(columnName, { minLength: 2, maxLength: 6 }),
    m: fc.integer({ min: 1, max: 25 }),
    classes: fc.integer({ min: 2, max: 5 }),
    newline: fc.constantFrom("\n", "\r\n", "\r"),
    finalNewline: fc.boolean(),
    seed: fc.nat(),
  })
  .chain(({ names, m, classes, ...rest }) =>
    fc.record({
      names: fc.constant(names),
      labelAt: fc.integer({ min: 0, max: names.length - 1 }),
      values: fc.array(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: names.length - 1,
          maxLength: names.length - 1,
        }),
        { minLength: m, maxLength: m },
      ),
      labels: fc.array(fc.integer({ min: 0, max: classes - 1 }), { minLength: m, maxLength: m }),
      newline: fc.constant(rest.newline),
      finalNewline: fc.constant(rest.finalNewline),
    }),
  );

describe("parseCsvDataset round trip", () => {
  it("gives back exactly the numbers and labels a well-formed CSV was written from", () => {
    fc.assert(
      fc.property(csvCase, ({ names, labelAt, values, labels, newline, finalNewline }) => {
        const label = names[labelAt] ?? "";
        const features = names.filter((_, i) => i !== labelAt);
        const line = (cells: ReadonlyArray<string>): string => cells.join(",");
        const body = values.map((v, j) => {
          const cells = v.map((x) => String(x));
          cells.splice(labelAt, 0, String(labels[j]));
          return line(cells);
        });
        const text = [line(names.map(quote)), ...body].join(newline) + (finalNewline ? newline : "");
        const d = ok(text, { label });
        const m = values.length;
        expect(d.features).toStrictEqual(features);
        expect([d.X.rows, d.X.cols]).toStrictEqual([features.length, m]);
        expect(rows(d.X)).toStrictEqual(features.map((_, i) => values.map((v) => (v[i] === 0 ? 0 : v[i]))));
        const binary = labels.every((y) => y <= 1);
        expect(d.encoding).toBe(binary ? "binary" : "one-hot");
        if (binary) expect(Array.from(d.Y.data)).toStrictEqual(labels);
        else {
          const K = Math.max(...labels) + 1;
          expect(rows(d.Y)).toStrictEqual(
            Array.from({ length: K }, (_, k) => labels.map((y) => (y === k ? 1 : 0))),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});
