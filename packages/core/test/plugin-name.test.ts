import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  canonicalPluginName,
  formatParameterValue,
  formatPluginName,
  type PluginName,
  parsePluginName,
  splitPluginNames,
} from "../src/index.js";

const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

describe("parsePluginName", () => {
  // text → base and parameters in the order written
  const valid: ReadonlyArray<readonly [string, PluginName]> = [
    ["relu", { base: "relu", parameters: [] }],
    ["  gelu_tanh ", { base: "gelu_tanh", parameters: [] }],
    ["leaky_relu()", { base: "leaky_relu", parameters: [] }],
    ["leaky_relu(alpha=0.01)", { base: "leaky_relu", parameters: [["alpha", 0.01]] }],
    ["elu( alpha = 1.0 )", { base: "elu", parameters: [["alpha", 1]] }],
    [
      "focal(gamma=2, alpha=0.25)",
      {
        base: "focal",
        parameters: [
          ["gamma", 2],
          ["alpha", 0.25],
        ],
      },
    ],
    [
      "focal(alpha=.25,gamma=+2)",
      {
        base: "focal",
        parameters: [
          ["alpha", 0.25],
          ["gamma", 2],
        ],
      },
    ],
    ["huber(delta=1e-3)", { base: "huber", parameters: [["delta", 0.001]] }],
    ["huber(delta=2.5E+2)", { base: "huber", parameters: [["delta", 250]] }],
    ["elu(alpha=-1)", { base: "elu", parameters: [["alpha", -1]] }],
    ["swish(beta=3.)", { base: "swish", parameters: [["beta", 3]] }],
    ["a2(b_1=0)", { base: "a2", parameters: [["b_1", 0]] }],
  ];
  it.each(valid)("%j", (text, expected) => {
    expect(parsePluginName(text)).toEqual(E.right(expected));
  });

  // text → the end of the message, which says what is wrong
  const invalid: ReadonlyArray<readonly [string, string]> = [
    ["", "the name is empty"],
    ["(alpha=1)", "the name is empty"],
    [
      "LeakyReLU",
      '"LeakyReLU" is not a snake_case name (lowercase letters, digits and _, starting with a letter)',
    ],
    ["leaky-relu", '"leaky-relu" is not a snake_case name'],
    ["2relu", '"2relu" is not a snake_case name'],
    ["elu(alpha=1", 'a closing ")" is missing'],
    ["elu(alpha=1) x", "nothing may follow the closing parenthesis"],
    ["elu(alpha=(1))", "parentheses do not nest"],
    ["elu(alpha)", '"alpha" needs a value: write key=value, e.g. alpha=0.2'],
    ["elu(alpha=)", 'alpha=: "" is not a number; write a decimal such as 0.2, 1 or 1e-3'],
    ["elu(alpha=abc)", 'alpha=abc: "abc" is not a number'],
    ["elu(alpha=0x10)", 'alpha=0x10: "0x10" is not a number'],
    ["elu(alpha=NaN)", 'alpha=NaN: "NaN" is not a number'],
    ["elu(alpha=Infinity)", 'alpha=Infinity: "Infinity" is not a number'],
    ["elu(alpha=1e999)", "alpha=1e999: 1e999 is too large for a float64; use a finite value"],
    ["elu(alpha=1,)", "a parameter is missing between two commas"],
    ["focal(gamma=2,,alpha=1)", "a parameter is missing between two commas"],
    ["elu(Alpha=1)", '"Alpha" is not a parameter name (lowercase snake_case)'],
    ["elu(=1)", '"" is not a parameter name'],
    ["focal(gamma=2, gamma=3)", "gamma is given twice; give each parameter once"],
  ];
  it.each(invalid)("%j is refused: %s", (text, problem) => {
    const result = parsePluginName(text);
    expect(E.isLeft(result) && result.left._tag).toBe("InvalidArgument");
    expect(message(result)).toContain(`plugin name "${text}": ${problem}`);
    expect(message(result)).toMatch(/plugin names look like relu or leaky_relu\(alpha=0\.2\)$/);
  });
});

describe("canonical form", () => {
  // written → canonical
  const cases: ReadonlyArray<readonly [string, string]> = [
    ["relu", "relu"],
    [" relu ", "relu"],
    ["leaky_relu()", "leaky_relu"],
    ["leaky_relu(alpha=0.01)", "leaky_relu(alpha=0.01)"],
    ["leaky_relu(alpha=1e-2)", "leaky_relu(alpha=0.01)"],
    ["elu(alpha=1.0)", "elu(alpha=1)"],
    ["elu(alpha=+1)", "elu(alpha=1)"],
    ["elu(alpha=-0)", "elu(alpha=0)"],
    ["elu(alpha=-0.5)", "elu(alpha=-0.5)"],
    ["huber(delta=0.0000001)", "huber(delta=1e-7)"],
    ["huber(delta=1000000000000000000000)", "huber(delta=1e+21)"],
    ["huber(delta=0.1e1)", "huber(delta=1)"],
    // the order written is kept here; factories reorder to their declaration order
    ["focal( gamma=2 ,alpha=0.25 )", "focal(gamma=2, alpha=0.25)"],
    ["focal(alpha=0.25, gamma=2)", "focal(alpha=0.25, gamma=2)"],
  ];
  it.each(cases)("%j → %j", (written, canonical) => {
    expect(canonicalPluginName(written)).toEqual(E.right(canonical));
  });

  it("is a fixed point, and every finite double survives the round trip exactly", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b) => {
          const text = formatPluginName("focal", [
            ["gamma", a],
            ["alpha", b],
          ]);
          const parsed = parsePluginName(text);
          expect(parsed).toEqual(
            E.right({
              base: "focal",
              parameters: [
                ["gamma", a === 0 ? 0 : a],
                ["alpha", b === 0 ? 0 : b],
              ],
            }),
          );
          expect(canonicalPluginName(text)).toEqual(E.right(text));
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it("formats numbers as JavaScript's shortest round-trip decimal, -0 as 0", () => {
    expect([0.1 + 0.2, 1 / 3, 5e-324, -0, 100, 2 ** 70].map(formatParameterValue)).toEqual([
      "0.30000000000000004",
      "0.3333333333333333",
      "5e-324",
      "0",
      "100",
      "1.1805916207174113e+21",
    ]);
  });
});

describe("splitPluginNames", () => {
  it.each([
    ["relu", ["relu"]],
    ["tanh,relu", ["tanh", "relu"]],
    [" tanh , relu ", ["tanh", "relu"]],
    ["leaky_relu(alpha=0.2, x=1),tanh", ["leaky_relu(alpha=0.2, x=1)", "tanh"]],
    ["a,,b", ["a", "", "b"]],
  ])("%s", (text, names) => {
    expect(splitPluginNames(text)).toEqual(names);
  });

  it("joining with commas and splitting again gives the names back", () => {
    const name = fc.constantFrom("relu", "tanh", "leaky_relu(alpha=0.2)", "elu(alpha=1, beta=2)");
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 6 }), (names) => {
        expect(splitPluginNames(names.join(","))).toEqual(names);
      }),
    );
  });
});
