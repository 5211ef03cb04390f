/**
 * `pnpm --filter @stepwise/playground perf` (a measurement, not a test; needs `pnpm playground:build`
 * first and Debian's Chromium): the course's cat run in the page against the CLI's on the same plan,
 * and the page's main thread while it trains.
 *
 * - Training time: the worker's own clock around `L_layer_model` (the status line), against the CLI's
 *   `seconds` in `--json` (the same span: training only, data loading excluded). Target: ≤ 1.5×.
 * - Responsiveness: every long task (> 50 ms) the page's PerformanceObserver sees from the click to the
 *   accuracies. Target: none over 100 ms.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { preview } from "vite";

const app = join(import.meta.dirname, "..");
const repo = join(app, "../..");
const runs = Number(process.argv[2] ?? 3);

const cliSeconds = (): number => {
  const out = join(mkdtempSync(join(tmpdir(), "stepwise-perf-")), "run");
  const result = spawnSync(
    process.execPath,
    [
      "--conditions=@stepwise/source",
      "--import",
      "tsx",
      "packages/cli/src/bin.ts",
      "train",
      "--plan",
      "auto",
      "--json",
      "--out",
      out,
    ],
    { cwd: repo, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as { seconds: number }).seconds;
};

const server = await preview({ root: app, preview: { port: 4174, strictPort: true } });
const browser = await chromium.launch({
  executablePath: process.env["STEPWISE_CHROMIUM"] ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage();
  await page.goto("http://localhost:4174/");
  await page.getByTestId("backend").and(page.locator('[data-backend="wasm"]')).waitFor();
  // Chrome's own count of the main thread's busy time (TaskDuration, seconds), to tell our work from waiting.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const taskSeconds = async (): Promise<number> =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ??
    Number.NaN;
  const busy: number[] = [];
  const pageSeconds: number[] = [];
  let longest = 0;
  let longTasks = 0;
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: "longtask" });
    });
    const before = await taskSeconds();
    await page.getByTestId("train-L").click();
    await page.getByTestId("train-accuracy").waitFor({ timeout: 10 * 60_000 });
    busy.push((await taskSeconds()) - before);
    const status = (await page.getByTestId("status").textContent()) ?? "";
    pageSeconds.push(Number(/Finished in ([\d.]+) s/.exec(status)?.[1]));
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    longest = Math.max(longest, ...tasks);
    longTasks += tasks.length;
  }
  const cli = Array.from({ length: runs }, cliSeconds);
  const best = (xs: ReadonlyArray<number>): number => Math.min(...xs);
  console.log(
    `cat L-layer run, 2500 iterations, plan auto (dual), best of ${runs}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}:`,
  );
  console.log(
    `  page (Chromium, wasm backend in a worker): ${best(pageSeconds).toFixed(2)} s  [${pageSeconds.map((s) => s.toFixed(2)).join(", ")}]`,
  );
  console.log(
    `  CLI  (Node, stepwise train --json):        ${best(cli).toFixed(2)} s  [${cli.map((s) => s.toFixed(2)).join(", ")}]`,
  );
  console.log(`  ratio page / CLI: ${(best(pageSeconds) / best(cli)).toFixed(2)}× (target ≤ 1.5×)`);
  console.log(
    `  main thread while training: ${longTasks} long tasks, the longest ${longest.toFixed(0)} ms (target: none over 100 ms)`,
  );
  const share = busy.map((b, i) => `${((100 * b) / (pageSeconds[i] ?? Number.NaN)).toFixed(1)} %`);
  console.log(`  the main thread was busy ${share.join(", ")} of the training time (Chrome's TaskDuration)`);
} finally {
  await browser.close();
  await server.close();
}
