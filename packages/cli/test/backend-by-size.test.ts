import { describe, expect, it } from "vitest";
import { isSmallNetwork, SMALL_NETWORK_WEIGHTS, weightCount } from "../src/backend-by-size.js";

describe("--backend auto by the size of the network", () => {
  it("counts weights as Σ n_l·n_(l−1)", () => {
    expect(weightCount([2, 5, 2, 1])).toBe(22);
    expect(weightCount([12288, 20, 7, 5, 1])).toBe(245_760 + 140 + 35 + 5);
  });
  it("takes js for Course 2's networks and wasm for the cat model (or when the network is unknown)", () => {
    for (const layers of [
      [2, 5, 2, 1],
      [2, 10, 5, 1],
      [2, 20, 3, 1],
    ])
      expect(isSmallNetwork(layers)).toBe(true);
    expect(isSmallNetwork([12288, 20, 7, 5, 1])).toBe(false);
    expect(isSmallNetwork([12288, 7, 1])).toBe(false);
    expect(isSmallNetwork(undefined)).toBe(false);
    expect(isSmallNetwork([100, 100, 1])).toBe(weightCount([100, 100, 1]) < SMALL_NETWORK_WEIGHTS);
  });
});
