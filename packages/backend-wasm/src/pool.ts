import { CONTROL_WORDS, DESCRIPTOR, FAILED, GENERATION, PENDING, QUIT } from "./control.js";
import { spawnThread, type Thread } from "./platform.js";
import type { WasmMemory, WasmModule } from "./wasm-api.js";
import { workerSource } from "./worker-source.js";

/**
 * The worker pool: the one stateful piece of the backend. Lifecycle: `startPool` spawns threads − 1
 * workers on the shared memory and resolves once each has instantiated the module; `run` forks a job
 * to all threads (the calling thread is thread 0) and joins with Atomics — synchronous, because the
 * Backend interface is; `dispose` makes the workers leave their loop and terminates them.
 */
export interface Pool {
  readonly threads: number;
  /** Runs the job at `descriptor` on every thread (or only this one when `parallel` is false). */
  readonly run: (descriptor: number, parallel: boolean) => void;
  readonly dispose: () => Promise<void>;
}

export interface PoolOptions {
  readonly module: WasmModule;
  readonly memory: WasmMemory;
  /** Byte address of the control block (see control.ts). */
  readonly control: number;
  readonly threads: number;
  /** This thread's `run` export. */
  readonly runHere: (tid: number, descriptor: number) => void;
}

const startWorker = (options: PoolOptions, tid: number): Promise<Thread> =>
  new Promise((resolve, reject) => {
    const thread = spawnThread(
      workerSource,
      (message) => {
        const m = message as { readonly ready?: number; readonly error?: string };
        if (m.ready === tid) resolve(thread);
        else reject(new Error(`@stepwise/backend-wasm: worker ${tid} failed to start: ${m.error ?? "?"}`));
      },
      reject,
    );
    thread.post({ module: options.module, memory: options.memory, tid, control: options.control });
  });

export const startPool = async (options: PoolOptions): Promise<Pool> => {
  const { memory, control, threads, runHere } = options;
  const c = new Int32Array(memory.buffer, control, CONTROL_WORDS);
  const workers = await Promise.all(Array.from({ length: threads - 1 }, (_, i) => startWorker(options, i + 1)));
  let disposed = false;

  const run = (descriptor: number, parallel: boolean): void => {
    if (disposed) throw new Error("@stepwise/backend-wasm: the backend was disposed");
    if (!parallel || workers.length === 0) {
      runHere(0, descriptor);
      return;
    }
    Atomics.store(c, DESCRIPTOR, descriptor);
    Atomics.store(c, PENDING, workers.length);
    Atomics.add(c, GENERATION, 1);
    Atomics.notify(c, GENERATION);
    let failure: unknown;
    try {
      runHere(0, descriptor);
    } catch (error) {
      failure = error;
    }
    for (let p = Atomics.load(c, PENDING); p !== 0; p = Atomics.load(c, PENDING)) Atomics.wait(c, PENDING, p);
    if (failure !== undefined) throw failure;
    if (Atomics.exchange(c, FAILED, 0) !== 0) throw new Error("@stepwise/backend-wasm: a worker's share failed");
  };

  const dispose = async (): Promise<void> => {
    if (disposed) return;
    disposed = true;
    Atomics.store(c, QUIT, 1);
    Atomics.add(c, GENERATION, 1);
    Atomics.notify(c, GENERATION);
    await Promise.all(workers.map((w) => w.terminate()));
  };

  return { threads, run, dispose };
};
