import { describe, expect, it, vi } from "vitest";
import { COURSE2_NAMES } from "../src/course2-names.js";
import { dispatch, EXAMPLES, isExampleName, usage } from "../src/main.js";

describe("the example dispatcher", () => {
  it("knows the notes' five examples, the 13 Course 2 runs and the gradient check", () => {
    expect(Object.keys(EXAMPLES)).toStrictEqual([
      "apple",
      "apple-orange",
      "linear-regression",
      "two-layer-relu",
      "digits",
      ...COURSE2_NAMES.map(([name]) => name),
      "gradient-check",
    ]);
    expect(isExampleName("apple")).toBe(true);
    expect(isExampleName("toString")).toBe(false);
    expect(usage()).toContain("  two-layer-relu ");
  });

  it("runs the named example", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await dispatch(["apple"])).toBe(0);
    expect(log.mock.calls[0]).toStrictEqual(["price:", 220.00000000000003]);
    log.mockRestore();
  });

  it("lists the examples for a missing or unknown name, with exit code 2", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await dispatch([])).toBe(2);
    expect(await dispatch(["--help"])).toBe(0);
    expect(await dispatch(["pears"])).toBe(2);
    expect(error.mock.calls[0]?.[0]).toContain('unknown example "pears"');
    log.mockRestore();
    error.mockRestore();
  });
});
