import { platform } from "#platform";
import { CONTROL_WORDS, claim, DONE, FAILED, GENERATION, publishSteps, QUIT, SPIN_MS } from "./control.js";
import type { Thread } from "./platform.js";
import type { WasmMemory, WasmModule } from "./wasm-api.js";
import { workerSource } from "./worker-source.js";

/**
 * The worker pool: the one stateful piece of the backend. Lifecycle: `startPool` spawns threads − 1
 * workers on the shared memory and resolves once each has instantiated the module; `run` forks a job
 * to every thread (the calling thread works too) and joins with Atomics — synchronously, because the
 * Backend interface is synchronous; `dispose` makes the workers leave their loop and terminates them.
 */
export interface Pool {
  readonly threads: number;
  /** Computes blocks 0 … blocks − 1 of the job at `descriptor`, on every thread when `parallel`. */
  readonly run: (descriptor: number, blocks: number, parallel: boolean) => void;
  readonly dispose: () => Promise<void>;
}

export interface PoolOptions {
  readonly module: WasmModule;
  readonly memory: WasmMemory;
  /** Byte address of the control block (see control.ts). */
  readonly control: number;
  readonly threads: number;
  /** The calling thread's `block` export. */
  readonly blockHere: (descriptor: number, block: number) => void;
}

const startWorker = (options: PoolOptions, index: number): Promise<Thread> =>
  new Promise((resolve, reject) => {
    const thread = platform.spawnThread(
      workerSource,
      (message) => {
        const m = message as { readonly ready?: boolean; readonly error?: string };
        if (m.ready !== true)
          reject(new Error(`@stepwise/backend-wasm: worker ${index} failed to start: ${m.error ?? "?"}`));
        else {
          // Unref'd once started: a program that never disposes the backend still exits.
          thread.detach();
          resolve(thread);
        }
      },
      reject,
    );
    thread.post({ module: options.module, memory: options.memory, control: options.control });
  });

export const startPool = async (options: PoolOptions): Promise<Pool> => {
  const { memory, control, threads, blockHere } = options;
  const c = new Int32Array(memory.buffer, control, CONTROL_WORDS);
  const workers = await Promise.all(
    Array.from({ length: threads - 1 }, (_, i) => startWorker(options, i + 1)),
  );
  let disposed = false;

  const run = (descriptor: number, blocks: number, parallel: boolean): void => {
    if (disposed) throw new Error("@stepwise/backend-wasm: the backend was disposed");
    if (!parallel || workers.length === 0) {
      for (let b = 0; b < blocks; b++) blockHere(descriptor, b);
      return;
    }
    const generation = (Atomics.load(c, GENERATION) + 1) | 0;
    for (const store of publishSteps(c, generation, descriptor, blocks)) store();
    Atomics.notify(c, GENERATION);
    let failure: unknown;
    for (let b = claim(c, generation, blocks); b >= 0; b = claim(c, generation, blocks)) {
      try {
        blockHere(descriptor, b);
      } catch (error) {
        failure ??= error;
      }
      Atomics.add(c, DONE, 1);
    }
    // The workers' last blocks end soon: spin first, since a sleeping thread can wake late in a VM.
    const until = performance.now() + SPIN_MS;
    while (Atomics.load(c, DONE) < blocks && performance.now() < until);
    for (let d = Atomics.load(c, DONE); d < blocks; d = Atomics.load(c, DONE)) Atomics.wait(c, DONE, d);
    if (failure !== undefined) throw failure;
    if (Atomics.exchange(c, FAILED, 0) !== 0)
      throw new Error("@stepwise/backend-wasm: a worker's block failed");
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
