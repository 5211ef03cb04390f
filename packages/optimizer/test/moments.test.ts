import { zeros } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import { entry, layerKeys, zerosLike } from "../src/moments.js";
import { dictEquals, thrown } from "./helpers.js";

describe("moments helpers", () => {
  it("layerKeys pairs each parameter with its gradient key, in the course's loop order", () => {
    expect(layerKeys(2)).toEqual([
      ["W1", "dW1"],
      ["b1", "db1"],
      ["W2", "dW2"],
      ["b2", "db2"],
    ]);
    expect(layerKeys(0)).toEqual([]);
  });

  it("zerosLike gives fresh zeros shaped like each parameter", () => {
    const parameters = { W1: zeros(4, 3), b1: zeros(4, 1) };
    const z = zerosLike(parameters);
    expect(dictEquals(z, { dW1: zeros(4, 3), db1: zeros(4, 1) })).toBe(true);
    const { dW1 } = z;
    expect(dW1).not.toBe(parameters.W1);
  });

  it("entry names the missing key", () => {
    expect(thrown(() => entry({}, "dW3", "grads")).message).toBe("grads has no dW3");
  });
});
