import { describe, expect, it } from "vitest";
import { invalidArgument, isStepwiseException, raise, shapeError, toException } from "../src/index.js";

describe("errors", () => {
  it("are tagged values", () => {
    expect(shapeError("f: bad")).toEqual({ _tag: "ShapeError", message: "f: bad" });
    expect(invalidArgument("g: bad")._tag).toBe("InvalidArgument");
  });
  it("turn into recognizable exceptions at the kernel boundary", () => {
    const e = toException(shapeError("f: bad"));
    expect(e.message).toBe("f: bad");
    expect(e.name).toBe("ShapeError");
    expect(isStepwiseException(e)).toBe(true);
    expect(isStepwiseException(new Error("plain"))).toBe(false);
    expect(() => raise(invalidArgument("h: no"))).toThrow("h: no");
  });
});
