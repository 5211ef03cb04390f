import { randn, seedOrThrow } from "@stepwise/random";
import { describe, expect, it, vi } from "vitest";
import { gradient_check_example, gradient_check_n_test_case, main, verdict } from "../src/gradient-check.js";

describe("example gradient-check (the Gradient Checking notebook's gradient_check_n)", () => {
  it("draws the notebook's test case from one np.random.seed(1) stream: x first, then W1, b1, …", () => {
    const [X, Y, parameters] = gradient_check_n_test_case();
    const [x] = randn(4, 3)(seedOrThrow(1));
    expect(Array.from(X.data)).toEqual(Array.from(x.data));
    expect(Array.from(Y.data)).toEqual([1, 1, 0]);
    expect(Object.keys(parameters)).toEqual(["W1", "b1", "W2", "b2", "W3", "b3"]);
  });

  it("finds the planted bugs (difference 0.285…, in db1 and dW2), and passes once they are fixed", () => {
    const { withBugs, buggyBlocks, fixed } = gradient_check_example();
    // The notebook's expected output: 0.2850931567761623, then 1.1890913024229996e-07. Central differences
    // with ε = 1e-7 carry rounding of ~1e-16 / 1e-7, so the second agrees to that, not to the last digit.
    expect(Math.abs(withBugs - 0.2850931567761623)).toBeLessThanOrEqual(1e-12);
    expect(buggyBlocks).toEqual(["db1", "dW2"]);
    expect(Math.abs(fixed - 1.1890913024229996e-7)).toBeLessThanOrEqual(1e-15);
    expect(fixed).toBeLessThan(2e-7);
  });

  it("prints the notebook's verdicts", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    main();
    const lines = log.mock.calls.map((c) => String(c[0]));
    log.mockRestore();
    expect(lines[0]).toMatch(/^There is a mistake in the backward propagation! difference = 0\.28509315677/);
    expect(lines[1]).toBe("The mistakes are in db1 and dW2; fixing them:");
    expect(lines[2]).toMatch(
      /^Your backward propagation works perfectly fine! difference = 1\.18909130\d+e-07$/,
    );
    expect(verdict(3e-7)).toContain("mistake");
  });
});
