// Scratch: trains the course's L-layer model and renders its report to /tmp/report-check (manual look only).
import { mkdirSync } from "node:fs";
import { loadCatvnoncat } from "@stepwise/data";
import * as E from "fp-ts/Either";
import { L_layer_model, predict } from "../../packages/model/src/index.js";
import { findMislabeled, writeReportFiles } from "./src/report/index.js";

const fail = (m: string): never => { throw new Error(m); };
const data = await loadCatvnoncat("/work/shared/datasets/catvnoncat");
if (E.isLeft(data)) fail(data.left.message);
const d = (data as E.Right<import("@stepwise/data").Dataset>).right;
const t0 = performance.now();
const trained = L_layer_model(d.train_x, d.train_y, [12288, 20, 7, 5, 1], { num_iterations: 2500, print_cost: true, print_every: 500 });
if (E.isLeft(trained)) fail(String(trained.left));
const r = (trained as E.Right<{ parameters: never; costs: ReadonlyArray<number> }>).right;
const seconds = (performance.now() - t0) / 1000;
const tr = predict(d.train_x, d.train_y, r.parameters);
const te = predict(d.test_x, d.test_y, r.parameters);
if (E.isLeft(tr) || E.isLeft(te)) fail("predict");
const trp = (tr as E.Right<{ accuracy?: number }>).right;
const tep = (te as E.Right<{ accuracy?: number; predictions: never; probabilities: never }>).right;
const mis = findMislabeled(d.testImages, d.test_y, tep, d.classes);
if (E.isLeft(mis)) fail(mis.left.message);
mkdirSync("/tmp/report-check", { recursive: true });
const out = await writeReportFiles("/tmp/report-check", {
  title: "L-layer model [12288, 20, 7, 5, 1]",
  config: { model: "L-layer", layers: [12288, 20, 7, 5, 1], init: "deep", hidden: "relu", output: "sigmoid", cost: "binary-cross-entropy", learning_rate: 0.0075, iterations: 2500, optimizer: "gd", mini_batch_size: null, lambd: 0, keep_prob: 1, seed: 1, backend: "reference", plan: "auto" },
  costs: r.costs, trainAccuracy: trp.accuracy ?? Number.NaN, testAccuracy: tep.accuracy ?? Number.NaN, seconds,
  mislabeled: (mis as E.Right<never>).right, testCount: d.testImages.shape[0],
}, { learningRate: 0.0075 });
console.log(JSON.stringify(out), trp.accuracy, tep.accuracy, seconds);
