#!/usr/bin/env node
// The `stepwise` executable (package.json "bin"; the root's `pnpm stepwise` and `pnpm train` run it too).
import { run } from "./main.js";

// `stepwise plugins | head`: the reader left, which is not an error of ours.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (e: unknown) => {
    // A file-system error is the environment's (permissions, disk space), not a bug to report.
    const { asSystemError, environmentProblem } = await import("./environment.js");
    const system = asSystemError(e);
    process.stderr.write(
      system === undefined
        ? `stepwise: unexpected error: ${e instanceof Error ? e.message : String(e)}\nPlease report it with the command you ran.\n`
        : `stepwise: ${environmentProblem(e, "use", system.path ?? "a file")}\n`,
    );
    process.exitCode = 1;
  },
);
