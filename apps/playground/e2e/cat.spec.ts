import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { REPO, runProgram, runTs, stepwise, worstDifference } from "./cli.js";

interface CourseRun {
  readonly costs: ReadonlyArray<number>;
  readonly train_accuracy: number;
  readonly test_accuracy: number;
  readonly test_predictions: ReadonlyArray<number>;
}

const fixture = (name: string): CourseRun =>
  JSON.parse(readFileSync(join(import.meta.dirname, "../../../fixtures", name), "utf8")) as CourseRun;

/** Every cost within 1e-9 absolute (the CLI's parity tolerance), the accuracies and predictions exactly. */
const expectCourseRun = (metrics: CourseRun, course: CourseRun): void => {
  expect(metrics.costs).toHaveLength(course.costs.length);
  const worst = Math.max(...metrics.costs.map((c, i) => Math.abs(c - (course.costs[i] as number))));
  expect(worst).toBeLessThanOrEqual(1e-9);
  expect(metrics.train_accuracy).toBe(course.train_accuracy);
  expect(metrics.test_accuracy).toBe(course.test_accuracy);
  expect(metrics.test_predictions).toEqual(course.test_predictions);
};

test("the cat classifier trains the course's L-layer model to the course's costs and accuracies", async ({
  page,
}, info) => {
  await page.goto("./");
  await expect(page.getByTestId("backend")).toHaveAttribute("data-backend", "wasm");
  await page.getByTestId("train-L").click();
  await expect(page.getByTestId("train-accuracy")).toHaveText("0.9856459330143541", { timeout: 5 * 60_000 });
  await expect(page.getByTestId("test-accuracy")).toHaveText("0.8");
  // The course's first cost to the digits the README quotes; the download below checks every cost to 1e-9.
  await expect(page.getByTestId("cost-log")).toContainText("Cost after iteration 0: 0.77174932842376");
  console.log(await page.getByTestId("status").textContent());
  const download = page.waitForEvent("download");
  await page.getByTestId("download-metrics").click();
  const path = await (await download).path();
  expectCourseRun(JSON.parse(readFileSync(path, "utf8")) as CourseRun, fixture("coursera-L-layer.json"));
  // The notebook shows 10 mislabeled test images (test accuracy 0.8 of 50).
  await expect(page.getByTestId("mislabeled").locator("figure")).toHaveCount(10);

  // The notebook's last cell: test picture 1 (a cat) as the user's own PNG, classified in the page...
  const picture = info.outputPath("my_cat.png");
  runTs("apps/playground/scripts/test-image.ts", ["1", picture]);
  await page.getByTestId("picture").setInputFiles(picture);
  await expect(page.getByTestId("classified-label")).toHaveText("cat");
  const inPage = Number(await page.getByTestId("classified-probability").textContent());
  await page.screenshot({ path: info.outputPath("cat-view.png"), fullPage: true });

  // ...and by the CLI from the model the page exports (model.json naming model.safetensors beside it,
  // and model.safetensors alone): the same probability, bit for bit.
  const save = async (testId: string, name: string): Promise<string> => {
    const downloaded = page.waitForEvent("download");
    await page.getByTestId(testId).click();
    const file = info.outputPath(name);
    await (await downloaded).saveAs(file);
    return file;
  };
  const model = await save("download-model", "model.json");
  const weights = await save("download-weights", "model.safetensors");
  for (const file of [model, weights]) {
    const [row] = JSON.parse(stepwise(["predict", "--model", file, picture, "--json"])) as Array<{
      probability: number;
    }>;
    expect(row?.probability).toBe(inPage);
  }
  expect(inPage).toBeGreaterThan(0.5);

  // The exported program, run by Node on the same backend: the page's costs (to 1e-9; see worstDifference)
  // and accuracies.
  const program = page.waitForEvent("download");
  await page.getByTestId("download-program").click();
  const fromProgram = runProgram(await (await program).path(), "cat", [join(REPO, "datasets/catvnoncat")]);
  const fromPage = JSON.parse(readFileSync(path, "utf8")) as CourseRun;
  expect(worstDifference(fromProgram.costs, fromPage.costs)).toBeLessThanOrEqual(1e-9);
  expect(fromProgram.train_accuracy).toBe(fromPage.train_accuracy);
  expect(fromProgram.test_accuracy).toBe(fromPage.test_accuracy);
});

test("the two-layer model reaches the course's two-layer costs and accuracies (1.0 / 0.72)", async ({
  page,
}, info) => {
  await page.goto("./");
  await page.getByTestId("train-two").click();
  await expect(page.getByTestId("train-accuracy")).toHaveText("1.0", { timeout: 5 * 60_000 });
  await expect(page.getByTestId("test-accuracy")).toHaveText("0.72");
  const download = page.waitForEvent("download");
  await page.getByTestId("download-metrics").click();
  expectCourseRun(
    JSON.parse(readFileSync(await (await download).path(), "utf8")) as CourseRun,
    fixture("coursera-two-layer.json"),
  );
  await page.screenshot({ path: info.outputPath("cat-two-layer.png"), fullPage: true });
});

test("Stop ends a run at once; the next run starts on a fresh worker", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByTestId("backend")).toHaveAttribute("data-backend", "wasm");
  await page.getByTestId("train-L").click();
  await expect(page.getByTestId("progress")).not.toHaveAttribute("value", "0", { timeout: 60_000 });
  await page.getByTestId("stop").click();
  await expect(page.getByTestId("error")).toHaveText("Stopped.");
  await expect(page.getByTestId("train-two")).toBeEnabled();
  await page.getByTestId("train-two").click();
  await expect(page.getByTestId("test-accuracy")).toHaveText("0.72", { timeout: 5 * 60_000 });
});
