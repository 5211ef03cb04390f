import { describe, expect, it } from "vitest";
import { dataError, formatNdShape, sameNdShape, shapeSize } from "../src/ndarray.js";

describe("ndarray helpers", () => {
  it("format shapes as numpy prints them", () => {
    expect(formatNdShape([209, 64, 64, 3])).toBe("(209, 64, 64, 3)");
    expect(formatNdShape([209])).toBe("(209,)");
    expect(formatNdShape([])).toBe("()");
  });

  it("count elements (a 0-d array holds one)", () => {
    expect(shapeSize([209, 64, 64, 3])).toBe(2568192);
    expect(shapeSize([])).toBe(1);
    expect(shapeSize([3, 0])).toBe(0);
  });

  it("compare shapes", () => {
    expect(sameNdShape([1, 2], [1, 2])).toBe(true);
    expect(sameNdShape([1, 2], [1, 2, 1])).toBe(false);
    expect(sameNdShape([2, 1], [1, 2])).toBe(false);
  });

  it("make DataErrors", () => {
    expect(dataError("x.h5: bad")).toEqual({ _tag: "DataError", message: "x.h5: bad" });
  });
});
