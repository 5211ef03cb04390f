import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectIdentical,
  expectUnchanged,
  forAllInputs,
  frozenMatrix,
  metaChecks,
  settingsWithDefaults,
} from "../src/check.js";
import { m, tanh } from "./plugins.js";

describe("check helpers", () => {
  it("frozenMatrix freezes the record and copies the data", () => {
    const values = [1, 2, 3, 4];
    const z = frozenMatrix(2, 2, values);
    expect(Object.isFrozen(z)).toBe(true);
    expect(() => {
      (z as { rows: number }).rows = 3;
    }).toThrow(TypeError);
    z.data[0] = 9;
    expect(values[0]).toBe(1);
  });

  it("expectUnchanged and expectIdentical tell -0 from 0 and accept NaN = NaN", () => {
    expect(() => expectUnchanged("Z", m([[-0]]), Float64Array.of(0))).toThrow(
      /Z was modified: element \(0, 0\) was 0 and is now 0/,
    );
    expect(() => expectUnchanged("Z", m([[Number.NaN]]), Float64Array.of(Number.NaN))).not.toThrow();
    expect(() => expectIdentical("A", m([[Number.NaN, 1]]), m([[Number.NaN, 1]]))).not.toThrow();
    expect(() => expectIdentical("A", m([[1]]), m([[1], [1]]))).toThrow(
      /A on the second call is \(2, 1\) but should be \(1, 1\)/,
    );
  });

  it("forAllInputs names a failing edge case, then runs fast-check with the seed", () => {
    const settings = settingsWithDefaults({ numRuns: 10 });
    expect(() =>
      forAllInputs(
        [{ label: "zero", input: 0 }],
        fc.integer(),
        (n) => {
          if (n === 0) throw new Error("no zeros");
        },
        settings,
      ),
    ).toThrow('edge case "zero": no zeros');
    expect(() =>
      forAllInputs(
        [],
        fc.integer({ min: 5, max: 9 }),
        (n) => {
          if (n > 6) throw new Error(`too big: ${n}`);
        },
        settings,
      ),
    ).toThrow(/^random input 7 \(fast-check seed 42, path "\d+(:\d+)*", shrunk \d+ times\): too big: 7$/);
  });

  it("metaChecks accepts parameterized snake_case names only", () => {
    const nameCheck = (name: string) =>
      metaChecks({ meta: { kind: "activation", name } }, "activation")[1]?.run;
    for (const good of ["relu", "leaky_relu(alpha=0.01)", "elu(alpha=1)", "gelu_tanh", "x2"])
      expect(nameCheck(good)).not.toThrow();
    for (const bad of ["", "ReLU", "leaky-relu", "2x", "_relu", "relu ", "leakyRelu"])
      expect(nameCheck(bad)).toThrow();
    expect(metaChecks(tanh, "activation").map((c) => c.name)).toEqual([
      'meta.kind is "activation"',
      "meta.name is a snake_case name",
      "the plugin object is frozen",
    ]);
  });
});
