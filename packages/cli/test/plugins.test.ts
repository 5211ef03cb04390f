import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { getActivation } from "@stepwise/core";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { run } from "../src/main.js";
import { buildRegistry, CONFIG_FILE } from "../src/plugins.js";
import { builtinPlugins, builtinRegistry, pluginName } from "../src/registry.js";

const write = async (path: string, text: string): Promise<void> => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
};

/** A temporary folder holding `files`; "config" is written as stepwise.config.json. */
const folder = async (files: Readonly<Record<string, string>>): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), "stepwise-plugin-config-"));
  for (const [name, text] of Object.entries(files))
    await write(join(dir, name === "config" ? CONFIG_FILE : name), text);
  return dir;
};

const ACTIVATION = (name: string) =>
  `{ meta: { kind: "activation", name: ${JSON.stringify(name)} }, forward: (Z) => [Z, { Z, A: Z }], backward: (d) => d }`;
const COST = (name: string) =>
  `{ meta: { kind: "cost", name: ${JSON.stringify(name)} }, compute_cost: () => 0, cost_backward: (a) => a }`;

describe("built-in plugins", () => {
  it("every first-party plugin package is built in, under one registry without clashes", () => {
    const registry = builtinRegistry();
    expect(E.isRight(registry)).toBe(true);
  });
  it.each([
    ["relu", "relu"],
    ["leaky-relu", "leaky_relu"],
    ["leaky-relu(alpha=-1e-3)", "leaky_relu(alpha=-1e-3)"],
    ["hard-sigmoid-keras2", "hard_sigmoid_keras2"],
    ["  binary-cross-entropy-from-logits ", "binary_cross_entropy_from_logits"],
    ["focal(gamma=2, alpha=0.25)", "focal(gamma=2, alpha=0.25)"],
  ])("the flag %j names %j", (flag, name) => {
    expect(pluginName(flag)).toBe(name);
  });
});

describe("buildRegistry: stepwise.config.json and --plugin", () => {
  it("adds configured plugins to the built-in ones; paths are relative to the config's folder", async () => {
    const dir = await folder({
      config: JSON.stringify({ plugins: ["./plugins/wobble.mjs"] }),
      "plugins/wobble.mjs": `export const plugins = [${ACTIVATION("wobble")}];`,
      "other.mjs": `export default { plugins: [${COST("wiggle")}] };`,
    });
    const registry = await buildRegistry(builtinPlugins, { cwd: dir, plugins: ["./other.mjs"] });
    expect(E.isRight(registry) && [...registry.right.activations.keys()]).toContain("wobble");
    expect(E.isRight(registry) && [...registry.right.costs.keys()]).toContain("wiggle");
    expect(E.isRight(registry) && E.isRight(getActivation(registry.right, "gelu"))).toBe(true);
  });

  it("no config file: the built-in plugins only", async () => {
    const registry = await buildRegistry(builtinPlugins, { cwd: await folder({}), plugins: [] });
    const builtins = builtinRegistry();
    expect(E.isRight(registry) && [...registry.right.activations.keys()]).toEqual(
      E.isRight(builtins) && [...builtins.right.activations.keys()],
    );
  });

  // files (config = stepwise.config.json), --plugin values → exit code and what the message says
  const refused: ReadonlyArray<
    readonly [string, Readonly<Record<string, string>>, ReadonlyArray<string>, 1 | 2, ReadonlyArray<string>]
  > = [
    [
      "not JSON",
      { config: '{ "plugins": [' },
      [],
      2,
      [
        "stepwise.config.json: not valid JSON (",
        'it should look like { "plugins": ["@scope/stepwise-plugin", "./local/plugin.js"] }',
      ],
    ],
    ["an array", { config: "[]" }, [], 2, ["expected an object, got an array"]],
    [
      "a misspelled key",
      { config: '{ "plugin": [] }' },
      [],
      2,
      ['unknown key "plugin" (did you mean "plugins"?)'],
    ],
    [
      "plugins not an array",
      { config: '{ "plugins": "./a.js" }' },
      [],
      2,
      ['"plugins" must be an array, got "./a.js"'],
    ],
    [
      "a non-string entry",
      { config: '{ "plugins": [3] }' },
      [],
      2,
      ["plugins[0] must be a package name or a path, got 3"],
    ],
    [
      "a package that is not installed",
      { config: '{ "plugins": ["@acme/nope"] }' },
      [],
      2,
      [
        'plugin "@acme/nope" (stepwise.config.json) not found: no package "@acme/nope" is installed in',
        "install it (pnpm add @acme/nope) or fix the name",
      ],
    ],
    [
      "a missing file",
      { config: '{ "plugins": ["./missing.js"] }' },
      [],
      2,
      ['plugin "./missing.js" (stepwise.config.json) not found: there is no'],
    ],
    [
      "a missing --plugin",
      {},
      ["./nowhere.mjs"],
      2,
      ['plugin "./nowhere.mjs" (--plugin) not found: there is no'],
    ],
    [
      "a folder that is not a package",
      { "empty/readme.txt": "hi" },
      ["./empty"],
      2,
      ['plugin "./empty" (--plugin):', "is a folder without a usable package.json"],
    ],
    [
      "a package folder that is not built",
      {
        "unbuilt/package.json":
          '{ "name": "@acme/unbuilt", "type": "module", "exports": { ".": "./dist/index.js" } }',
        "unbuilt/src/index.ts": "export const plugins = [];",
      },
      ["./unbuilt"],
      2,
      ['plugin "./unbuilt" (--plugin):', "package.json points at dist/index.js, which does not exist; build"],
    ],
    [
      "a module exporting no plugins",
      { config: '{ "plugins": ["./none.mjs"] }', "none.mjs": "export const answer = 42;" },
      [],
      2,
      [
        'plugin "./none.mjs" (stepwise.config.json) exports no plugins: a plugin module has `export const plugins = [...]`',
        "none.mjs exports answer",
      ],
    ],
    [
      "an empty plugins list",
      { config: '{ "plugins": ["./empty.mjs"] }', "empty.mjs": "export const plugins = [];" },
      [],
      2,
      ["must be a non-empty array of plugins, got []"],
    ],
    [
      "something that is not a plugin",
      {
        config: '{ "plugins": ["./bad.mjs"] }',
        "bad.mjs":
          'export const plugins = [{ meta: { kind: "activation", name: "half" }, forward: (Z) => [Z, { Z, A: Z }] }];',
      },
      [],
      2,
      [
        'plugins[0] of "./bad.mjs" (stepwise.config.json) is not a Stepwise plugin: forward or backward is missing',
      ],
    ],
    [
      "a name taken by a built-in plugin",
      {
        config: '{ "plugins": ["./relu.mjs"] }',
        "relu.mjs": `export const plugins = [${ACTIVATION("relu")}];`,
      },
      [],
      2,
      [
        'plugin "./relu.mjs" (stepwise.config.json): makeRegistry: two activation plugins are named "relu"',
        "it clashes with the built-in plugins",
      ],
    ],
    [
      "a factory over a built-in base name",
      {
        config: '{ "plugins": ["./elu.mjs"] }',
        "elu.mjs": `export const plugins = [{ kind: "activation", name: "elu", parameters: {}, create: () => (${ACTIVATION("elu")}) }];`,
      },
      [],
      2,
      ['two activation plugin factories are named "elu"', "it clashes with the built-in plugins"],
    ],
    [
      "two modules with one name",
      {
        config: '{ "plugins": ["./a.mjs"] }',
        "a.mjs": `export const plugins = [${COST("wiggle")}];`,
        "b.mjs": `export default [${COST("wiggle")}];`,
      },
      ["./b.mjs"],
      2,
      [
        'plugin "./b.mjs" (--plugin): makeRegistry: two cost plugins are named "wiggle"',
        'it clashes with "./a.mjs" (stepwise.config.json)',
      ],
    ],
    [
      "a name that is not canonical",
      {
        config: '{ "plugins": ["./odd.mjs"] }',
        "odd.mjs": `export const plugins = [${COST("wiggle(k=1.0)")}];`,
      },
      [],
      2,
      ['is not written canonically; name it "wiggle(k=1)"'],
    ],
    [
      "a factory whose default is outside its range",
      {
        config: '{ "plugins": ["./f.mjs"] }',
        "f.mjs": `export const plugins = [{ kind: "cost", name: "f", parameters: { k: { default: -1, min: 0 } }, create: () => (${COST("f")}) }];`,
      },
      [],
      2,
      ["plugin factory f: the default k=-1 is outside its own range (a number ≥ 0)"],
    ],
    [
      "a module that throws when imported",
      {
        config: '{ "plugins": ["./throws.mjs"] }',
        "throws.mjs": 'throw new Error("the plugin could not find its weights");',
      },
      [],
      1,
      [
        'plugin "./throws.mjs" (stepwise.config.json) failed to load from',
        "the plugin could not find its weights",
      ],
    ],
    [
      "a module with a syntax error",
      { config: '{ "plugins": ["./broken.mjs"] }', "broken.mjs": "export const plugins = [" },
      [],
      1,
      ['plugin "./broken.mjs" (stepwise.config.json) failed to load from'],
    ],
  ];
  it.each(refused)("refuses %s", async (_, files, flags, code, texts) => {
    const registry = await buildRegistry(builtinPlugins, { cwd: await folder(files), plugins: flags });
    expect(E.isLeft(registry) && registry.left.exitCode).toBe(code);
    for (const text of texts) expect(E.isLeft(registry) ? registry.left.message : "no error").toContain(text);
  });

  it("loads a module named twice once, and skips plugin objects already registered", async () => {
    const dir = await folder({
      config: '{ "plugins": ["./w.mjs"] }',
      "w.mjs": `export const plugins = [${ACTIVATION("wobble")}];`,
    });
    const registry = await buildRegistry(builtinPlugins, {
      cwd: dir,
      plugins: ["./w.mjs", join(dir, "w.mjs")],
    });
    expect(E.isRight(registry)).toBe(true);
  });
});

describe("names on the command line are checked before any data is read", () => {
  const io = () => {
    const lines = { out: [] as string[], err: [] as string[] };
    return {
      lines,
      io: { out: (l: string) => lines.out.push(l), err: (t: string) => lines.err.push(t), isTTY: false },
    };
  };
  // flag, value → what stderr says (exit code 2, with the hint to --help)
  const bad: ReadonlyArray<readonly [string, string, string]> = [
    [
      "--hidden",
      "leaky-relu(alpha=-1)",
      "--hidden: leaky_relu(alpha=-1): alpha must be a number ≥ 0, got -1 (default 0.01)",
    ],
    [
      "--hidden",
      "elu(beta=1)",
      '--hidden: elu(beta=1): elu has no parameter "beta"; its parameters: alpha (a number ≥ 0, default 1)',
    ],
    [
      "--cost",
      "huber(delta=abc)",
      '--cost: plugin name "huber(delta=abc)": delta=abc: "abc" is not a number',
    ],
    [
      "--cost",
      "focal(gamma=1, alpha=2)",
      "--cost: focal(gamma=1, alpha=2): alpha must be a number in [0, 1], got 2 (default 0.25)",
    ],
    [
      "--hidden",
      "relu(alpha=1)",
      "--hidden: relu(alpha=1): the activation relu takes no parameters; write relu",
    ],
    ["--hidden", "gelu(", '--hidden: plugin name "gelu(": a closing ")" is missing'],
    ["--output", "sigmod", '--output: unknown activation "sigmod"; did you mean "sigmoid"?'],
  ];
  it.each(bad)("%s %s", async (flag, value, text) => {
    const { lines, io: testIo } = io();
    const code = await run(["train", flag, value, "--iterations", "1", "--data", "/nonexistent"], testIo);
    expect(code).toBe(2);
    const stderr = lines.err.join("");
    expect(stderr.startsWith(`stepwise: ${text}`)).toBe(true);
    expect(stderr.endsWith("\n(run with --help for usage)\n")).toBe(true);
    expect(stderr.split("\n")).toHaveLength(3);
  });
});
