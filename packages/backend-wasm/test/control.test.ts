import { describe, expect, it } from "vitest";
import {
  BLOCKS,
  CLAIM,
  CONTROL_WORDS,
  claim,
  DESCRIPTOR,
  DONE,
  GENERATION,
  publishSteps,
} from "../src/control.js";

/** The control block as the previous job `generation` left it: every one of its `blocks` claimed and done. */
const afterJob = (generation: number, descriptor: number, blocks: number): Int32Array => {
  const c = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
  c[GENERATION] = generation;
  c[CLAIM] = ((generation & 0xffff) << 16) | blocks;
  c[DESCRIPTOR] = descriptor;
  c[BLOCKS] = blocks;
  c[DONE] = blocks;
  return c;
};

describe("publishing a job (control.ts)", () => {
  it("a worker that woke late for the previous job never claims a block of the next one", () => {
    // The worker read GENERATION (the old job's) and then, as worker-source.ts does, BLOCKS, DESCRIPTOR,
    // and its claims. Try it between every two stores of the next job's publication, with the next job
    // having more blocks than the last (the case where the old order handed out a block early).
    const steps = publishSteps(afterJob(6, 1000, 3), 7, 2000, 8).length;
    let tried = 0;
    for (let readBlocks = 0; readBlocks <= steps; readBlocks++)
      for (let tryClaim = readBlocks; tryClaim <= steps; tryClaim++) {
        const c = afterJob(6, 1000, 3);
        const publish = publishSteps(c, 7, 2000, 8);
        let blocks = 0;
        let claimed = -1;
        for (let s = 0; s <= steps; s++) {
          if (s === readBlocks) blocks = Atomics.load(c, BLOCKS);
          if (s === tryClaim) claimed = claim(c, 6, blocks);
          publish[s]?.();
        }
        expect(claimed, `BLOCKS read after ${readBlocks} stores, claim after ${tryClaim}`).toBe(-1);
        tried++;
      }
    expect(tried).toBe(((steps + 1) * (steps + 2)) / 2);
  });

  it("hands the new job's blocks to the threads that see its generation, each once", () => {
    const c = afterJob(6, 1000, 3);
    for (const store of publishSteps(c, 7, 2000, 8)) store();
    expect([c[GENERATION], c[DESCRIPTOR], c[BLOCKS], c[DONE]]).toEqual([7, 2000, 8, 0]);
    const claimed = Array.from({ length: 9 }, () => claim(c, Atomics.load(c, GENERATION), 8));
    expect(claimed).toEqual([0, 1, 2, 3, 4, 5, 6, 7, -1]);
  });

  it("tags claims with the generation modulo 2^16, so job numbers can wrap", () => {
    const c = afterJob(0xffff, 1000, 2);
    for (const store of publishSteps(c, 0x10000, 2000, 2)) store();
    expect(claim(c, 0xffff, 2)).toBe(-1);
    expect(claim(c, 0x10000, 2)).toBe(0);
  });
});
