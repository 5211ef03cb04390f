import { runActivationContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { leakyRelu } from "../src/index.js";

runActivationContract(leakyRelu({ alpha: 0.2 }), { kinks: [0] });

describe("leakyRelu options", () => {
  it("records alpha in the name, so a model file reloads the same slope", () => {
    expect(leakyRelu({ alpha: 0.2 }).meta.name).toBe("leaky_relu(alpha=0.2)");
    expect(leakyRelu().meta.name).toBe("leaky_relu(alpha=0.01)");
  });
  it.each([-0.1, Number.NaN, Number.POSITIVE_INFINITY])("rejects alpha %s", (alpha) => {
    expect(() => leakyRelu({ alpha })).toThrow(`leaky_relu: alpha is ${alpha}; pass a finite slope ≥ 0`);
  });
});
