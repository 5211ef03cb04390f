import { DESCRIPTOR, FAILED, GENERATION, PENDING, QUIT } from "./control.js";

/**
 * The worker's whole program, as source text so one string serves Node (`new Worker(src, { eval: true })`)
 * and browsers (a Blob URL). It instantiates the shared module on the shared memory, reports "ready",
 * then loops: sleep until the generation changes, run this thread's fixed share of the job, count down.
 * The loop never returns to the event loop; the main thread talks to it only through shared memory.
 */
export const workerSource = `"use strict";
const nodePort = typeof require === "function" ? require("node:worker_threads").parentPort : null;
const post = (message) => (nodePort ? nodePort.postMessage(message) : self.postMessage(message));
const start = ({ module, memory, tid, control }) => {
  let run;
  try {
    const abort = () => { throw new Error("wasm abort"); };
    run = new WebAssembly.Instance(module, { env: { memory, abort } }).exports.run;
  } catch (error) {
    post({ error: String(error) });
    return;
  }
  const c = new Int32Array(memory.buffer, control, 16);
  let seen = Atomics.load(c, ${GENERATION});
  post({ ready: tid });
  for (;;) {
    Atomics.wait(c, ${GENERATION}, seen);
    const generation = Atomics.load(c, ${GENERATION});
    if (generation === seen) continue;
    seen = generation;
    if (Atomics.load(c, ${QUIT}) !== 0) break;
    try {
      run(tid, Atomics.load(c, ${DESCRIPTOR}));
    } catch {
      Atomics.store(c, ${FAILED}, 1);
    }
    if (Atomics.sub(c, ${PENDING}, 1) === 1) Atomics.notify(c, ${PENDING});
  }
};
if (nodePort) nodePort.once("message", start);
else self.onmessage = (event) => { self.onmessage = null; start(event.data); };
`;
