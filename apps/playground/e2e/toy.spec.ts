import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { runProgram, stepwise, worstDifference } from "./cli.js";

interface Metrics {
  readonly costs: ReadonlyArray<number>;
  readonly train_accuracy: number;
  readonly test_accuracy: number | null;
}

/**
 * Types a number into a field and commits it, until the URL holds it: a re-render from the edit before
 * (the controls are drawn from the config) can reset the field between the typing and the change event.
 */
const setNumber = async (page: Page, testId: string, key: string, value: string): Promise<void> => {
  await expect(async () => {
    await page.getByTestId(testId).fill(value);
    await page.getByTestId(testId).dispatchEvent("change");
    expect(new URL(page.url()).searchParams.get(key)).toBe(value);
  }).toPass({ timeout: 30_000 });
};

const trainAndRead = async (page: Page): Promise<Metrics> => {
  await page.getByTestId("toy-train").click();
  await expect(page.getByTestId("toy-train-accuracy")).toBeVisible({ timeout: 5 * 60_000 });
  const download = page.waitForEvent("download");
  await page.getByTestId("toy-download-metrics").click();
  return JSON.parse(readFileSync(await (await download).path(), "utf8")) as Metrics;
};

test("a network built by clicks trains live, and its URL reproduces the run", async ({
  page,
  context,
}, info) => {
  await page.goto("./?view=toy");
  await page.getByTestId("toy-data").selectOption("spiral");
  // Each edit re-renders the controls from the config; wait for one to land before the next, or the
  // re-render of the data choice can overwrite the noise typed meanwhile.
  await expect(page).toHaveURL(/[?&]data=spiral(&|$)/);
  await setNumber(page, "toy-noise", "noise", "0.1");
  await page.getByTestId("add-layer").click();
  await page.getByTestId("units-plus-0").click();
  await page.getByTestId("hidden").selectOption("tanh");
  await setNumber(page, "iterations", "it", "400");
  await expect(page.getByTestId("layers")).toContainText("9");
  const url = page.url();
  expect(new URL(url).searchParams.get("layers")).toBe("2,9,4,4,1");
  expect(new URL(url).searchParams.get("hidden")).toBe("tanh");
  const first = await trainAndRead(page);
  expect(first.costs).toHaveLength(400);
  await expect(page.getByTestId("cost-chart")).toBeVisible();
  await page.screenshot({ path: info.outputPath("toy-spiral.png"), fullPage: true });

  // The exported program, run by Node: the page's numbers (to 1e-9, the course parity tolerance; see
  // worstDifference for why not to the bit across two JavaScript engines).
  const program = page.waitForEvent("download");
  await page.getByTestId("toy-download-program").click();
  const fromProgram = runProgram(await (await program).path(), "spiral");
  expect(worstDifference(fromProgram.costs, first.costs)).toBeLessThanOrEqual(1e-9);
  expect(fromProgram.train_accuracy).toBe(first.train_accuracy);
  expect(fromProgram.test_accuracy).toBe(first.test_accuracy);

  // The link alone, in a fresh page: the same controls and, trained again, the same numbers.
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByTestId("toy-data")).toHaveValue("spiral");
  await expect(again.getByTestId("hidden")).toHaveValue("tanh");
  await expect(again.getByTestId("units-0")).toHaveText("9");
  await expect(again.getByTestId("toy-noise")).toHaveValue("0.1");
  expect(again.url()).toBe(url);
  const second = await trainAndRead(again);
  expect(second.costs).toEqual(first.costs);
  expect(second.train_accuracy).toBe(first.train_accuracy);
  expect(second.test_accuracy).toBe(first.test_accuracy);
});

test("every generated data set draws, and training shows a decision boundary", async ({ page }, info) => {
  await page.goto("./?view=toy");
  for (const name of ["moons", "circles", "spiral", "xor", "blobs"]) {
    await page.getByTestId("toy-data").selectOption(name);
    await expect(page.getByTestId("data-error")).toHaveCount(0);
  }
  // The Initialization notebook's circles: noise 0.05 (sklearn's factor 0.8).
  await page.getByTestId("toy-data").selectOption("circles");
  await expect(page).toHaveURL(/[?&]data=circles(&|$)/);
  await setNumber(page, "toy-noise", "noise", "0.05");
  const metrics = await trainAndRead(page);
  expect(metrics.train_accuracy).toBeGreaterThan(0.9);
  await page.screenshot({ path: info.outputPath("toy-circles.png"), fullPage: true });
});

test("the Optimization notebook's Adam run on moons: the notebook's costs and its 0.9433333333333334", async ({
  page,
}, info) => {
  // The notebook's reseeded shuffles (seed 10 + epoch + 1) are what make its costs, not only its accuracy.
  const notebook = (
    JSON.parse(readFileSync(join(import.meta.dirname, "../../../fixtures/course2-runs.json"), "utf8")) as {
      optimization: { runs: Array<{ call: string; costs: Array<[number, number]>; accuracy: number[] }> };
    }
  ).optimization.runs.find((r) => r.call === 'model(train_X, train_Y, layers_dims, optimizer = "adam")');
  if (notebook === undefined) throw new Error("course2-runs.json has no Adam run");
  await page.goto("./?view=toy");
  await page.getByTestId("notebook-adam").click();
  await expect(page.getByTestId("shuffle-seed")).toHaveValue("10");
  const metrics = await trainAndRead(page);
  for (const [epoch, cost] of notebook.costs)
    expect(Math.abs((metrics.costs[epoch] ?? Number.NaN) - cost)).toBeLessThanOrEqual(1e-9);
  expect(metrics.train_accuracy).toBe(notebook.accuracy[0]);
  expect(metrics.train_accuracy).toBe(0.9433333333333334);
  await page.screenshot({ path: info.outputPath("toy-adam-moons.png"), fullPage: true });
});

test("a bad CSV shows the loader's error", async ({ page }, info) => {
  await page.goto("./?view=toy");
  await page.getByTestId("toy-data").selectOption("csv");
  await page.getByTestId("csv-file").setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("x1,x2,label\n1,2,0\n3,oops,1\n"),
  });
  // parseCsvDataset's own message, the CLI's loader: line as an editor numbers it, column, cell, fix.
  await expect(page.getByTestId("data-error")).toHaveText(
    'parseCsvDataset: bad.csv line 3, column "x2" is "oops", which is not a number; features must be plain decimal numbers like 0.25 or -3e-2',
  );
  await expect(page.getByTestId("toy-train")).toBeDisabled();
  await page.screenshot({ path: info.outputPath("toy-bad-csv.png"), fullPage: true });
});

test("your own CSV with three features trains, and the network's input follows it", async ({ page }) => {
  await page.goto("./?view=toy");
  await page.getByTestId("toy-data").selectOption("csv");
  const rows = Array.from({ length: 40 }, (_, i) => {
    const [a, b, c] = [Math.sin(i), Math.cos(3 * i), (i % 7) / 7];
    return `${a},${b},${c},${a + b > 0 ? 1 : 0}`;
  });
  await page.getByTestId("csv-file").setInputFiles({
    name: "mine.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(["a,b,c,label", ...rows].join("\n")),
  });
  await expect(page.getByTestId("layers")).toContainText("3 in");
  expect(new URL(page.url()).searchParams.get("layers")?.startsWith("3,")).toBe(true);
  await trainAndRead(page);
});

test("football, the Regularization notebook's data, trains with a test set", async ({ page }, info) => {
  await page.goto("./?view=toy");
  await page.getByTestId("toy-data").selectOption("football");
  await expect(page.getByTestId("data-error")).toHaveCount(0);
  const metrics = await trainAndRead(page);
  expect(metrics.test_accuracy).not.toBeNull();
  await page.screenshot({ path: info.outputPath("toy-football.png"), fullPage: true });
});

test("each hidden layer its own activation: the selects, the URL, a reopened link and the exported model", async ({
  page,
  context,
}, info) => {
  await page.goto("./?view=toy");
  await page.getByTestId("activation-0").selectOption("tanh");
  await expect.poll(() => new URL(page.url()).searchParams.get("hidden")).toBe("tanh,relu");
  await expect(page.getByTestId("hidden")).toHaveValue("");
  await setNumber(page, "iterations", "it", "60");
  const first = await trainAndRead(page);
  expect(first.costs).toHaveLength(60);
  await page.screenshot({ path: info.outputPath("toy-per-layer.png"), fullPage: true });

  // The link alone restores both layers' activations and the same numbers.
  const again = await context.newPage();
  await again.goto(page.url());
  await expect(again.getByTestId("activation-0")).toHaveValue("tanh");
  await expect(again.getByTestId("activation-1")).toHaveValue("relu");
  const second = await trainAndRead(again);
  expect(second.costs).toEqual(first.costs);

  // Setting every layer at once collapses the list back to one name.
  await again.getByTestId("hidden").selectOption("relu");
  await expect.poll(() => new URL(again.url()).searchParams.get("hidden")).toBe("relu");

  // The exported model names each layer's activation, and the CLI loads it (here: to export ONNX).
  const save = async (testId: string, name: string): Promise<string> => {
    const downloaded = page.waitForEvent("download");
    await page.getByTestId(testId).click();
    const file = info.outputPath(name);
    await (await downloaded).saveAs(file);
    return file;
  };
  const model = await save("toy-download-model", "model.json");
  await save("toy-download-weights", "model.safetensors");
  expect(
    (JSON.parse(readFileSync(model, "utf8")) as { plugins: { hidden: unknown } }).plugins.hidden,
  ).toEqual([
    { name: "tanh", package: "@stepwise/activation-tanh" },
    { name: "relu", package: "@stepwise/activation-relu" },
  ]);
  const onnx = info.outputPath("model.onnx");
  stepwise(["export", "--onnx", onnx, "--model", model]);
  expect(existsSync(onnx)).toBe(true);
});
