import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gelu } from "@stepwise/activation-gelu";
import { softmax } from "@stepwise/activation-softmax";
import { fromLayers } from "@stepwise/core";
import { categorical_cross_entropy } from "@stepwise/cost-categorical-cross-entropy";
import { predict, toModelFile } from "@stepwise/model";
import { saveModel } from "@stepwise/model/node";
import { fromFunction, type Matrix, transpose, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { stepwise } from "./cli.js";

let dir = "";
let model = "";
// Deterministic numbers in [−2, 2] without an RNG: a [5, 4, 3] network and 8 examples.
const wave = (rows: number, cols: number, seed: number): Matrix =>
  fromFunction(rows, cols, (i, j) => 2 * Math.sin(seed + 1.7 * i + 0.9 * j + 0.3 * i * j));
const X = wave(5, 8, 1);
const parameters = fromLayers([
  [wave(4, 5, 2), wave(4, 1, 3)],
  [wave(3, 4, 4), wave(3, 1, 5)],
]);
const spec = { hidden: gelu, output: softmax };

// A trained model's file, written the way `stepwise train` writes it (GELU hidden layer, softmax output).
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "stepwise-export-"));
  model = join(dir, "model.json");
  const saved = await saveModel(model, toModelFile(parameters, spec, categorical_cross_entropy, {}));
  if (E.isLeft(saved)) throw new Error(saved.left.message);
});

/** The exported model run by ONNX Runtime on Stepwise's X, returned in Stepwise's layout. */
const runFile = async (path: string, float: boolean): Promise<Matrix> => {
  const session = await ort.InferenceSession.create(await readFile(path));
  const Xt = transpose(X);
  const input = float
    ? new ort.Tensor("float32", Float32Array.from(Xt.data), [Xt.rows, Xt.cols])
    : new ort.Tensor("float64", Float64Array.from(Xt.data), [Xt.rows, Xt.cols]);
  const out = (await session.run({ X: input }))["AL"];
  if (out === undefined) throw new Error("no AL");
  return transpose(unsafeMatrix(X.cols, 3, Float64Array.from(out.data as Float64Array | Float32Array)));
};

const maxGap = (a: Matrix, b: Matrix): number =>
  Math.max(...Array.from(a.data, (x, i) => Math.abs(x - (b.data[i] as number))));

describe("stepwise export --onnx", () => {
  const expected = (): Matrix => {
    const result = predict(X, undefined, parameters, spec);
    if (E.isLeft(result)) throw new Error(result.left.message);
    return result.right.probabilities;
  };

  it("writes a double-precision model that ONNX Runtime runs to Stepwise's predictions", async () => {
    const out = join(dir, "model.onnx");
    const r = await stepwise(["export", "--onnx", out, "--model", model]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(ONNX opset 18, double, \\d+ bytes\\): input X \\(batch, 5\\), output AL \\(batch, 3\\)`,
      ),
    );
    expect(maxGap(await runFile(out, false), expected())).toBeLessThanOrEqual(1e-12);
  });

  it("--precision float writes float32", async () => {
    const out = join(dir, "model-float.onnx");
    const r = await stepwise(["export", "--onnx", out, "--model", model, "--precision", "float"]);
    expect(r.code).toBe(0);
    expect(maxGap(await runFile(out, true), expected())).toBeLessThanOrEqual(1e-6);
  });

  it("a corrupt model file is a clear error, not a stack trace", async () => {
    const broken = join(dir, "broken.json");
    await writeFile(broken, (await readFile(model, "utf8")).slice(0, 200));
    const r = await stepwise(["export", "--onnx", join(dir, "x.onnx"), "--model", broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`stepwise: ${broken}: is not valid JSON`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("an activation with no ONNX form is refused, naming the layer", async () => {
    // A third-party plugin as someone outside the repository writes it (no Stepwise import).
    const plugin = join(dir, "swoosh.mjs");
    await writeFile(
      plugin,
      `const map = (M, f) => ({ rows: M.rows, cols: M.cols, data: M.data.map(f) });
const s = (z) => 1 / (1 + Math.exp(-z));
export const plugins = [{
  meta: { kind: "activation", name: "swoosh", package: "@acme/stepwise-swoosh" },
  forward: (Z) => { const A = map(Z, (z) => z * s(z)); return [A, { Z, A }]; },
  backward: (dA, { Z }) => map(dA, (da, i) => da * s(Z.data[i]) * (1 + Z.data[i] * (1 - s(Z.data[i])))),
}];
`,
    );
    const swoosh = {
      ...gelu,
      meta: { kind: "activation" as const, name: "swoosh", package: "@acme/stepwise-swoosh" },
    };
    const path = join(dir, "swoosh-model.json");
    const saved = await saveModel(
      path,
      toModelFile(parameters, { hidden: swoosh, output: softmax }, categorical_cross_entropy, {}),
    );
    if (E.isLeft(saved)) throw new Error(saved.left.message);
    const r = await stepwise([
      "export",
      "--onnx",
      join(dir, "swoosh.onnx"),
      "--model",
      path,
      "--plugin",
      plugin,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `stepwise: ${path}: toOnnx: layer 1 (hidden) uses the activation "swoosh" (@acme/stepwise-swoosh), which has no ONNX form`,
    );
  });

  it("without --onnx it is a usage error", async () => {
    const r = await stepwise(["export", "--model", model]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--onnx <path>' not specified");
  });
});
