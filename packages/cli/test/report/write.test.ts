import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toImageBatch, toLabelRow } from "@stepwise/data";
import { readNpy } from "@stepwise/data/node";
import { unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMislabeled, type RunSummary, writeReportFiles } from "../../src/report/index.js";
import { courseRun, DATASET, PNG_SIGNATURE, right } from "./helpers.js";

const DATA = DATASET;

/** The course's L-layer run as the trainer would summarise it: real costs, real test images. */
const courseSummary = async (): Promise<RunSummary> => {
  const run = courseRun();
  const images = right(toImageBatch(right(await readNpy(join(DATA, "test_x.npy"))), "test_x.npy"));
  const m = images.shape[0];
  const labels = right(toLabelRow(right(await readNpy(join(DATA, "test_y.npy"))), m, "test_y.npy"));
  const predictions = unsafeMatrix(1, m, Float64Array.from(run.test_predictions));
  // The fixture keeps only the 0/1 predictions; a confident stand-in for AL is enough to draw them.
  const probabilities = unsafeMatrix(
    1,
    m,
    Float64Array.from(run.test_predictions, (p) => (p === 1 ? 0.9 : 0.1)),
  );
  const mislabeled = right(
    findMislabeled(images, labels, { predictions, probabilities }, ["non-cat", "cat"]),
  );
  return {
    title: "L-layer model [12288, 20, 7, 5, 1]",
    config: { layers: [12288, 20, 7, 5, 1], learning_rate: run.learning_rate, iterations: run.costs.length },
    costs: run.costs,
    trainAccuracy: run.train_accuracy,
    testAccuracy: run.test_accuracy,
    seconds: 12.5,
    mislabeled,
    testCount: m,
  };
};

describe("writeReportFiles", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "stepwise-report-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes cost.svg, cost.png and report.html for the course's run, and nothing else", async () => {
    const summary = await courseSummary();
    // 80% of 50 test images right: the course's 10 mislabeled pictures.
    expect(summary.mislabeled).toHaveLength(10);
    const { files } = right(await writeReportFiles(dir, summary, { learningRate: 0.0075 }));
    expect(files).toEqual(["cost.svg", "cost.png", "report.html"].map((f) => join(dir, f)));
    expect((await readdir(dir)).sort()).toEqual(["cost.png", "cost.svg", "report.html"]);

    const svg = await readFile(join(dir, "cost.svg"), "utf8");
    expect(svg).toContain("learning rate = 0.0075");
    expect(svg).toContain(">L-layer model [12288, 20, 7, 5, 1]</text>");
    expect([...(await readFile(join(dir, "cost.png"))).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const html = await readFile(join(dir, "report.html"), "utf8");
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(10);
    expect(html).toContain("10 of 50 test images were misclassified.");
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("fails with a DataError naming the file when the folder does not exist", async () => {
    const missing = join(dir, "no-such-folder");
    const result = await writeReportFiles(missing, { ...(await courseSummary()), mislabeled: [] });
    expect(E.isLeft(result)).toBe(true);
    if (E.isLeft(result)) {
      expect(result.left._tag).toBe("DataError");
      expect(result.left.message).toContain(join(missing, "cost.svg"));
    }
  });
});
