import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { serveStatic } from "./static-server.js";

const dist = join(import.meta.dirname, "../dist");

test("vite preview sends COOP/COEP: the worker trains on the wasm backend's threads", async ({ page }) => {
  await page.goto("./");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId("backend")).toHaveAttribute("data-backend", "wasm");
});

test("on a static host without headers the service-worker shim makes the page isolated", async ({
  page,
}, info) => {
  const host = await serveStatic(dist);
  try {
    await page.goto(host.url);
    // The shim registers, then reloads the page once under its control.
    await page.waitForFunction(() => crossOriginIsolated === true, undefined, { timeout: 30_000 });
    await expect(page.getByTestId("backend")).toHaveAttribute("data-backend", "wasm");
    await page.screenshot({ path: info.outputPath("static-host.png") });
  } finally {
    await host.close();
  }
});

test.describe("without service workers", () => {
  test.use({ serviceWorkers: "block" });
  test("a static host without headers falls back to the js backend and says so", async ({ page }, info) => {
    const host = await serveStatic(dist);
    try {
      await page.goto(host.url);
      await expect(page.getByTestId("backend")).toHaveAttribute("data-backend", "js");
      await expect(page.getByTestId("backend-note")).toContainText("not cross-origin isolated");
      await page.screenshot({ path: info.outputPath("not-isolated.png") });
    } finally {
      await host.close();
    }
  });
});
