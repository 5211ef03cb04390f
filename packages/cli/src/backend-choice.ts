import { type Backend, jsBackend } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { isSmallNetwork } from "./backend-by-size.js";
import { type CliFailure, runtimeFailure, usageFailure } from "./cli-error.js";

export type BackendChoice = "auto" | "js" | "wasm";

export const BACKEND_ENV = "STEPWISE_BACKEND";

/** A backend for one run, and how to release it (the wasm backend's worker threads). */
export interface ChosenBackend {
  readonly backend: Backend;
  readonly dispose: () => void;
  /** Set when `auto` could not take the WebAssembly backend: one line saying so, and why. */
  readonly notice?: string;
}

/** What `startBackend` needs from @stepwise/backend-wasm; tests pass their own. */
export interface WasmStarter {
  readonly unavailableReason: () => string | undefined;
  readonly create: () => Promise<Backend & { readonly dispose: () => unknown }>;
}

/** @stepwise/backend-wasm, imported when a run may use it (start-up stays light for the rest). */
const wasmStarter = async (): Promise<WasmStarter> => {
  const { createWasmBackend, wasmBackendUnavailableReason } = await import("@stepwise/backend-wasm");
  return { unavailableReason: wasmBackendUnavailableReason, create: () => createWasmBackend() };
};

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** `--backend`, else `$STEPWISE_BACKEND`, else `auto`; anything else is a usage error. */
export const requestedBackend = (
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): E.Either<CliFailure, BackendChoice> => {
  const value = flag ?? (env[BACKEND_ENV] || undefined) ?? "auto";
  return value === "auto" || value === "js" || value === "wasm"
    ? E.right(value)
    : E.left(
        usageFailure(
          `${flag === undefined ? `$${BACKEND_ENV}` : "--backend"} is "${value}"; choose auto (the fastest available), js or wasm`,
        ),
      );
};

/**
/**
 * The backend to train on: `auto` takes the js backend for a small network (backend-by-size.ts), else the
 * WebAssembly backend where it can start, and otherwise falls back to the js reference with a notice that
 * says why (a missing build is worth knowing: the js backend is several times slower); asking for `wasm`
 * where it cannot start is an error. The wasm backend's module is loaded only when it may be used.
 */
export const startBackend = async (
  choice: BackendChoice,
  starter?: WasmStarter,
  network?: ReadonlyArray<number>,
): Promise<E.Either<CliFailure, ChosenBackend>> => {
  const js: ChosenBackend = { backend: jsBackend, dispose: () => undefined };
  if (choice === "js" || (choice === "auto" && isSmallNetwork(network))) return E.right(js);
  const wasm = starter ?? (await wasmStarter());
  const fallBack = (why: string): ChosenBackend => ({
    ...js,
    notice: `--backend auto: training on the js backend, because the WebAssembly backend cannot start: ${why}`,
  });
  const reason = wasm.unavailableReason();
  if (choice === "auto" && reason !== undefined) return E.right(fallBack(reason));
  try {
    const started = await wasm.create();
    return E.right({ backend: started, dispose: () => void started.dispose() });
  } catch (e) {
    return choice === "auto"
      ? E.right(fallBack(message(e)))
      : E.left(
          runtimeFailure(
            `--backend wasm: the WebAssembly backend cannot start here (${message(e)}); use --backend js`,
          ),
        );
  }
};
