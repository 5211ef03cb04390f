import { describe, expect, it } from "vitest";
import * as main from "../src/index.js";
import * as node from "../src/node.js";

describe("@stepwise/data/node", () => {
  it("holds the file-system, download and node:crypto functions, and nothing the main entry has", () => {
    expect(Object.keys(node).filter((key) => key in main)).toEqual([]);
    expect(Object.keys(node)).toEqual(
      expect.arrayContaining([
        "FOOTBALL_CSV_URL",
        "fetchCatvnoncat",
        "findOrFetchCatvnoncat",
        "load_football_dataset",
        "loadCatvnoncat",
        "readBytes",
        "readCsvDataset",
        "readH5",
        "readImageColumn",
        "readNpy",
        "sha256Hex",
        "writeFileAtomic",
      ]),
    );
  });

  it("lists mirrors as https base URLs of a datasets folder", () => {
    expect(node.CATVNONCAT_MIRRORS.length).toBeGreaterThanOrEqual(3);
    for (const url of node.CATVNONCAT_MIRRORS)
      expect(url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/.+\/$/);
  });
});
