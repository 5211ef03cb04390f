import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium (no browser download: `apt-get install chromium`; .ci/run does).
 * `pnpm playground:e2e` builds the site and runs them against `vite preview` (COOP/COEP headers on) and,
 * for the service-worker shim, a plain static server without those headers.
 */
export const CHROMIUM = process.env["STEPWISE_CHROMIUM"] ?? "/usr/bin/chromium";
const PORT = 4173;
export const DEV_PORT = 5173;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 10 * 60_000,
  expect: { timeout: 30_000 },
  // Two cores shared with others: one browser at a time.
  workers: 1,
  fullyParallel: false,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1200, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    },
    acceptDownloads: true,
  },
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // `pnpm playground`'s dev server, for e2e/dev.spec.ts.
    {
      command: `npx vite --port ${DEV_PORT} --strictPort`,
      url: `http://localhost:${DEV_PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
