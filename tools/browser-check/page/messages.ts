/** What the worker posts back. */
export type WorkerResult =
  | {
      readonly ok: true;
      readonly costs: ReadonlyArray<number>;
      readonly threads: number;
      readonly fusedMultiplyAdd: boolean;
      readonly crossOriginIsolated: boolean | undefined;
    }
  | { readonly ok: false; readonly error: string };

/** What the page leaves in `window.__stepwise` once done. */
export interface PageResult {
  readonly crossOriginIsolated: boolean | undefined;
  /** `createWasmBackend` on the page's main thread: its error message (it must refuse), or "started". */
  readonly mainThread: string;
  readonly worker: WorkerResult;
}

/** The request the page posts to the worker. */
export interface WorkerRequest {
  readonly fusedMultiplyAdd?: boolean;
}
