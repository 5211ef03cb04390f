import { describe, expect, it } from "vitest";
import { blockBounds, blocking, panelsOf } from "../src/partition.js";

describe("blocking", () => {
  const coverage = (m: number, n: number, threads: number): number[] => {
    const count = new Array<number>(m * panelsOf(n)).fill(0);
    const blocks = blocking(m, n, threads);
    for (let b = 0; b < blocks.count; b++) {
      const { i0, i1, jp0, jp1 } = blockBounds(m, n, blocks, b);
      for (let i = i0; i < i1; i++)
        for (let jp = jp0; jp < jp1; jp++)
          count[i * panelsOf(n) + jp] = (count[i * panelsOf(n) + jp] ?? 0) + 1;
    }
    return count;
  };
  it("covers every (row, panel) of the output exactly once", () => {
    for (const [m, n] of [
      [20, 209],
      [20, 12288],
      [12288, 209],
      [1, 1],
      [7, 3],
      [130, 5],
      [0, 9],
    ] as const)
      for (const threads of [1, 2, 3, 8]) expect(coverage(m, n, threads).every((c) => c === 1)).toBe(true);
  });
  it("cuts along the longer side, a few blocks per thread, one block on one thread", () => {
    expect(blocking(20, 12288, 2)).toEqual({ alongRows: false, count: 8 });
    expect(blocking(12288, 209, 2)).toEqual({ alongRows: true, count: 8 });
    expect(blocking(20, 12288, 1)).toEqual({ alongRows: false, count: 1 });
    expect(blocking(1, 1, 4)).toEqual({ alongRows: false, count: 1 });
  });
  it("gives a block at least 8 panels when that still leaves a block per thread, in whole rounds", () => {
    expect(blocking(20, 209, 2)).toEqual({ alongRows: false, count: 6 });
    expect(blocking(20, 209, 3)).toEqual({ alongRows: false, count: 6 });
    // W1·X: every block reads all of W1 (20 × 12288), so two blocks per thread, not three.
    expect(blocking(20, 209, 2, 12288)).toEqual({ alongRows: false, count: 4 });
    expect(blocking(20, 12288, 2, 209)).toEqual({ alongRows: false, count: 8 });
    expect(blocking(20, 40, 2)).toEqual({ alongRows: false, count: 2 });
    expect(blocking(2, 5, 3)).toEqual({ alongRows: false, count: 2 });
  });
  it("puts row cuts on multiples of 4", () => {
    const blocks = blocking(130, 5, 2);
    for (let b = 0; b < blocks.count; b++) expect(blockBounds(130, 5, blocks, b).i0 % 4).toBe(0);
  });
});
