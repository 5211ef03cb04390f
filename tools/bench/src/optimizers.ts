/**
 * The update step of every optimizer on the course's cat model, on the js and wasm backends:
 *
 *   node --conditions=@stepwise/source --import tsx src/optimizers.ts [--reps 30] [--write]
 *   (from the root: pnpm bench:optimizers [-- --reps 30 --write])
 *
 * The parameters are the course's [12288, 20, 7, 5, 1] network (seed 1's initialize_parameters_deep,
 * 246 k numbers, 98% of them W1), the gradient one L_model_backward on the 209 training examples. Each
 * optimizer is stepped as L_layer_model steps it, inside a recycler's step on its backend; the median of
 * `--reps` updates is reported after a few warm-up steps, the optimizers interleaved rep by rep so that a
 * busy moment of this shared machine hits them all alike. Only the update is timed: the forward and
 * backward passes around it are the same for every optimizer. With --write, the table replaces the
 * "Optimizers" section of BENCHMARKS.md. Nothing here asserts on time.
 */

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createWasmBackend } from "@stepwise/backend-wasm";
import { L_model_backward } from "@stepwise/backward";
import { type Grads, getOptimizer, makeRegistry, type Optimizer, type OptimizerState } from "@stepwise/core";
import { L_model_forward } from "@stepwise/forward-cache";
import { initialize_parameters_deep } from "@stepwise/init";
import { createOptimizer, optimizers } from "@stepwise/optimizer";
import { seed } from "@stepwise/random";
import { type Backend, createRecycler, dictionaryToBackend, jsBackend, orThrow } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { COURSE_LAYERS, loadCat } from "./course-run.js";
import { describeMachine, load } from "./machine.js";

const { values } = parseArgs({
  // pnpm passes the `--` of `pnpm bench:optimizers -- --reps 30` through: skip it.
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { reps: { type: "string", default: "30" }, write: { type: "boolean", default: false } },
});
const reps = Number(values.reps);
const WARMUP = 5;

/** Every optimizer of @stepwise/optimizer at its defaults, and the variants that add slots. */
const NAMES = [
  "gd",
  "momentum",
  "momentum_pytorch",
  "nesterov",
  "adam",
  "adam(amsgrad=1)",
  "adamw",
  "adamax",
  "nadam",
  "rmsprop",
  "rmsprop(momentum=0.9, centered=1)",
  "adagrad",
  "adadelta",
] as const;

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const data = await loadCat();
const [parameters] = orThrow(E.flatMap(seed(1), (rng) => initialize_parameters_deep(COURSE_LAYERS, rng)));
const [AL, caches] = orThrow(L_model_forward(data.train_x, parameters));
const grads: Grads = orThrow(L_model_backward(AL, data.train_y, caches));
const registry = orThrow(makeRegistry({ optimizers }));

interface Runner {
  readonly name: string;
  readonly step: (t: number) => number;
}

/** One optimizer on one backend: its state lives in a recycler's view, as in L_layer_model's fold. */
const runner = (name: string, backend: Backend): Runner => {
  const recycler = createRecycler(backend);
  const g = dictionaryToBackend(grads, recycler.backend) as Grads;
  const optimizer: Optimizer = orThrow(createOptimizer(orThrow(getOptimizer(registry, name)), 0.0075));
  let state: OptimizerState = optimizer.init(dictionaryToBackend(parameters, recycler.backend));
  return {
    name: optimizer.meta.name,
    step: (t) => {
      const started = performance.now();
      state = recycler.step(
        () => optimizer.update(t, g, state),
        (s) => s,
      );
      return performance.now() - started;
    },
  };
};

const wasm = await createWasmBackend();
const backends: ReadonlyArray<readonly [string, Backend]> = [
  ["js", jsBackend],
  [`wasm (${wasm.threads} threads)`, wasm],
];
const loadBefore = load();
const results = backends.map(([label, backend]) => {
  const runners = NAMES.map((name) => runner(name, backend));
  const times = runners.map((): number[] => []);
  for (let t = 1; t <= WARMUP + reps; t++)
    runners.forEach((r, i) => {
      const ms = r.step(t);
      if (t > WARMUP) times[i]?.push(ms);
    });
  return { label, medians: runners.map((r, i) => [r.name, median(times[i] ?? [])] as const) };
});
const loadAfter = load();
await wasm.dispose();

const slotsOf = (name: string): number =>
  Object.keys(orThrow(createOptimizer(orThrow(getOptimizer(registry, name)), 0.0075)).init(parameters).slots)
    .length;
const gdOf = (medians: ReadonlyArray<readonly [string, number]>): number => medians[0]?.[1] ?? Number.NaN;
const table = [
  `| optimizer | slots | ${results.map((r) => `${r.label} ms | × gd`).join(" | ")} |`,
  `| --- | ---: | ${results.map(() => "---: | ---:").join(" | ")} |`,
  ...NAMES.map(
    (name, i) =>
      `| \`${results[0]?.medians[i]?.[0]}\` | ${slotsOf(name)} | ${results
        .map((r) => {
          const ms = r.medians[i]?.[1] ?? Number.NaN;
          return `${ms.toFixed(2)} | ${(ms / gdOf(r.medians)).toFixed(1)}`;
        })
        .join(" | ")} |`,
  ),
].join("\n");
console.log(
  `${table}\n\nmedian of ${reps} updates after ${WARMUP} warm-up; load average ${loadBefore} before, ${loadAfter} after`,
);

if (values.write) {
  const path = new URL("../../../BENCHMARKS.md", import.meta.url);
  const section = `## Optimizers: one update on the cat model

\`pnpm bench:optimizers -- --reps ${reps} --write\` (tools/bench/src/optimizers.ts), on ${new Date().toISOString().slice(0, 10)}: ${describeMachine()};
load average ${loadBefore} before, ${loadAfter} after. One \`update(step, grads, state)\` of each optimizer
on the course's [12288, 20, 7, 5, 1] parameters (246 k numbers, 98% in W1) with a real gradient, inside a
recycler's step as \`L_layer_model\` runs it; the median of ${reps} updates after ${WARMUP} warm-up ones, the
optimizers interleaved. "slots" is how many parameter-sized matrices the state carries; "× gd" is the
time over gradient descent's. Only the update is timed: a training iteration adds the same forward and
backward passes for every optimizer: a whole primal iteration (the first table's seconds / 300, gd's
update included) takes about 7 ms on wasm and 67 ms on js, so the dearest update here adds about a third
on either backend, and none matters beside the dual plan's savings, which only gd, momentum and nesterov
can use (\`linearInGradient\`). Every optimizer is elementwise: its time follows the passes its formula
makes over the 246 k numbers; the adaptive ones (a √ and a ÷ per element, a slot or two more) cost most.

${table}
`;
  const previous = existsSync(path) ? readFileSync(path, "utf8") : "";
  const existing = /\n## Optimizers: one update on the cat model[\s\S]*?(?=\n## |$)/;
  const next = existing.test(previous)
    ? previous.replace(existing, `\n${section}`)
    : previous.replace(/\n## Kernels: /, `\n${section}\n## Kernels: `);
  writeFileSync(path, next);
  execFileSync(new URL("../../../node_modules/.bin/biome", import.meta.url).pathname, [
    "format",
    "--write",
    path.pathname,
  ]);
  console.log(`wrote ${path.pathname}`);
}
