import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Backend, jsBackend } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { startBackend, type WasmStarter } from "../src/backend-choice.js";
import { buildRegistry } from "../src/plugins.js";
import { builtinPlugins } from "../src/registry.js";
import { type TrainFlags, trainCommand } from "../src/train-command.js";
import { DATA_DIR } from "./cli.js";

const MISSING =
  "the kernels are not built: /x/build/kernels.wasm is missing (pnpm --filter @stepwise/backend-wasm build:wasm)";

/** A stand-in for @stepwise/backend-wasm: unavailable for `reason`, or starting as `create` does. */
const starter = (
  reason: string | undefined,
  create: () => Promise<Backend & { readonly dispose: () => unknown }> = () =>
    Promise.reject(new Error("create must not be called")),
): WasmStarter => ({ unavailableReason: () => reason, create });

const fakeWasm = { ...jsBackend, name: "wasm", dispose: () => undefined };

describe("startBackend", () => {
  it("auto falls back to js with a notice naming the reason, when the kernels are missing", async () => {
    const chosen = await startBackend("auto", starter(MISSING));
    expect(E.isRight(chosen) && chosen.right.backend).toBe(jsBackend);
    expect(E.isRight(chosen) && chosen.right.notice).toBe(
      `--backend auto: training on the js backend, because the WebAssembly backend cannot start: ${MISSING}`,
    );
  });

  it("auto falls back with a notice when starting fails, and takes wasm silently when it starts", async () => {
    const failed = await startBackend(
      "auto",
      starter(undefined, () => Promise.reject(new Error("no workers"))),
    );
    expect(E.isRight(failed) && failed.right.notice).toMatch(/js backend, because .*: no workers$/);
    const started = await startBackend(
      "auto",
      starter(undefined, () => Promise.resolve(fakeWasm)),
    );
    expect(E.isRight(started) && started.right.backend).toBe(fakeWasm);
    expect(E.isRight(started) && started.right.notice).toBeUndefined();
  });

  it("js never probes the wasm backend; wasm that cannot start is an error, not a fallback", async () => {
    const js = await startBackend("js", starter(MISSING));
    expect(E.isRight(js) && [js.right.backend, js.right.notice]).toEqual([jsBackend, undefined]);
    const wasm = await startBackend(
      "wasm",
      starter(MISSING, () => Promise.reject(new Error("kernels.wasm is missing"))),
    );
    expect(E.isLeft(wasm) && wasm.left.message).toBe(
      "--backend wasm: the WebAssembly backend cannot start here (kernels.wasm is missing); use --backend js",
    );
  });
});

describe("stepwise train without the built kernels", () => {
  const flags = (out: string, quiet: boolean): TrainFlags => ({
    data: DATA_DIR,
    layers: [12288, 20, 7, 5, 1],
    init: "deep",
    hidden: "relu",
    output: "sigmoid",
    cost: "binary-cross-entropy",
    learningRate: 0.0075,
    iterations: 1,
    seed: 1,
    printEvery: 100,
    optimizer: "gd",
    lambd: 0,
    keepProb: 1,
    out,
    force: false,
    json: false,
    quiet,
    plan: "auto",
  });

  it("says once that it trains on js and why, then trains there", async () => {
    const registry = await buildRegistry(builtinPlugins, { cwd: tmpdir(), plugins: [] });
    if (E.isLeft(registry)) throw new Error(registry.left.message);
    for (const quiet of [false, true]) {
      const out = join(await mkdtemp(join(tmpdir(), "stepwise-backend-")), "run");
      const warnings: string[] = [];
      const result = await trainCommand(flags(out, quiet), {
        registry: registry.right,
        write: () => undefined,
        warn: (line) => warnings.push(line),
        isTTY: false,
        now: () => new Date(0),
        env: {},
        wasm: starter(MISSING),
      });
      expect(E.isRight(result)).toBe(true);
      // --quiet prints nothing but errors.
      expect(warnings).toEqual(
        quiet
          ? []
          : [expect.stringContaining(`js backend, because the WebAssembly backend cannot start: ${MISSING}`)],
      );
      const metrics = JSON.parse(await readFile(join(out, "metrics.json"), "utf8")) as {
        config: { backend: string };
      };
      expect(metrics.config.backend).toBe("js");
    }
  }, 60_000);
});
