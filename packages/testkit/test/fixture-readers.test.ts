import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { shape, zeros } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import {
  assertClose,
  FIXTURES_DIR_ENV,
  loadCourseraInit,
  loadCourseraLLayer,
  loadCourseraTwoLayer,
  loadNumpyRngCases,
  loadSeedExamples,
  loadTorchGradientCases,
} from "../src/index.js";

describe("loadTorchGradientCases", () => {
  const cases = loadTorchGradientCases();

  it("reads every case with matrices in the course's layout", () => {
    expect(cases.map((c) => c.name)).toEqual([
      "relu-sigmoid-bce",
      "tanh-sigmoid-bce",
      "leaky-sigmoid-bce",
      "sigmoid-identity-mse",
      "relu-softmax-ce",
      "relu-sigmoid-bce-l2",
    ]);
    const [first] = cases;
    expect(first).toMatchObject({
      layers: [5, 4, 3, 1],
      hiddenActivation: "relu",
      outputActivation: "sigmoid",
      cost: "bce",
      lambd: 0,
    });
    expect(shape(first?.X ?? zeros(0, 0))).toEqual([5, 4]);
    expect(first?.J).toBeCloseTo(0.9026213581109752, 15);
  });

  it("gives every layer W, b, dW and db of matching shapes", () => {
    for (const c of cases)
      for (let l = 1; l < c.layers.length; l++) {
        const shapeOf = (key: string) => {
          const found = key.startsWith("d")
            ? c.grads[key as `dW${number}`]
            : c.parameters[key as `W${number}`];
          return found === undefined ? undefined : shape(found);
        };
        expect(shapeOf(`W${l}`)).toEqual([c.layers[l], c.layers[l - 1]]);
        expect(shapeOf(`b${l}`)).toEqual([c.layers[l], 1]);
        expect(shapeOf(`dW${l}`)).toEqual(shapeOf(`W${l}`));
        expect(shapeOf(`db${l}`)).toEqual(shapeOf(`b${l}`));
      }
  });

  it("matches J recomputed from AL and Y for the bce case (a sanity check of the reader, not the network)", () => {
    const c = cases[0];
    if (c === undefined) throw new Error("no cases");
    let total = 0;
    for (let j = 0; j < c.AL.cols; j++) {
      const a = c.AL.data[j] as number;
      const y = c.Y.data[j] as number;
      total -= y * Math.log(a) + (1 - y) * Math.log(1 - a);
    }
    assertClose(total / c.AL.cols, c.J, { rtol: 1e-12 });
  });

  it("reports a malformed file with the path to the bad value", () => {
    const dir = mkdtempSync(join(tmpdir(), "stepwise-testkit-"));
    writeFileSync(
      join(dir, "torch-gradients.json"),
      JSON.stringify({ cases: [{ name: "x", layers: [1], X: [[1, 2], [3]] }] }),
    );
    expect(() => loadTorchGradientCases({ env: { [FIXTURES_DIR_ENV]: dir } })).toThrow(
      /torch-gradients\.json\.cases\[0\]\.hidden_activation: expected a string, got undefined/,
    );
  });
});

describe("the course's training runs", () => {
  it("reads the 4-layer run", () => {
    const run = loadCourseraLLayer();
    expect(run).toMatchObject({
      layers: [12288, 20, 7, 5, 1],
      init: "deep",
      seed: 1,
      learning_rate: 0.0075,
      iterations: 2500,
    });
    expect(run.costs).toHaveLength(run.iterations);
    expect(run.costs[0]).toBeCloseTo(0.7717493284237686, 15);
    expect(run.trainAccuracy).toBeCloseTo(0.9856459330143541, 15);
    expect(run.testAccuracy).toBe(0.8);
    expect(run.testPredictions).toHaveLength(50);
  });

  it("reads the 2-layer run", () => {
    const run = loadCourseraTwoLayer();
    expect(run).toMatchObject({ layers: [12288, 7, 1], init: "two", trainAccuracy: 1, testAccuracy: 0.72 });
    expect(run.costs[0]).toBeCloseTo(0.693049735659989, 15);
  });
});

describe("loadCourseraInit", () => {
  it("reads the summaries by run and parameter key", () => {
    const { inits, about } = loadCourseraInit();
    expect(about).toMatch(/seed\(1\)/);
    expect(inits["deep_seed1_12288_20_7_5_1"]?.["W1"]).toMatchObject({
      shape: [20, 12288],
      sum: 7.373509610089014,
    });
    expect(inits["two_seed1_12288_7_1"]?.["W1"]?.first[0]).toBe(0.01624345363663242);
    expect(inits["two_seed1_12288_7_1"]?.["b2"]).toMatchObject({ shape: [1, 1], sum: 0 });
  });
});

describe("loadNumpyRngCases", () => {
  it("reads each seed's calls, flattening 2-D draws in row-major order", () => {
    const cases = loadNumpyRngCases();
    const zero = cases[0];
    expect(zero?.seed).toBe(0);
    expect(zero?.calls.map((c) => c.call)).toEqual(["randn", "rand", "randn", "permutation", "rand"]);
    expect(zero?.calls[0]?.values[0]).toBe(1.764052345967664);
    expect(zero?.calls[1]).toMatchObject({ call: "rand", shape: [2, 3] });
    expect(zero?.calls[1]?.values).toHaveLength(6);
    expect(zero?.calls[1]?.values[3]).toBe(0.5288949197529045);
    expect(zero?.calls[3]).toMatchObject({ call: "permutation", n: 13 });
    expect(zero?.freshRand5[0]).toBe(0.5488135039273248);
    expect(shape(zero?.freshRandn3x4TimesSqrtHalf ?? zeros(0, 0))).toEqual([3, 4]);
  });
});

describe("loadSeedExamples", () => {
  it("reads the worked examples with camelCase section names and matrices", () => {
    const s = loadSeedExamples();
    expect(s.apple).toMatchObject({
      price: 220.00000000000003,
      dapple: 2.2,
      dappleNum: 110.00000000000001,
      dtax: 200,
    });
    expect(s.apple).not.toHaveProperty("dapple_num");
    expect(s.appleOrange).toMatchObject({ price: 715.0000000000001, dorangeNum: 165, dtax: 650 });
    expect(s.affineBatchBias.dB).toEqual([5, 7, 9]);
    assertClose(
      s.affineBatchBias.XW_plus_B,
      [
        [1, 2, 3],
        [11, 12, 13],
      ],
      { rtol: 0, atol: 0 },
    );
    expect(s.softmaxWithLossBackward.dxBatch1).toEqual([0.3, -0.8, 0.5]);
    expect(s.reluMask.mask).toEqual([
      [false, true],
      [true, false],
    ]);
    const net = s.twoLayerReluExample;
    expect(shape(net.W1)).toEqual([3, 2]);
    expect(net.lr).toBe(0.1);
    expect(net.first.loss).toBe(0.04500000000000008);
    assertClose(net.first.yPred, 0.6999999999999997, { rtol: 0, atol: 0 });
    assertClose(net.afterOneUpdate.W2, [[2.024], [-0.958]], { rtol: 1e-15 });
    expect(net.tenSteps).toHaveLength(10);
    expect(net.tenSteps[1]).toEqual({ yPred: 1.0978474000000005, loss: 0.004787056843380046 });
    expect(net.printedInSeed).toEqual({
      loss: 0.04500000000000008,
      secondLoss: 0.004787056843380046,
      secondYPred: 1.0978474,
    });
  });
});
