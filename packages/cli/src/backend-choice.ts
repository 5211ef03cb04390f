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
}

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
 * The backend to train on: `auto` takes the js backend for a small network (backend-by-size.ts), else
 * the WebAssembly backend where the runtime supports it, falling back to the js reference silently;
 * asking for `wasm` where it cannot start is an error. The wasm backend is loaded only when used.
 */
export const startBackend = async (
  choice: BackendChoice,
  network?: ReadonlyArray<number>,
): Promise<E.Either<CliFailure, ChosenBackend>> => {
  const js: ChosenBackend = { backend: jsBackend, dispose: () => undefined };
  if (choice === "js" || (choice === "auto" && isSmallNetwork(network))) return E.right(js);
  const { createWasmBackend, wasmBackendAvailable } = await import("@stepwise/backend-wasm");
  if (choice === "auto" && !wasmBackendAvailable()) return E.right(js);
  try {
    const wasm = await createWasmBackend();
    return E.right({ backend: wasm, dispose: () => wasm.dispose() });
  } catch (e) {
    return choice === "auto"
      ? E.right(js)
      : E.left(
          runtimeFailure(
            `--backend wasm: the WebAssembly backend cannot start here (${e instanceof Error ? e.message : String(e)}); use --backend js`,
          ),
        );
  }
};
