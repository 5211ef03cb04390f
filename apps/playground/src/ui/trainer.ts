import type { FromWorker, ToWorker } from "../engine/protocol.js";

/**
 * The page's handle on the training worker. Stopping a run terminates the worker (a run is one
 * synchronous fold inside it) and starts a fresh one; messages of a stopped run are dropped by runId.
 */
export interface Trainer {
  readonly send: (message: ToWorker) => void;
  readonly restart: () => void;
  readonly dispose: () => void;
}

const spawn = (): Worker =>
  new Worker(new URL("../worker/train-worker.ts", import.meta.url), { type: "module" });

export const createTrainer = (onMessage: (message: FromWorker) => void): Trainer => {
  let worker = spawn();
  const listen = (w: Worker): void => {
    w.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
    w.onerror = (event) =>
      onMessage({
        type: "failed",
        runId: -1,
        message: `The training worker failed: ${event.message}`,
        costs: [],
      });
  };
  listen(worker);
  return {
    send: (message) => worker.postMessage(message),
    restart: () => {
      worker.terminate();
      worker = spawn();
      listen(worker);
    },
    dispose: () => worker.terminate(),
  };
};

/** The site's root URL, which the worker resolves asset paths against. */
export const siteBase = (): string => new URL(".", document.baseURI).href;
