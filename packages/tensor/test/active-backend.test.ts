import { describe, expect, it } from "vitest";
import {
  type Backend,
  getBackend,
  jsBackend,
  matmul,
  setBackend,
  toArray,
  withBackend,
} from "../src/index.js";
import { m } from "./helpers.js";

/** A backend that records calls, to show ops reach whichever backend is active. */
const recording = (calls: string[]): Backend => ({
  ...jsBackend,
  name: "recording",
  matmul: (a, b, ta, tb) => {
    calls.push(`matmul ${ta} ${tb}`);
    return jsBackend.matmul(a, b, ta, tb);
  },
});

describe("backend selection", () => {
  it("defaults to the js reference", () => {
    expect(getBackend().name).toBe("js");
  });
  it("withBackend swaps the kernels for the callers and restores them, also on throw", () => {
    const calls: string[] = [];
    const result = withBackend(recording(calls), () => matmul(m([[1, 2]]), m([[3], [4]])));
    expect(toArray(result)).toEqual([[11]]);
    expect(calls).toEqual(["matmul false false"]);
    expect(() =>
      withBackend(recording(calls), () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(getBackend().name).toBe("js");
  });
  it("setBackend changes the default", () => {
    const calls: string[] = [];
    setBackend(recording(calls));
    try {
      expect(getBackend().name).toBe("recording");
    } finally {
      setBackend(jsBackend);
    }
  });
});
