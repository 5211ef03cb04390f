/**
 * `pnpm playground:e2e`: builds the site, then runs the Playwright tests in Debian's Chromium.
 * Skips (exit 0, with a message) when /usr/bin/chromium is missing: `apt-get install chromium`.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const app = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.STEPWISE_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(
    `playground e2e: SKIPPED: no Chromium at ${chromium}. Install Debian's (apt-get install -y chromium) or set STEPWISE_CHROMIUM.`,
  );
  process.exit(0);
}
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: app, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run("npx", ["vite", "build"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)]);
