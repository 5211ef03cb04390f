import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { explainMissingPlugin } from "../src/model-plugins.js";
import { builtinRegistry } from "../src/registry.js";

const registry = (() => {
  const r = builtinRegistry();
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
})();

const modelText = (hidden: unknown): string =>
  JSON.stringify({
    plugins: {
      hidden,
      output: { name: "sigmoid", package: "@stepwise/activation-sigmoid" },
      cost: { name: "binary_cross_entropy", package: "@stepwise/cost-binary-cross-entropy" },
    },
  });

describe("explainMissingPlugin", () => {
  it("looks at every entry of a per-layer hidden list", () => {
    const text = modelText([
      { name: "tanh", package: "@stepwise/activation-tanh" },
      { name: "tanh_v2", package: "@stepwise/activation-tanh" },
    ]);
    expect(explainMissingPlugin(text, registry, process.cwd())).toMatch(
      /^the model needs the activation "tanh_v2" from @stepwise\/activation-tanh; @stepwise\/activation-tanh is installed and loaded, but it has no activation "tanh_v2" \(it provides tanh/,
    );
  });

  it("says nothing when every plugin resolves, one hidden activation or a list", () => {
    const tanh = { name: "tanh", package: "@stepwise/activation-tanh" };
    const relu = { name: "relu", package: "@stepwise/activation-relu" };
    expect(explainMissingPlugin(modelText(tanh), registry, process.cwd())).toBeUndefined();
    expect(explainMissingPlugin(modelText([tanh, relu]), registry, process.cwd())).toBeUndefined();
  });
});
