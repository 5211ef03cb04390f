import { describe, expect, it } from "vitest";
import { pythonFloat } from "../src/python-float.js";

// Expected strings are what python3 prints for repr(x) on this machine.
describe("pythonFloat", () => {
  it.each([
    [0.7717493284237686, "0.7717493284237686"],
    [1, "1.0"],
    [-2.5, "-2.5"],
    [0, "0.0"],
    [-0, "-0.0"],
    [123456.789, "123456.789"],
    [1e-5, "1e-05"],
    [0.0001, "0.0001"],
    [1.5e-7, "1.5e-07"],
    [1e16, "1e+16"],
    [1234567890123456.8, "1234567890123456.8"],
    [9999999999999998, "9999999999999998.0"],
    [0.1 + 0.2, "0.30000000000000004"],
    [Number.NaN, "nan"],
    [Number.POSITIVE_INFINITY, "inf"],
    [Number.NEGATIVE_INFINITY, "-inf"],
    [2.2250738585072014e-308, "2.2250738585072014e-308"],
  ])("%s → %s", (x, expected) => {
    expect(pythonFloat(x)).toBe(expected);
  });
});
