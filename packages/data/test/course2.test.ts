import { readFileSync } from "node:fs";
import type { Matrix } from "@stepwise/tensor";
import { toArray } from "@stepwise/tensor";
import { loadFixture } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  FOOTBALL_TEST_SIZE,
  load_circles_dataset,
  load_moons_dataset,
  parse_football_dataset,
} from "../src/course2.js";

// fixtures/course2-datasets.json: the Course 2 notebooks' own arrays (numpy 1.24.2, scikit-learn 1.2.1).
type Rows = ReadonlyArray<ReadonlyArray<number>>;
interface Split {
  readonly train_X: Rows;
  readonly train_Y: Rows;
  readonly test_X?: Rows;
  readonly test_Y?: Rows;
}
const { datasets } = loadFixture("course2-datasets.json") as {
  readonly datasets: { readonly circles: Split; readonly moons: Split; readonly football: Split };
};

const FOOTBALL_CSV = new URL("../datasets/course2/football.csv", import.meta.url);

/** Every number equal by ===, and the shapes equal: the fixture's nested rows are (rows, cols). */
const expectBitForBit = (got: Matrix, expected: Rows | undefined): void => {
  expect(expected).toBeDefined();
  const rows = expected ?? [];
  expect([got.rows, got.cols]).toEqual([rows.length, rows[0]?.length]);
  const differing = toArray(got).flatMap((row, i) =>
    row.flatMap((v, j) => (v === rows[i]?.[j] ? [] : [{ at: [i, j], got: v, expected: rows[i]?.[j] }])),
  );
  expect(differing.slice(0, 3)).toEqual([]);
};

describe("the notebooks' data sets, bit for bit against course2-datasets.json", () => {
  it("load_circles_dataset: train (seed 1, 300 points) and test (seed 2, 100 points)", () => {
    const [train_X, train_Y, test_X, test_Y] = load_circles_dataset();
    expectBitForBit(train_X, datasets.circles.train_X);
    expectBitForBit(train_Y, datasets.circles.train_Y);
    expectBitForBit(test_X, datasets.circles.test_X);
    expectBitForBit(test_Y, datasets.circles.test_Y);
  });

  it("load_moons_dataset: seed 3, 300 points, noise 0.2", () => {
    const [train_X, train_Y] = load_moons_dataset();
    expectBitForBit(train_X, datasets.moons.train_X);
    expectBitForBit(train_Y, datasets.moons.train_Y);
  });

  it("parse_football_dataset: the first 211 rows of football.csv train, the last 200 test", () => {
    const sets = parse_football_dataset(readFileSync(FOOTBALL_CSV, "utf8"));
    expect(E.isRight(sets)).toBe(true);
    if (E.isLeft(sets)) return;
    const [train_X, train_Y, test_X, test_Y] = sets.right;
    expect([train_X.cols, test_X.cols]).toEqual([211, FOOTBALL_TEST_SIZE]);
    expectBitForBit(train_X, datasets.football.train_X);
    expectBitForBit(train_Y, datasets.football.train_Y);
    expectBitForBit(test_X, datasets.football.test_X);
    expectBitForBit(test_Y, datasets.football.test_Y);
  });

  it("give the same arrays on every call (no hidden state)", () => {
    expect(load_moons_dataset()).toStrictEqual(load_moons_dataset());
    expect(load_circles_dataset()).toStrictEqual(load_circles_dataset());
  });
});

describe("parse_football_dataset's errors", () => {
  it("passes on the CSV loader's errors, naming the file and line", () => {
    const bad = "pos_x,pos_y,team\n0.1,0.2,1.0\n0.3,oops,0.0\n";
    expect(parse_football_dataset(bad, "my-football.csv")).toStrictEqual(
      E.left({
        _tag: "DataError",
        message:
          'parseCsvDataset: my-football.csv line 3, column "pos_y" is "oops", which is not a number; features must be plain decimal numbers like 0.25 or -3e-2',
      }),
    );
  });

  it("needs more than the 200 test examples", () => {
    const text = `pos_x,pos_y,team\n${Array.from({ length: 200 }, (_, i) => `${i},0,${i % 2}`).join("\n")}\n`;
    const result = parse_football_dataset(text);
    expect(E.isLeft(result) && result.left.message).toBe(
      "parse_football_dataset: football.csv has 200 examples, but the notebook keeps the last 200 for testing and needs more to train on (the course's file has 411)",
    );
  });
});
