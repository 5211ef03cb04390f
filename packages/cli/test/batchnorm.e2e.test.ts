import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { makeRegistry } from "@stepwise/core";
import { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
import { type Dataset, encodePng, imageAt } from "@stepwise/data";
import { loadCatvnoncat } from "@stepwise/data/node";
import { type LoadedModel, predict } from "@stepwise/model";
import { loadModel } from "@stepwise/model/node";
import { type Matrix, takeColumns, transpose, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { DATA_DIR, stepwise, stepwiseHere } from "./cli.js";

// Issue 16's "done when": a cat model trained with --batch-norm is exported with `stepwise export --onnx`
// and ONNX Runtime predicts what `stepwise predict` does, to 1e-12 in double precision. The course's
// 4-layer network, a few iterations (the numbers need not be good, only the same).

const unwrap = <A>(result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const registry = unwrap(makeRegistry({ activations: [relu, sigmoid], costs: [binary_cross_entropy] }));

/** ONNX Runtime's AL for X (Stepwise's layout, one column per example), in Stepwise's layout. */
const onnxOutput = async (path: string, X: Matrix): Promise<Matrix> => {
  const session = await ort.InferenceSession.create(await readFile(path));
  const Xt = transpose(X);
  const out = (
    await session.run({ X: new ort.Tensor("float64", Float64Array.from(Xt.data), [Xt.rows, Xt.cols]) })
  )["AL"];
  if (out === undefined) throw new Error("the ONNX model has no output AL");
  return transpose(unsafeMatrix(X.cols, 1, Float64Array.from(out.data as Float64Array)));
};

const maxGap = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  Math.max(...Array.from(a, (x, i) => Math.abs(x - (b[i] as number))));

let dir = "";
let data: Dataset;
// Three test pictures written as the user's own PNG files (a 64×64 PNG gives exactly the test set's column).
const PICTURES = [0, 1, 2] as const;
let pictures: ReadonlyArray<string> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "stepwise-batchnorm-"));
  data = unwrap(await loadCatvnoncat(DATA_DIR));
  pictures = await Promise.all(
    PICTURES.map(async (i) => {
      const path = join(dir, `picture_${i}.png`);
      await writeFile(path, encodePng(imageAt(data.testImages, i), 64, 64));
      return path;
    }),
  );
});

describe.each(["adam", "rmsprop"])("stepwise train --batch-norm --optimizer %s", (optimizer) => {
  let run = "";
  let model: LoadedModel;

  beforeAll(async () => {
    run = join(dir, optimizer);
    const trained = await stepwise([
      "train",
      "--batch-norm",
      "--optimizer",
      optimizer,
      "--learning-rate",
      "0.001",
      "--iterations",
      "5",
      "--out",
      run,
      "--quiet",
    ]);
    if (trained.code !== 0) throw new Error(trained.stderr);
    model = unwrap(await loadModel(join(run, "model.json"), registry));
  }, 120_000);

  it("records batch norm in metrics.json, the model file and the report", async () => {
    const metrics = JSON.parse(await readFile(join(run, "metrics.json"), "utf8")) as {
      status: string;
      plan: string;
      config: Record<string, unknown>;
    };
    expect(metrics.status).toBe("finished");
    expect(metrics.plan).toBe("primal"); // neither adam nor rmsprop is linear in the gradient
    expect(metrics.config).toMatchObject({
      batch_norm: true,
      batch_norm_eps: 1e-5,
      batch_norm_momentum: 0.1,
    });
    const manifest = JSON.parse(await readFile(join(run, "model.json"), "utf8")) as Record<string, unknown>;
    expect(manifest["batch_norm"]).toEqual({ eps: 1e-5, momentum: 0.1 });
    expect(model.spec).toMatchObject({ batchNorm: { eps: 1e-5, momentum: 0.1 } });
    expect(Object.keys(model.parameters)).toEqual(
      expect.arrayContaining(["gamma1", "beta1", "gamma2", "beta2", "gamma3", "beta3"]),
    );
    expect(Object.keys(model.running ?? {}).sort()).toEqual(["mu1", "mu2", "mu3", "var1", "var2", "var3"]);
    const report = await readFile(join(run, "report.html"), "utf8");
    expect(report).toContain("batch_norm_momentum");
  });

  it("exported with `stepwise export --onnx`, ONNX Runtime predicts what `stepwise predict` does, to 1e-12", async () => {
    const onnx = join(run, "model.onnx");
    const exported = await stepwise(["export", "--onnx", onnx, "--model", join(run, "model.json")]);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);

    // `stepwise predict` on the user's picture files…
    const predicted = await stepwise(["predict", "--model", join(run, "model.json"), "--json", ...pictures]);
    expect(predicted.stderr).toBe("");
    expect(predicted.code).toBe(0);
    const rows = JSON.parse(predicted.stdout) as Array<{ probability: number; y: number }>;
    expect(rows).toHaveLength(PICTURES.length);
    // …and ONNX Runtime on the same pictures' columns.
    const fromOnnx = await onnxOutput(onnx, takeColumns(data.test_x, PICTURES));
    expect(
      maxGap(
        fromOnnx.data,
        rows.map((r) => r.probability),
      ),
    ).toBeLessThanOrEqual(1e-12);
    expect(rows.map((r) => r.y)).toEqual(Array.from(fromOnnx.data, (p) => (p > 0.5 ? 1 : 0)));

    // The whole test set: ONNX Runtime against predict on the loaded model (what `stepwise predict` runs),
    // and against the run's own test predictions.
    const all = await onnxOutput(onnx, data.test_x);
    const expected = unwrap(predict(data.test_x, undefined, model.parameters, model.spec, model.running));
    expect(maxGap(all.data, expected.probabilities.data)).toBeLessThanOrEqual(1e-12);
    const metrics = JSON.parse(await readFile(join(run, "metrics.json"), "utf8")) as {
      test_predictions: number[];
    };
    expect(Array.from(all.data, (p) => (p > 0.5 ? 1 : 0))).toEqual(metrics.test_predictions);
  }, 60_000);
});

describe("stepwise train --batch-norm: usage errors", () => {
  it.each([
    [
      ["--batch-norm-eps", "0.001"],
      "stepwise: --batch-norm-eps 0.001 is a batch norm setting, but batch norm is off; add --batch-norm",
    ],
    [
      ["--batch-norm-momentum", "0.2"],
      "stepwise: --batch-norm-momentum 0.2 is a batch norm setting, but batch norm is off; add --batch-norm",
    ],
    [
      ["--batch-norm", "--batch-norm-momentum", "1.5"],
      `error: option '--batch-norm-momentum <m>' argument '1.5' is invalid. expected a number in [0, 1], got "1.5"`,
    ],
    [
      ["--batch-norm", "--batch-norm-eps", "-1"],
      `error: option '--batch-norm-eps <ε>' argument '-1' is invalid. expected a number > 0, got "-1"`,
    ],
    [
      ["--batch-norm", "--keep-prob", "0.8"],
      "stepwise: --batch-norm with --keep-prob 0.8: dropout and batch norm together are not supported; drop one of them",
    ],
    [
      ["--batch-norm", "--mini-batch-size", "16"],
      "stepwise: --batch-norm with --mini-batch-size 16: the 209 training examples leave a last mini-batch of 1, and batch norm needs at least 2 examples per batch; pass another size, e.g. --mini-batch-size 17",
    ],
    [
      ["--batch-norm", "--mini-batch-size", "1"],
      "stepwise: --batch-norm with --mini-batch-size 1: batch norm normalizes over each mini-batch, which needs at least 2 examples; pass --mini-batch-size 2 or more (the course uses 64)",
    ],
    [
      ["--batch-norm", "--layers", "12288,1"],
      "stepwise: --batch-norm puts batch norm after each hidden layer's linear step, but --layers 12288,1 has no hidden layer; add one (e.g. --layers 12288,20,7,5,1) or drop --batch-norm",
    ],
  ])("%j", async (flags, expected) => {
    const out = join(dir, "refused");
    const r = await stepwiseHere(["train", ...flags, "--iterations", "1", "--out", out, "--data", DATA_DIR]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(expected);
    await expect(readFile(join(out, "metrics.json"))).rejects.toThrow();
  });
});
