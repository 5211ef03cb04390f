/**
 * The full coursera-L-layer run (2500 iterations, primal plan) on the wasm backend against numpy's
 * fixture: every cost within 1e-9, the train and test accuracies and the test predictions exactly.
 * Too slow for the unit tests (they train the first 300 iterations); CI runs it with `pnpm parity`.
 *
 *   node --conditions=@stepwise/source --import tsx src/parity.ts [--iters 2500] [--fused]
 *
 * --fused asks for the fused multiply-add build (needs relaxed SIMD: Node ≥ 22, or Node 20 with
 * --experimental-wasm-relaxed-simd).
 */
import { parseArgs } from "node:util";
import { createWasmBackend } from "@stepwise/backend-wasm";
import { loadCatvnoncat } from "@stepwise/data/node";
import { L_layer_model, predict } from "@stepwise/model";
import { toBackend } from "@stepwise/tensor";
import { loadCourseraLLayer } from "@stepwise/testkit";
import * as E from "fp-ts/lib/Either.js";
import { catvnoncatDir } from "./course-run.js";

const { values } = parseArgs({
  options: { iters: { type: "string", default: "2500" }, fused: { type: "boolean", default: false } },
});
const fixture = loadCourseraLLayer();
const iterations = Math.min(Number(values.iters), fixture.costs.length);
const loaded = await loadCatvnoncat(catvnoncatDir());
if (E.isLeft(loaded)) throw new Error(loaded.left.message);
const data = loaded.right;
const wasm = await createWasmBackend(values.fused ? { fusedMultiplyAdd: true } : {});

let failures = 0;
const check = (ok: boolean, what: string): void => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
};

const started = performance.now();
const [train_x, train_y, test_x, test_y] = [data.train_x, data.train_y, data.test_x, data.test_y].map((m) =>
  toBackend(m, wasm),
) as [typeof data.train_x, typeof data.train_y, typeof data.test_x, typeof data.test_y];
const trained = L_layer_model(train_x, train_y, fixture.layers, {
  learning_rate: fixture.learning_rate,
  num_iterations: iterations,
  seed: fixture.seed,
  plan: "primal",
});
const seconds = (performance.now() - started) / 1000;
if (E.isLeft(trained)) throw new Error(trained.left.message);
const { costs, parameters } = trained.right;
const worst = Math.max(...costs.map((c, i) => Math.abs(c - (fixture.costs[i] ?? Number.NaN))));
const build = `${wasm.threads} threads, ${wasm.fusedMultiplyAdd ? "fused multiply-add" : "plain SIMD"}`;
check(
  costs.length === iterations && worst <= 1e-9,
  `wasm (${build}) primal, ${iterations} iterations: every cost within 1e-9 (worst ${worst.toExponential(2)}), ${seconds.toFixed(1)} s`,
);
if (iterations === fixture.costs.length) {
  const [train, test] = [predict(train_x, train_y, parameters), predict(test_x, test_y, parameters)];
  const accuracy = (p: typeof train): number | undefined => (E.isRight(p) ? p.right.accuracy : undefined);
  check(accuracy(train) === fixture.trainAccuracy, `train accuracy ${accuracy(train)}`);
  check(accuracy(test) === fixture.testAccuracy, `test accuracy ${accuracy(test)}`);
  check(
    E.isRight(test) &&
      JSON.stringify(Array.from(test.right.predictions.data)) === JSON.stringify(fixture.testPredictions),
    "test predictions",
  );
}
await wasm.dispose();
console.log(`${failures === 0 ? "parity: all checks passed" : `parity: ${failures} check(s) failed`}`);
process.exitCode = failures === 0 ? 0 : 1;
