import { execFile, spawn } from "node:child_process";

import { join } from "node:path";

/** The catvnoncat data: $STEPWISE_DATA_DIR, else ../shared/datasets/catvnoncat beside the repository. */
export const DATA_DIR =
  process.env["STEPWISE_DATA_DIR"] || join(import.meta.dirname, "../../../../shared/datasets/catvnoncat");

const MAIN = join(import.meta.dirname, "../src/bin.ts");

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real CLI in a child process, as a user would (`pnpm stepwise …`), with stdout not a terminal.
 * `env` replaces STEPWISE_DATA_DIR handling: by default the data folder is passed through the environment.
 */
export const stepwise = (
  args: ReadonlyArray<string>,
  env: Record<string, string | undefined> = {},
): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=@stepwise/source", "--import", "tsx", MAIN, ...args],
      {
        cwd: join(import.meta.dirname, ".."),
        env: { ...process.env, STEPWISE_DATA_DIR: DATA_DIR, NO_COLOR: "1", ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });

/** Starts the CLI, sends SIGINT once its stdout contains `when`, and resolves when it exits. */
export const interruptWhen = (args: ReadonlyArray<string>, when: string): Promise<Ran> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=@stepwise/source", "--import", "tsx", MAIN, ...args],
      {
        cwd: join(import.meta.dirname, ".."),
        env: { ...process.env, STEPWISE_DATA_DIR: DATA_DIR, NO_COLOR: "1" },
      },
    );
    let stdout = "";
    let stderr = "";
    let sent = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && stdout.includes(when)) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
