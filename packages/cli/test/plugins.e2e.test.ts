import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { encodePng } from "@stepwise/data";
import { beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR, type Ran } from "./cli.js";

const MAIN = join(import.meta.dirname, "../src/bin.ts");
// `--import tsx` would resolve tsx from the working directory, which here is a bare temporary folder.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** The real CLI in a child process, run in `cwd` (where it looks for stepwise.config.json). */
const stepwiseIn = (cwd: string, args: ReadonlyArray<string>): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=@stepwise/source", "--import", TSX, MAIN, ...args],
      {
        cwd,
        env: { ...process.env, STEPWISE_DATA_DIR: DATA_DIR, NO_COLOR: "1" },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === "number" ? error.code : 1,
          stdout,
          stderr,
        }),
    );
  });

const write = async (path: string, text: string): Promise<void> => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
};

// Third-party plugins written the way someone outside this repository would: plain ES modules that build
// Matrix values ({ rows, cols, data: Float64Array }) themselves and do not import Stepwise at all.
const SWOOSH = `
const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const map = (M, f) => ({ rows: M.rows, cols: M.cols, data: M.data.map(f) });
export const swoosh = Object.freeze({
  meta: Object.freeze({ kind: "activation", name: "swoosh", package: "@acme/stepwise-swoosh" }),
  forward: (Z) => { const A = map(Z, (z) => z * sigmoid(z)); return [A, { Z, A }]; },
  backward: (dA, { Z }) =>
    map(dA, (da, i) => { const s = sigmoid(Z.data[i]); return da * s * (1 + Z.data[i] * (1 - s)); }),
});
export const plugins = [swoosh];
`;

const SCALED_TANH = `
const map = (M, f) => ({ rows: M.rows, cols: M.cols, data: M.data.map(f) });
// A parameterized plugin: the registry builds scaled_tanh(scale=2) from this factory.
export default {
  plugins: [
    {
      kind: "activation",
      name: "scaled_tanh",
      parameters: { scale: { default: 1, greaterThan: 0 } },
      create: ({ scale }) => ({
        meta: { kind: "activation", name: "scaled_tanh" },
        forward: (Z) => { const A = map(Z, (z) => Math.tanh(scale * z)); return [A, { Z, A }]; },
        backward: (dA, { A }) => map(dA, (da, i) => da * scale * (1 - A.data[i] ** 2)),
      }),
    },
  ],
};
`;

let root = "";

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "stepwise-plugins-"));
  await write(
    join(root, "node_modules/@acme/stepwise-swoosh/package.json"),
    JSON.stringify({
      name: "@acme/stepwise-swoosh",
      version: "1.0.0",
      type: "module",
      exports: "./index.js",
    }),
  );
  await write(join(root, "node_modules/@acme/stepwise-swoosh/index.js"), SWOOSH);
  await write(join(root, "local/scaled-tanh.mjs"), SCALED_TANH);
  await write(
    join(root, "stepwise.config.json"),
    JSON.stringify({ plugins: ["@acme/stepwise-swoosh", "./local/scaled-tanh.mjs"] }),
  );
});

const noStackTrace = (r: Ran): void => {
  expect(r.stderr).not.toMatch(/\n\s+at /);
};

describe("plugins from stepwise.config.json and --plugin", () => {
  it("stepwise plugins lists the built-in plugins and the configured ones, with their packages", async () => {
    const r = await stepwiseIn(root, ["plugins"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines).toContain("  swoosh  [@acme/stepwise-swoosh]");
    expect(lines).toContain("  scaled_tanh(scale=1)  parameters: scale (a number > 0, default 1)");
    expect(lines).toContain(
      "  leaky_relu(alpha=0.01)  [@stepwise/activation-leaky-relu]  parameters: alpha (a number ≥ 0, default 0.01)",
    );
    for (const name of [
      "gelu",
      "gelu_tanh",
      "silu",
      "hard_sigmoid_keras2",
      "focal(gamma=2, alpha=0.25)",
      "adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)",
      "nesterov(beta=0.9)",
      "rmsprop(rho=0.99, epsilon=1e-8, momentum=0, centered=0)",
      "adagrad(epsilon=1e-10)",
      "adadelta(rho=0.9, epsilon=0.000001)",
      "adamw(beta1=0.9, beta2=0.999, epsilon=1e-8, weight_decay=0.01)",
      "adamax(beta1=0.9, beta2=0.999, epsilon=1e-8)",
      "nadam(beta1=0.9, beta2=0.999, epsilon=1e-8, momentum_decay=0.004)",
    ])
      expect(lines.some((l) => l.startsWith(`  ${name}  `))).toBe(true);
  });

  it("trains with a configured plugin, records its name and package, and predict names the package when it is missing", async () => {
    const run = join(root, "run-swoosh");
    const trained = await stepwiseIn(root, [
      "train",
      "--hidden",
      "swoosh",
      "--layers",
      "12288,3,1",
      "--iterations",
      "3",
      "--learning-rate",
      "0.01",
      "--out",
      run,
      "--quiet",
    ]);
    expect(trained.stderr).toBe("");
    expect(trained.code).toBe(0);
    const model = JSON.parse(await readFile(join(run, "model.json"), "utf8")) as {
      plugins: { hidden: { name: string; package?: string } };
    };
    expect(model.plugins.hidden).toEqual({ name: "swoosh", package: "@acme/stepwise-swoosh" });

    const image = join(root, "picture.png");
    await writeFile(image, encodePng(new Uint8Array(64 * 64 * 3).fill(128), 64, 64));
    // Elsewhere, without the config: the message says which package to add and how.
    const elsewhere = await mkdtemp(join(tmpdir(), "stepwise-no-plugins-"));
    const missing = await stepwiseIn(elsewhere, ["predict", "--model", join(run, "model.json"), image]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'the model needs the activation "swoosh" from @acme/stepwise-swoosh, which is not registered; install @acme/stepwise-swoosh and list it under "plugins" in stepwise.config.json (or pass --plugin @acme/stepwise-swoosh)',
    );
    noStackTrace(missing);
    // Doing what it says works: --plugin with the package's folder.
    const withFlag = await stepwiseIn(elsewhere, [
      "predict",
      "--plugin",
      join(root, "node_modules/@acme/stepwise-swoosh"),
      "--model",
      join(run, "model.json"),
      image,
    ]);
    expect(withFlag.stderr).toBe("");
    expect(withFlag.stdout).toMatch(/^y = [01], your 2-layer model predicts a "(non-)?cat" picture\.$/m);
  });

  it("parameterized names, from a plugin module and built in, are written back canonically", async () => {
    const run = join(root, "run-parameterized");
    const trained = await stepwiseIn(root, [
      "train",
      "--hidden",
      "scaled-tanh( scale = 2.0 )",
      "--cost",
      "focal(alpha=0.5, gamma=1e0)",
      "--layers",
      "12288,2,1",
      "--iterations",
      "2",
      "--out",
      run,
      "--quiet",
    ]);
    expect(trained.stderr).toBe("");
    expect(trained.code).toBe(0);
    const model = JSON.parse(await readFile(join(run, "model.json"), "utf8")) as {
      plugins: Record<string, { name: string; package?: string }>;
    };
    expect(model.plugins).toEqual({
      hidden: { name: "scaled_tanh(scale=2)" },
      output: { name: "sigmoid", package: "@stepwise/activation-sigmoid" },
      cost: { name: "focal(gamma=1, alpha=0.5)", package: "@stepwise/cost-focal" },
    });
  });
});

describe("bad plugin configuration, end to end: one line on stderr, exit 2 (1 when a module fails at run time)", () => {
  // Every case is checked in-process in plugins.test.ts; these two check what the user sees.
  it.each([
    ["not JSON", '{ "plugins": [', {}, 2, "stepwise.config.json: not valid JSON ("],
    [
      "a module that throws when imported",
      '{ "plugins": ["./throws.mjs"] }',
      { "throws.mjs": 'throw new Error("the plugin could not find its weights");' },
      1,
      "the plugin could not find its weights",
    ],
  ] as const)("%s", async (_, config, files, code, text) => {
    const dir = await mkdtemp(join(tmpdir(), "stepwise-bad-config-"));
    await write(join(dir, "stepwise.config.json"), config);
    for (const [name, body] of Object.entries(files)) await write(join(dir, name), body);
    const r = await stepwiseIn(dir, ["train", "--iterations", "1"]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^stepwise: /);
    expect(r.stderr).toContain(text);
    expect(r.stderr.includes("(run with --help for usage)")).toBe(code === 2);
    noStackTrace(r);
  });
});
