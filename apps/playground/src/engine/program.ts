import { getOptimizer, splitPluginNames } from "@stepwise/core";
import type { Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { RunConfig } from "./config.js";
import { optimizerNameOf, registry } from "./registry.js";
import { choicesOf, type TrainingData } from "./run.js";

/**
 * A TypeScript program, using only the Stepwise packages, that reproduces a run: the same data, the same
 * network and options through `@stepwise/model`'s `L_layer_model`, printing the course's lines. 2-D data
 * is written into the program as numbers (JSON's shortest round-trip decimals, so exactly the same
 * doubles); the cat data is read with `@stepwise/data`'s `loadCatvnoncat` from a folder given on the
 * command line. `--metrics out.json` also writes every cost and the accuracies.
 */

const rows = (m: Matrix): string =>
  `[\n${Array.from({ length: m.rows }, (_, r) => `    ${JSON.stringify(Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)))}`).join(",\n")},\n  ]`;

/** An identifier for a package's `plugins` import: `@stepwise/activation-leaky-relu` → `activationLeakyRelu`. */
const importName = (pkg: string): string =>
  pkg
    .replace(/^@stepwise\//, "")
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, "");

const optionLines = (config: RunConfig, iterationsKey: string): string =>
  [
    `learning_rate: ${config.learning_rate}`,
    `${iterationsKey}: ${config.iterations}`,
    `init: orThrow(initializerByName(${JSON.stringify(config.init)}))`,
    "spec",
    "cost",
    `optimizer: orThrow(getOptimizer(registry, ${JSON.stringify(optimizerNameOf(config.optimizer, config.optimizerParams))}))`,
    ...(config.mini_batch_size === null ? [] : [`mini_batch_size: ${config.mini_batch_size}`]),
    `lambd: ${config.lambd}`,
    `keep_prob: ${config.keep_prob}`,
    `seed: ${config.seed}`,
    `plan: ${JSON.stringify(config.plan)}`,
    ...(config.shuffle_seed === null ? [] : [`shuffle_seed: ${config.shuffle_seed}`]),
    ...(config.decay === "none"
      ? []
      : [
          config.decay === "update-lr"
            ? "decay: update_lr"
            : `decay: (lr0: number, epoch: number, rate: number) => schedule_lr_decay(lr0, epoch, rate, ${config.time_interval})`,
          `decay_rate: ${config.decay_rate}`,
        ]),
    'onIteration: (i, c) => {\n      if (i % 100 === 0) console.log("Cost after iteration " + i + ":", c);\n    }',
  ]
    .map((line) => `    ${line},`)
    .join("\n");

/** The spec's `hidden`: one activation, or (a comma list in the config) one per hidden layer. */
const hiddenLines = (hidden: string): ReadonlyArray<string> => {
  const names = splitPluginNames(hidden);
  const lookup = (name: string) => `orThrow(getActivation(registry, ${JSON.stringify(name)}))`;
  return names.length === 1
    ? [`  hidden: ${lookup(hidden)},`]
    : ["  hidden: [", ...names.map((n) => `    ${lookup(n)},`), "  ],"];
};

export const programOf = (
  config: RunConfig,
  data: TrainingData | undefined,
  link: string,
): E.Either<{ readonly message: string }, string> => {
  const choices = choicesOf(config);
  const optimizer = getOptimizer(registry, optimizerNameOf(config.optimizer, config.optimizerParams));
  if (E.isLeft(choices)) return choices;
  if (E.isLeft(optimizer)) return optimizer;
  const { spec, cost } = choices.right;
  const packages = [
    ...new Set(
      [...[spec.hidden].flat(), spec.output, cost].flatMap(({ meta: { package: p } }) =>
        p === undefined ? [] : [p],
      ),
    ),
  ].sort();
  const cats = config.data.kind === "catvnoncat";
  if (!cats && data === undefined)
    return E.left({ message: "programOf: the 2-D data is needed to write it into the program" });
  const dataLines = cats
    ? [
        "// The course's two HDF5 files: the folder is the first argument (default: ./datasets/catvnoncat).",
        'const dir = process.argv[2] !== undefined && !process.argv[2].startsWith("--") ? process.argv[2] : "datasets/catvnoncat";',
        "const cats = orThrow(await loadCatvnoncat(dir));",
        "// The playground's backend: WebAssembly SIMD (plain, not fused) on worker threads, when built.",
        "const backend = wasmBackendAvailable() ? await createWasmBackend({ fusedMultiplyAdd: false }) : jsBackend;",
        "// The device follows the data: on that backend, the run and the predictions compute there.",
        "const [train_x, train_y] = [toBackend(cats.train_x, backend), toBackend(cats.train_y, backend)];",
        "const [test_x, test_y] = [toBackend(cats.test_x, backend), toBackend(cats.test_y, backend)];",
      ]
    : [
        `// ${config.data.kind === "toy" ? `${config.data.name}: ${config.data.n} points, noise ${config.data.noise}, seed ${config.data.seed}` : `${config.data.name}, label column ${config.data.label}`} (the playground's data, number for number).`,
        `const train_x = orThrow(fromArray(${rows((data as TrainingData).train_x)}));`,
        `const train_y = orThrow(fromArray(${rows((data as TrainingData).train_y)}));`,
        ...((data as TrainingData).test_x === undefined || (data as TrainingData).test_y === undefined
          ? ["const test_x = undefined;", "const test_y = undefined;"]
          : [
              `const test_x = orThrow(fromArray(${rows((data as TrainingData).test_x as Matrix)}));`,
              `const test_y = orThrow(fromArray(${rows((data as TrainingData).test_y as Matrix)}));`,
            ]),
      ];
  return E.right(
    [
      "/**",
      " * A Stepwise Playground run as a program: the same data, network and options, the same numbers.",
      ` * The run: ${link}`,
      " *",
      " * Run it with Node ≥ 20.19 where the Stepwise packages are installed:",
      ` *   npx tsx stepwise-run.ts${cats ? " path/to/catvnoncat" : ""} [--metrics metrics.json]`,
      " */",
      'import { writeFileSync } from "node:fs";',
      ...packages.map((p) => `import { plugins as ${importName(p)} } from "${p}";`),
      'import { getActivation, getCost, getOptimizer, makeRegistry } from "@stepwise/core";',
      ...(cats ? ['import { loadCatvnoncat } from "@stepwise/data/node";'] : []),
      'import { initializerByName } from "@stepwise/init";',
      'import { L_layer_model, predict } from "@stepwise/model";',
      `import { optimizers${config.decay === "none" ? "" : config.decay === "update-lr" ? ", update_lr" : ", schedule_lr_decay"} } from "@stepwise/optimizer";`,
      ...(cats
        ? [
            'import { createWasmBackend, wasmBackendAvailable } from "@stepwise/backend-wasm";',
            'import { jsBackend, toBackend } from "@stepwise/tensor";',
          ]
        : ['import { fromArray } from "@stepwise/tensor";']),
      'import * as E from "fp-ts/lib/Either.js";',
      "",
      "const orThrow = <A>(result: E.Either<{ readonly message: string }, A>): A => {",
      "  if (E.isLeft(result)) throw new Error(result.left.message);",
      "  return result.right;",
      "};",
      "",
      `const registry = orThrow(makeRegistry({ plugins: [${[...packages.map((p) => `...${importName(p)}`), "...optimizers"].join(", ")}] }));`,
      "const spec = {",
      ...hiddenLines(config.hidden),
      `  output: orThrow(getActivation(registry, ${JSON.stringify(config.output)})),`,
      "};",
      `const cost = orThrow(getCost(registry, ${JSON.stringify(config.cost)}));`,
      "",
      ...dataLines,
      "",
      "const { parameters, costs } = orThrow(",
      `  L_layer_model(train_x, train_y, ${JSON.stringify(config.layers)}, {`,
      optionLines(config, "num_iterations"),
      "  }),",
      ");",
      "const train = orThrow(predict(train_x, train_y, parameters, spec));",
      "const test = test_x === undefined || test_y === undefined ? undefined : orThrow(predict(test_x, test_y, parameters, spec));",
      'console.log("Train accuracy:", train.accuracy);',
      'if (test !== undefined) console.log("Test accuracy:", test.accuracy);',
      'const at = process.argv.indexOf("--metrics");',
      "const out = at >= 0 ? process.argv[at + 1] : undefined;",
      "if (out !== undefined)",
      "  writeFileSync(",
      "    out,",
      "    JSON.stringify({ costs, train_accuracy: train.accuracy, test_accuracy: test?.accuracy ?? null }),",
      "  );",
      "",
    ].join("\n"),
  );
};
