import { matrix } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { isMain, orThrow, py, show } from "../src/run.js";

describe("printing like the notes", () => {
  it("py writes small numbers in Python's exponent form and leaves the rest as JavaScript does", () => {
    expect(py(5.631083591551547e-5)).toBe("5.631083591551547e-05");
    expect(py(8.913650816685477e-11)).toBe("8.913650816685477e-11");
    expect(py(-1e-7)).toBe("-1e-07");
    expect(py(0.0001)).toBe("0.0001");
    expect(py(0.04500000000000008)).toBe("0.04500000000000008");
    expect(py(200)).toBe("200");
    expect(py(0)).toBe("0");
  });
  it("show prints nested rows", () => {
    expect(show(matrix([[0.7999999999999999, 1.4000000000000001]]))).toBe(
      "[[0.7999999999999999, 1.4000000000000001]]",
    );
    expect(show(matrix([[2.024], [-0.958]]))).toBe("[[2.024], [-0.958]]");
  });
});

describe("helpers", () => {
  it("orThrow unwraps a Right and throws a Left's message", () => {
    expect(orThrow(E.right(3))).toBe(3);
    expect(() => orThrow(E.left({ message: "bad shape" }))).toThrow("bad shape");
  });
  it("isMain is false for an imported module", () => {
    expect(isMain(import.meta.url)).toBe(false);
  });
});
