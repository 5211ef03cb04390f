import { describe, expect, it } from "vitest";
import { short } from "../src/format.js";

describe("short", () => {
  it("keeps three significant digits, in exponent form when tiny or huge", () => {
    expect(short(0.0000020148292556940064)).toBe("2.01e-6");
    expect(short(0.09999999999999998)).toBe("0.1");
    expect(short(1234567)).toBe("1.23e+6");
    expect(short(0)).toBe("0");
    expect(short(Number.NaN)).toBe("NaN");
    expect(short(Number.POSITIVE_INFINITY)).toBe("Infinity");
  });
});
