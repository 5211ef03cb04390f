import { BLOCKS, CLAIM, DESCRIPTOR, DONE, FAILED, GENERATION, QUIT, SPIN_MS } from "./control.js";

/**
 * The worker's whole program, as source text so one string serves Node (`new Worker(src, { eval: true })`)
 * and browsers (a Blob URL). It instantiates the shared module on the shared memory, reports "ready",
 * then loops: spin briefly, then sleep, until the generation changes, claim and compute blocks of the job until none are
 * left (control.ts), sleep again. The loop never returns to the event loop; the calling thread talks to
 * it only through shared memory.
 */
export const workerSource = `"use strict";
const nodePort = typeof require === "function" ? require("node:worker_threads").parentPort : null;
const post = (message) => (nodePort ? nodePort.postMessage(message) : self.postMessage(message));
const start = ({ module, memory, control }) => {
  let block;
  try {
    const abort = () => { throw new Error("wasm abort"); };
    block = new WebAssembly.Instance(module, { env: { memory, abort } }).exports.block;
  } catch (error) {
    post({ error: String(error) });
    return;
  }
  const c = new Int32Array(memory.buffer, control, 16);
  let seen = Atomics.load(c, ${GENERATION});
  post({ ready: true });
  for (;;) {
    // Spin a moment before sleeping: a training loop's next product comes within a millisecond or two,
    // and waking a sleeping thread can take longer than that in a VM.
    const until = performance.now() + ${SPIN_MS};
    while (Atomics.load(c, ${GENERATION}) === seen && performance.now() < until);
    Atomics.wait(c, ${GENERATION}, seen);
    const generation = Atomics.load(c, ${GENERATION});
    if (generation === seen) continue;
    seen = generation;
    if (Atomics.load(c, ${QUIT}) !== 0) break;
    const blocks = Atomics.load(c, ${BLOCKS});
    const descriptor = Atomics.load(c, ${DESCRIPTOR});
    for (;;) {
      const word = Atomics.load(c, ${CLAIM});
      const next = word & 0xffff;
      if (word >>> 16 !== (generation & 0xffff) || next >= blocks) break;
      if (Atomics.compareExchange(c, ${CLAIM}, word, word + 1) !== word) continue;
      try {
        block(descriptor, next);
      } catch {
        Atomics.store(c, ${FAILED}, 1);
      }
      if (Atomics.add(c, ${DONE}, 1) + 1 === blocks) Atomics.notify(c, ${DONE});
    }
  }
};
if (nodePort) nodePort.once("message", start);
else self.onmessage = (event) => { self.onmessage = null; start(event.data); };
`;
