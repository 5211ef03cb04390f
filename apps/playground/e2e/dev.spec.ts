import { expect, test } from "@playwright/test";
import { DEV_PORT } from "../playwright.config.js";

const dev = `http://localhost:${DEV_PORT}/`;

test("`pnpm playground`'s dev server opens the app: isolated, the wasm backend, the course's files", async ({
  page,
  request,
}) => {
  await page.goto(dev);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId("backend")).toHaveAttribute("data-backend", "wasm", { timeout: 120_000 });
  const h5 = await request.get(`${dev}datasets/catvnoncat/test_catvnoncat.h5`);
  expect(h5.ok()).toBe(true);
  expect((await h5.body()).subarray(1, 4).toString()).toBe("HDF");
  await page.getByTestId("tab-step").click();
  await expect(page.getByTestId("step-fn")).toHaveText("linear_activation_forward");
});
