import { describe, expect, it } from "vitest";
import * as node from "../src/node.js";

describe("@stepwise/data/node", () => {
  it("exports the file readers (a change here is a change of the package's contract)", () => {
    expect(Object.keys(node).sort()).toEqual(["FOOTBALL_CSV_URL", "load_football_dataset", "readCsvDataset"]);
  });
});
