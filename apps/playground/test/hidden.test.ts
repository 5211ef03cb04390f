import { describe, expect, it } from "vitest";
import { hiddenNames, joinHidden, resizeHidden, withHiddenAt } from "../src/engine/hidden.js";

describe("per-layer hidden activations in the config", () => {
  it.each([
    ["relu", 3, ["relu", "relu", "relu"]],
    ["tanh,relu", 2, ["tanh", "relu"]],
    ["tanh,relu", 3, ["tanh", "relu", "relu"]],
    ["tanh,relu,gelu", 2, ["tanh", "relu"]],
    ["leaky_relu(alpha=0.2, beta=1),tanh", 2, ["leaky_relu(alpha=0.2, beta=1)", "tanh"]],
    ["relu", 0, []],
  ])("%s over %i layers", (hidden, count, names) => {
    expect(hiddenNames(hidden, count)).toEqual(names);
  });

  it("writes one name when every layer has it, the list otherwise", () => {
    expect(joinHidden(["relu", "relu"])).toBe("relu");
    expect(joinHidden(["tanh", "relu"])).toBe("tanh,relu");
  });

  it("sets one layer's activation, collapsing back when they agree again", () => {
    expect(withHiddenAt("relu", 2, 0, "tanh")).toBe("tanh,relu");
    expect(withHiddenAt("tanh,relu", 2, 0, "relu")).toBe("relu");
  });

  it("a new layer takes its predecessor's activation; removing one drops it", () => {
    expect(resizeHidden("tanh,relu", 3)).toBe("tanh,relu,relu");
    expect(resizeHidden("tanh,relu", 1)).toBe("tanh");
  });
});
