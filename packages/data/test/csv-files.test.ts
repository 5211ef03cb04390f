import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { toArray } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse_football_dataset } from "../src/course2.js";
import { FOOTBALL_CSV_URL, load_football_dataset, readCsvDataset } from "../src/csv-files.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "stepwise-csv-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readCsvDataset", () => {
  it("reads a user's file and names it in messages", async () => {
    const path = join(dir, "mine.csv");
    await writeFile(path, "height,weight,is_cat\n0.3,4.1,1\n1.8,70,0\n");
    const good = await readCsvDataset(path, { label: "is_cat" });
    expect(E.isRight(good) && toArray(good.right.X)).toStrictEqual([
      [0.3, 1.8],
      [4.1, 70],
    ]);
    await writeFile(path, "height,weight,is_cat\n0.3,4.1,1\n1.8,heavy,0\n");
    const bad = await readCsvDataset(path, { label: "is_cat" });
    expect(E.isLeft(bad) && bad.left.message).toBe(
      `parseCsvDataset: ${path} line 3, column "weight" is "heavy", which is not a number; features must be plain decimal numbers like 0.25 or -3e-2`,
    );
  });

  it("says when the file is not there", async () => {
    const path = join(dir, "nope.csv");
    const result = await readCsvDataset(path, { label: "y" });
    expect(E.isLeft(result) && result.left).toStrictEqual({
      _tag: "DataError",
      message: `readCsvDataset: cannot read ${path}: there is no such file; check the path (it is relative to ${process.cwd()})`,
    });
  });
});

describe("load_football_dataset", () => {
  it("reads the football.csv shipped in the package's datasets/ folder", async () => {
    expect(fileURLToPath(FOOTBALL_CSV_URL)).toBe(
      fileURLToPath(new URL("../datasets/course2/football.csv", import.meta.url)),
    );
    const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as {
      files: string[];
    };
    expect(pkg.files).toContain("datasets");
  });

  it("is parse_football_dataset on that file: 211 training and 200 test examples", async () => {
    const loaded = await load_football_dataset();
    const parsed = parse_football_dataset(await readFile(FOOTBALL_CSV_URL, "utf8"));
    expect(E.isRight(loaded)).toBe(true);
    expect(loaded).toStrictEqual(E.map((sets) => sets)(parsed));
    if (E.isRight(loaded))
      expect(loaded.right.map((m) => [m.rows, m.cols])).toStrictEqual([
        [2, 211],
        [1, 211],
        [2, 200],
        [1, 200],
      ]);
  });
});
