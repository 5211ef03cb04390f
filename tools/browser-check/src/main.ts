import { runBrowserCheck } from "./run.js";

// `pnpm --filter @stepwise/browser-check check`: the three pages the test loads, printed for a person.
const result = await runBrowserCheck({
  pages: [{ isolated: true, fusedMultiplyAdd: false }, { isolated: true }, { isolated: false }],
  log: (line) => console.error(line),
});
console.log(result.browser);
for (const { name, bytes } of result.files) console.log(`  ${name}: ${bytes} bytes`);
for (const { url, result: page } of result.pages) {
  console.log(
    `${url}\n  crossOriginIsolated: ${page.crossOriginIsolated}\n  main thread: ${page.mainThread}`,
  );
  const w = page.worker;
  console.log(
    w.ok
      ? `  worker: ${w.threads} threads, fused multiply-add ${w.fusedMultiplyAdd}\n  costs: ${w.costs.join(", ")}`
      : `  worker: ${w.error}`,
  );
}
