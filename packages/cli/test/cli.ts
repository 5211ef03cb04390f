import { execFile, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { run } from "../src/main.js";

/** The catvnoncat data: $STEPWISE_DATA_DIR, else the repository's copy. */
export const DATA_DIR =
  process.env["STEPWISE_DATA_DIR"] || join(import.meta.dirname, "../../../datasets/catvnoncat");

const MAIN = join(import.meta.dirname, "../src/bin.ts");
// `--import tsx` would resolve tsx from the working directory, which may be a bare temporary folder.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const PACKAGE_DIR = join(import.meta.dirname, "..");

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ProcessOptions {
  /** Where the CLI runs (default packages/cli). */
  readonly cwd?: string;
  /**
   * Make file permissions bite even when the tests run as root: the CLI then runs as root without the
   * capabilities that override them (util-linux's setpriv), so it still reads this checkout wherever it is.
   */
  readonly permissionsApply?: boolean;
  readonly env?: Record<string, string | undefined>;
}

const childOptions = (options: ProcessOptions) => ({
  cwd: options.cwd ?? PACKAGE_DIR,
  env: { ...process.env, STEPWISE_DATA_DIR: DATA_DIR, NO_COLOR: "1", ...options.env },
});

const ARGS = ["--conditions=@stepwise/source", "--import", TSX, MAIN];

/** The program and arguments that start the CLI (through setpriv when root must meet permissions). */
const command = (args: ReadonlyArray<string>, options: ProcessOptions): readonly [string, string[]] =>
  options.permissionsApply === true && process.getuid?.() === 0
    ? [
        "setpriv",
        [
          "--bounding-set=-dac_override,-dac_read_search,-fowner",
          "--inh-caps=-dac_override,-dac_read_search,-fowner",
          "--",
          process.execPath,
          ...ARGS,
          ...args,
        ],
      ]
    : [process.execPath, [...ARGS, ...args]];

/**
 * Runs the real CLI in a child process, as a user would (`pnpm stepwise …`), with stdout not a terminal.
 * `env` replaces STEPWISE_DATA_DIR handling: by default the data folder is passed through the environment.
 * `cwd` defaults to packages/cli.
 */
export const stepwise = (
  args: ReadonlyArray<string>,
  env: Record<string, string | undefined> = {},
  options: ProcessOptions = {},
): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(
      ...command(args, options),
      { ...childOptions({ ...options, env }), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });

/**
 * Starts the CLI and, once its stdout contains `when`, sends `signals` one after the other (a few
 * milliseconds apart); resolves when it exits. `code` is 128 + n when a signal n ended it unhandled.
 */
export const signalWhen = (
  args: ReadonlyArray<string>,
  when: string,
  signals: ReadonlyArray<NodeJS.Signals> = ["SIGINT"],
  options: ProcessOptions = {},
): Promise<Ran & { readonly signal: NodeJS.Signals | null }> =>
  new Promise((resolve) => {
    const child = spawn(...command(args, options), childOptions(options));
    let stdout = "";
    let stderr = "";
    let sent = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && stdout.includes(when)) {
        sent = true;
        for (const [k, signal] of signals.entries()) setTimeout(() => child.kill(signal), 5 * k);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code, signal) => resolve({ code: code ?? 1, signal, stdout, stderr }));
  });

/** Starts the CLI, sends SIGINT once its stdout contains `when`, and resolves when it exits. */
export const interruptWhen = (args: ReadonlyArray<string>, when: string): Promise<Ran> =>
  signalWhen(args, when, ["SIGINT"]);

/** The CLI in this process (no process start-up): what `run` wrote and its exit code. */
export const stepwiseHere = async (args: ReadonlyArray<string>): Promise<Ran> => {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    out: (line) => {
      stdout += `${line}\n`;
    },
    err: (text) => {
      stderr += text;
    },
    isTTY: false,
  });
  return { code, stdout, stderr };
};

/** A stack trace's tell-tale `    at f (file:line)` lines. */
export const STACK_TRACE = /\n\s+at /;
