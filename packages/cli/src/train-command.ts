import { join } from "node:path";
import {
  type Activation,
  baseNameOf,
  type Cost,
  formatParameterValue,
  formatPluginName,
  getActivation,
  getCost,
  getOptimizer,
  type OptimizerDefinition,
  parsePluginName,
  type Registry,
  resolveParameters,
  splitPluginNames,
} from "@stepwise/core";
import type { BatchNormNetworkSpec, NetworkSpec } from "@stepwise/forward-cache";
import { type Initializer, initializerByName } from "@stepwise/init";
import {
  isTrainingStopped,
  L_layer_model_async,
  type PlanChoice,
  predict,
  type TrainingStopped,
  type TrainResult,
  toModelFile,
} from "@stepwise/model";
import { saveModel } from "@stepwise/model/node";
import { type Backend, isStepwiseException, type StepwiseError, toBackend } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { requestedBackend, startBackend, type WasmStarter } from "./backend-choice.js";
import { type CliFailure, runtimeFailure, usageFailure } from "./cli-error.js";
import { costWatch } from "./cost-watch.js";
import { type CourseTwoFlags, courseTwoConfig, courseTwoOptions } from "./course2-options.js";
import {
  checkLayersFlag,
  chooseLayers,
  loadTrainingData,
  notebookLayers,
  type TrainingData,
} from "./datasets.js";
import { isPluginThrew } from "./plugin-guard.js";
import { makeProgress } from "./progress.js";
import { pythonFloat } from "./python-float.js";
import { pluginName } from "./registry.js";
import {
  type DecisionBoundaryInput,
  decisionGrid,
  findMislabeled,
  writeReportFiles,
} from "./report/index.js";
import {
  abandonRunFolderSync,
  claimRunFolder,
  discardRunFolder,
  METRICS_JSON,
  type RunFolder,
  releaseRunFolder,
  writeJson,
} from "./run-folder.js";
import {
  batchNormOf,
  checkBatchNorm,
  checkHiddenCount,
  checkPairing,
  checkWeightDecay,
  dryRun,
  miniBatchNote,
  type Setup,
  specOf,
  type Written,
} from "./setup-checks.js";
import { outputProblem, weightProblems } from "./weights-check.js";

export interface TrainFlags extends CourseTwoFlags {
  /** A data set's name (catvnoncat, moons, circles, football), a CSV file, or a catvnoncat folder. */
  readonly data?: string;
  /** With a CSV file: the label column. */
  readonly label?: string;
  /** Default: the data set's notebook network. */
  readonly layers?: ReadonlyArray<number>;
  readonly init: string;
  readonly hidden: string;
  readonly output: string;
  readonly cost: string;
  readonly learningRate: number;
  readonly iterations: number;
  readonly seed: number;
  readonly printEvery: number;
  readonly optimizer: string;
  readonly beta?: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  readonly miniBatchSize?: number;
  readonly lambd: number;
  readonly keepProb: number;
  readonly batchNorm?: boolean;
  readonly batchNormEps?: number;
  readonly batchNormMomentum?: number;
  readonly out?: string;
  readonly force: boolean;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly plan: PlanChoice;
  readonly backend?: string;
}

export interface TrainEnvironment {
  readonly registry: Registry;
  readonly write: (line: string) => void;
  readonly isTTY: boolean;
  readonly now: () => Date;
  readonly signal?: AbortSignal;
  /** Where STEPWISE_BACKEND is read (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Notes and warnings (stderr for the CLI); unset: not shown. */
  readonly warn?: (line: string) => void;
  /** The folder the default runs/<timestamp> goes under (default the working directory). */
  readonly cwd?: string;
  /**
   * Registers a synchronous cleanup for a process that exits mid-run (a second Ctrl-C calls
   * process.exit); returns the function that unregisters it.
   */
  readonly atExit?: (cleanup: () => void) => () => void;
  /** How the WebAssembly backend is probed and started (default: @stepwise/backend-wasm's). */
  readonly wasm?: WasmStarter;
}

interface Choices {
  /** One activation for every hidden layer, or one per hidden layer (`--hidden tanh,relu`). */
  readonly hidden: NetworkSpec["hidden"];
  readonly output: Activation;
  readonly cost: Cost;
  readonly optimizer: OptimizerDefinition;
  readonly init: Initializer;
}

const asUsage =
  (flag: string) =>
  <A>(result: E.Either<StepwiseError, A>): E.Either<CliFailure, A> =>
    E.mapLeft((e: StepwiseError) => usageFailure(`${flag}: ${e.message}`))(result);

/**
 * `--optimizer` with `--beta`, `--beta1`, `--beta2` and `--epsilon` folded into its plugin name: the flags
 * are aliases, `--optimizer adam --beta1 0.8` is `--optimizer 'adam(beta1=0.8)'`. A value given both ways
 * must agree.
 */
export const optimizerName = (flags: TrainFlags): E.Either<CliFailure, string> => {
  const written = pluginName(flags.optimizer);
  const parsed = parsePluginName(written);
  if (E.isLeft(parsed)) return E.left(usageFailure(`--optimizer: ${parsed.left.message}`));
  const inName = new Map(parsed.right.parameters);
  const fromFlags = Object.entries(hyperparametersOf(flags));
  const clash = fromFlags.find(([key, value]) => inName.has(key) && inName.get(key) !== value);
  if (clash !== undefined)
    return E.left(
      usageFailure(
        `--${clash[0]} ${clash[1]} and --optimizer ${flags.optimizer} give ${clash[0]} two values; give it once`,
      ),
    );
  return E.right(
    formatPluginName(parsed.right.base, [
      ...parsed.right.parameters,
      ...fromFlags.filter(([key]) => !inName.has(key)),
    ]),
  );
};

/**
 * The optimizer flags said in the user's words before they are folded into the name: a flag the chosen
 * optimizer has no hyper-parameter for, or a value out of its range, names the flag (`--beta 5: …`).
 */
const checkOptimizerFlags = (registry: Registry, flags: TrainFlags): E.Either<CliFailure, void> => {
  const base = baseNameOf(pluginName(flags.optimizer));
  const factory = registry.factories.optimizer.get(base);
  // An unknown optimizer is the registry lookup's to name, with its suggestions.
  if (factory === undefined) return E.right(undefined);
  const known = Object.keys(factory.parameters);
  for (const [key, value] of Object.entries(hyperparametersOf(flags))) {
    const written = `--${key} ${formatParameterValue(value)}`;
    if (!known.includes(key))
      return E.left(
        usageFailure(
          `${written}: unknown hyper-parameter "${key}" for the optimizer ${base}, which takes ${known.length === 0 ? "none" : known.join(", ")}; --beta goes with --optimizer momentum, momentum-pytorch or nesterov, --beta1 and --beta2 with adam, adamw, adamax or nadam, --epsilon with those and rmsprop, adagrad or adadelta ('stepwise plugins' lists each one's hyper-parameters)`,
        ),
      );
    const resolved = resolveParameters(factory, [[key, value]], written);
    if (E.isLeft(resolved)) return E.left(usageFailure(resolved.left.message));
  }
  return E.right(undefined);
};

/** Every name on the command line, looked up before any work starts. */
/**
 * `--hidden`: one activation for every hidden layer, or a comma list with one per hidden layer (core's
 * `splitPluginNames`: commas inside parentheses stay), each name checked by the registry.
 */
const hiddenChoice = (registry: Registry, flag: string): E.Either<CliFailure, NetworkSpec["hidden"]> => {
  const names = splitPluginNames(flag);
  if (names.length === 1) return asUsage("--hidden")(getActivation(registry, pluginName(flag)));
  return E.traverseReadonlyArrayWithIndex((i: number, name: string) =>
    asUsage(`--hidden, entry ${i + 1} of ${names.length} ("${name}")`)(
      getActivation(registry, pluginName(name)),
    ),
  )(names);
};

/** `--hidden` as the run records it: the registry's names, comma-separated when there is one per layer. */
const hiddenName = (hidden: NetworkSpec["hidden"]): string =>
  Array.isArray(hidden) ? hidden.map((a) => a.meta.name).join(",") : (hidden as Activation).meta.name;

const resolveChoices = (registry: Registry, flags: TrainFlags): E.Either<CliFailure, Choices> =>
  pipe(
    E.Do,
    E.bind("hidden", () => hiddenChoice(registry, flags.hidden)),
    E.bind("output", () => asUsage("--output")(getActivation(registry, pluginName(flags.output)))),
    E.bind("cost", () => asUsage("--cost")(getCost(registry, pluginName(flags.cost)))),
    E.bind("optimizer", () =>
      pipe(
        checkOptimizerFlags(registry, flags),
        E.flatMap(() => optimizerName(flags)),
        E.flatMap((name: string) => asUsage("--optimizer")(getOptimizer(registry, name))),
      ),
    ),
    E.bind("init", () => asUsage("--init")(initializerByName(flags.init))),
  );

/** Only the optimizer settings given on the command line; the optimizer fills in its defaults. */
const hyperparametersOf = (flags: TrainFlags): Readonly<Record<string, number>> =>
  Object.fromEntries(
    (["beta", "beta1", "beta2", "epsilon"] as const).flatMap((k) =>
      flags[k] === undefined ? [] : [[k, flags[k]]],
    ),
  );

/** What metrics.json, model.json and the report record about the run's settings. */
const configOf = (
  flags: TrainFlags,
  choices: Choices,
  data: TrainingData,
  layers: ReadonlyArray<number>,
  backendName: string,
  setup: Setup,
) => ({
  layers: layers.join(","),
  init: flags.init,
  hidden: hiddenName(choices.hidden),
  output: choices.output.meta.name,
  cost: choices.cost.meta.name,
  learning_rate: flags.learningRate,
  iterations: flags.iterations,
  seed: flags.seed,
  optimizer: choices.optimizer.meta.name,
  mini_batch_size: flags.miniBatchSize ?? null,
  lambd: flags.lambd,
  keep_prob: flags.keepProb,
  ...(setup.batchNorm === undefined
    ? {}
    : {
        batch_norm: true,
        batch_norm_eps: setup.batchNorm.eps,
        batch_norm_momentum: setup.batchNorm.momentum,
      }),
  ...courseTwoConfig(flags),
  backend: backendName,
  plan: flags.plan,
  data: data.source,
});

/** The setup the checks and the training share. */
const setupOf = (
  flags: TrainFlags,
  choices: Choices,
  layers: ReadonlyArray<number>,
  courseTwo: Setup["courseTwo"],
  batchNorm: Setup["batchNorm"],
): Setup => ({
  layers,
  hidden: choices.hidden,
  output: choices.output,
  cost: choices.cost,
  optimizer: choices.optimizer,
  init: choices.init,
  learningRate: flags.learningRate,
  lambd: flags.lambd,
  keepProb: flags.keepProb,
  miniBatchSize: flags.miniBatchSize,
  seed: flags.seed,
  plan: flags.plan,
  courseTwo,
  ...(batchNorm === undefined ? {} : { batchNorm }),
});

/** Which signal stopped the run (main.ts aborts with its name). */
const stopReason = (signal: AbortSignal | undefined): string =>
  typeof signal?.reason === "string" ? signal.reason : "an abort";

/** When the L2 step alone is at least the weights' size, λ is the cause of a divergence, not α. */
const lambdIsTheCause = (flags: TrainFlags, m: number): boolean =>
  flags.lambd > 0 && (flags.learningRate * flags.lambd) / m >= 1;

const divergenceCause = (flags: TrainFlags, m: number): string =>
  lambdIsTheCause(flags, m)
    ? `--lambd ${flags.lambd} is too large: the L2 term adds (λ/m)·W = ${(flags.lambd / m).toPrecision(3)}·W to every gradient, which swamps the data's and overflows; the course uses 0.7 (with --learning-rate ${flags.learningRate}, gradient descent needs α·λ/m < 2, i.e. --lambd below ${((2 * m) / flags.learningRate).toPrecision(3)})`
    : `--learning-rate ${flags.learningRate} is too large: try a smaller one (the course uses 0.0075), e.g. 10× smaller until the cost falls`;

/**
 * Checks everything that can be checked, then claims the run folder (created atomically, locked, with a
 * metrics.json saying "running") and trains into it on `backend`: the data moves there once, at the
 * start, and the trained parameters live there.
 */
const trainOn = async (
  backend: Backend,
  flags: TrainFlags,
  env: TrainEnvironment,
): Promise<E.Either<CliFailure, void>> => {
  const human = !flags.json && !flags.quiet;
  const say = (line: string): void => {
    if (human) env.write(line);
  };
  const warn = (line: string): void => {
    if (!flags.quiet) env.warn?.(line);
  };
  const choices = resolveChoices(env.registry, flags);
  if (E.isLeft(choices)) return choices;
  const batchNorm = batchNormOf(flags.batchNorm === true, flags.batchNormEps, flags.batchNormMomentum);
  if (E.isLeft(batchNorm)) return batchNorm;
  const courseTwo = courseTwoOptions(flags);
  if (E.isLeft(courseTwo)) return courseTwo;
  const written: Written = { output: flags.output, cost: flags.cost };
  // The pairing first, before any data is read (with the notebook's output size when it is known).
  const expected = flags.layers ?? notebookLayers(flags.data) ?? [];
  const paired = checkPairing(
    setupOf(flags, choices.right, expected, courseTwo.right, batchNorm.right),
    written,
  );
  if (E.isLeft(paired)) return paired;
  const loaded = await loadTrainingData(flags, say);
  if (E.isLeft(loaded)) return loaded;
  const layers = pipe(
    chooseLayers(flags.layers, loaded.right),
    E.tap((chosen) => checkLayersFlag(chosen, loaded.right)),
  );
  if (E.isLeft(layers)) return layers;
  const setup = setupOf(flags, choices.right, layers.right, courseTwo.right, batchNorm.right);
  const { test } = loaded.right;
  const data: TrainingData = {
    ...loaded.right,
    train_X: toBackend(loaded.right.train_X, backend),
    train_Y: toBackend(loaded.right.train_Y, backend),
    ...(test === undefined ? {} : { test: [toBackend(test[0], backend), toBackend(test[1], backend)] }),
  };
  const m = data.train_X.cols;
  const checked = pipe(
    checkPairing(setup, written),
    E.flatMap(() => checkWeightDecay(setup, m)),
    E.flatMap(() => checkHiddenCount(setup, flags.layers === undefined ? "the data's layers" : "--layers")),
    E.flatMap(() => checkBatchNorm(setup, m)),
    E.flatMap(() => dryRun(data.train_X, data.train_Y, setup, written)),
  );
  if (E.isLeft(checked)) return checked;
  if (env.signal?.aborted === true)
    return E.left(
      runtimeFailure(`stopped by ${stopReason(env.signal)} before training started; nothing was written`),
    );
  const config = configOf(flags, choices.right, data, layers.right, backend.name, setup);
  const folder = await claimRunFolder({
    out: flags.out,
    force: flags.force,
    base: env.cwd ?? process.cwd(),
    now: env.now(),
    running: { costs: [], config },
  });
  if (E.isLeft(folder)) return folder;
  if (folder.right.note !== undefined) say(folder.right.note);
  const note = miniBatchNote(flags.miniBatchSize, m);
  if (note !== undefined) warn(note);
  const costs: number[] = [];
  const unregister =
    env.atExit?.(() =>
      abandonRunFolderSync(folder.right, {
        status: "aborted",
        message: `the process exited at once (a second ${stopReason(env.signal)}) after ${costs.length} iterations, before the run's files were written`,
        costs,
        config,
      }),
    ) ?? (() => undefined);
  try {
    return await trainInto(folder.right, costs, { flags, env, setup, data, config, warn, say });
  } catch (e) {
    // A plugin that throws mid-run, a library check that meets numbers gone infinite, or a bug: the
    // folder records it; the first two are said in words, the last is reported as a bug.
    const diverged = isStepwiseException(e) && /NaN|Infinity|not finite/.test(e.message);
    const message = diverged
      ? `training stopped at iteration ${costs.length}: the numbers overflowed (${e.message}). ${divergenceCause(flags, m)}.`
      : e instanceof Error
        ? e.message
        : String(e);
    await recordFailure(folder.right, costs, { status: diverged ? "diverged" : "failed", message, config });
    if (diverged || isPluginThrew(e)) return E.left(runtimeFailure(message));
    throw e;
  } finally {
    unregister();
    await releaseRunFolder(folder.right);
  }
};

interface RunContext {
  readonly flags: TrainFlags;
  readonly env: TrainEnvironment;
  readonly setup: Setup;
  readonly data: TrainingData;
  readonly config: ReturnType<typeof configOf>;
  readonly warn: (line: string) => void;
  readonly say: (line: string) => void;
}

/**
 * A run that ends without a model: metrics.json records why (with the costs so far); a run that recorded
 * no iteration leaves nothing behind.
 */
const recordFailure = async (
  folder: RunFolder,
  costs: ReadonlyArray<number>,
  metrics: Readonly<Record<string, unknown>>,
): Promise<void> => {
  if (costs.length === 0) await discardRunFolder(folder);
  else await writeJson(join(folder.dir, METRICS_JSON), { ...metrics, costs: jsonCosts(costs) });
};

const trainInto = async (
  folder: RunFolder,
  costs: number[],
  context: RunContext,
): Promise<E.Either<CliFailure, void>> => {
  const { flags, env, setup, data, config, warn } = context;
  const human = !flags.json && !flags.quiet;
  const progress = makeProgress({
    total: flags.iterations,
    printEvery: flags.printEvery,
    mode: human ? (env.isTTY ? "bar" : "lines") : "none",
    write: env.write,
    unit: flags.miniBatchSize === undefined ? "iteration" : "epoch",
    rates: flags.decay !== undefined,
  });
  const watch = costWatch((why) =>
    warn(
      `warning: ${why}: --learning-rate ${flags.learningRate} is probably too large; try a smaller one (the course uses 0.0075)`,
    ),
  );
  const started = performance.now();
  let trained: Awaited<ReturnType<typeof L_layer_model_async>>;
  try {
    trained = await L_layer_model_async(data.train_X, data.train_Y, setup.layers, {
      learning_rate: flags.learningRate,
      num_iterations: flags.iterations,
      init: setup.init,
      spec: specOf(setup),
      cost: setup.cost,
      optimizer: setup.optimizer,
      ...(flags.miniBatchSize === undefined ? {} : { mini_batch_size: flags.miniBatchSize }),
      lambd: flags.lambd,
      keep_prob: flags.keepProb,
      seed: flags.seed,
      plan: flags.plan,
      onIteration: (i, cost, _parameters, rate) => {
        costs.push(cost);
        progress.iteration(i, cost, rate);
        // A run that trains on past an infinite cost (--keep-going-on-nonfinite) is watched once it is finite.
        if (Number.isFinite(cost)) watch(i, cost);
      },
      ...(env.signal === undefined ? {} : { signal: env.signal }),
      ...setup.courseTwo,
    });
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  if (E.isRight(trained)) return finish(trained.right, folder, context, seconds);
  const error = trained.left;
  if (!isTrainingStopped(error)) {
    await recordFailure(folder, costs, { status: "failed", message: error.message, config });
    return E.left(usageFailure(error.message));
  }
  return error._tag === "Aborted"
    ? stopped(error, folder, context, seconds)
    : diverged(error, folder, context, seconds);
};

const diverged = async (
  error: TrainingStopped,
  folder: RunFolder,
  { flags, data, config }: RunContext,
  seconds: number,
): Promise<E.Either<CliFailure, void>> => {
  const m = data.train_X.cols;
  // The library's message blames the learning rate; when the L2 term is the cause, say that instead.
  const message = lambdIsTheCause(flags, m)
    ? `the numbers stopped being finite by iteration ${error.partial.costs.length}; training stopped. ${divergenceCause(flags, m)}.`
    : error.message;
  await writeJson(join(folder.dir, METRICS_JSON), {
    status: "diverged",
    message,
    costs: jsonCosts(error.partial.costs),
    seconds,
    config,
  });
  return E.left(runtimeFailure(`${message}\nThe costs so far are in ${join(folder.dir, METRICS_JSON)}.`));
};

/** For 2-D data with one output unit: the model's output over the plane, for the decision-boundary picture. */
const decisionBoundaryOf = (
  result: TrainResult,
  data: TrainingData,
  spec: NetworkSpec | BatchNormNetworkSpec,
  subtitle: string,
): DecisionBoundaryInput | undefined => {
  if (data.train_X.rows !== 2 || data.train_Y.rows !== 1) return undefined;
  const grid = decisionGrid(data.train_X, (points) => {
    // The grid's points are made on the js backend; the parameters live on the run's.
    const out = predict(
      toBackend(points, data.train_X.backend),
      undefined,
      result.parameters,
      spec,
      result.running,
    );
    if (E.isLeft(out)) throw new Error(out.left.message);
    return out.right.probabilities;
  });
  return {
    grid,
    X: data.train_X,
    Y: data.train_Y,
    options: { title: `Decision boundary on ${data.name}`, subtitle },
  };
};

/** Costs for JSON, which has no infinity: non-finite ones as the strings "inf", "-inf", "nan", as the fixtures write them. */
const jsonCosts = (costs: ReadonlyArray<number>): ReadonlyArray<number | string> =>
  costs.map((c) => (Number.isFinite(c) ? c : Number.isNaN(c) ? "nan" : c > 0 ? "inf" : "-inf"));

/**
 * The model file's record of a run: its settings, the class names, (with batch norm) the running
 * statistics, and (for a stopped run) how far it got.
 */
const modelFileOf = (
  { parameters, running }: TrainResult,
  { setup, data, config }: RunContext,
  partial?: { readonly iterations_done: number },
) =>
  toModelFile(
    parameters,
    specOf(setup),
    setup.cost,
    {
      ...config,
      classes: data.classes.join(","),
      ...(partial === undefined ? {} : { partial: true, iterations_done: partial.iterations_done }),
    },
    running,
  );

/** What keeps trained weights out of a model file: non-finite or overflowing weights or outputs. */
const unusable = (
  { parameters, running }: TrainResult,
  { setup, data }: RunContext,
): ReadonlyArray<string> => {
  const problems = weightProblems({ ...parameters, ...running });
  if (problems.length > 0) return problems;
  const forward = predict(data.train_X, undefined, parameters, specOf(setup), running);
  if (E.isLeft(forward)) return [forward.left.message];
  const output = outputProblem(forward.right.probabilities);
  return output === undefined ? [] : [`${output} on the training set`];
};

/** A clean stop (a signal): the costs so far, and the weights so far as a model marked partial. */
const stopped = async (
  error: TrainingStopped,
  folder: RunFolder,
  context: RunContext,
  seconds: number,
): Promise<E.Either<CliFailure, void>> => {
  const { env, config } = context;
  const done = error.partial.costs.length;
  const reason = stopReason(env.signal);
  const head = `training stopped by ${reason}: aborted after ${done} iterations`;
  if (done === 0) {
    await discardRunFolder(folder);
    return E.left(runtimeFailure(`${head}; nothing was written`));
  }
  const problems = unusable(error.partial, context);
  const model = join(folder.dir, "model.json");
  const saved =
    problems.length === 0
      ? await saveModel(model, modelFileOf(error.partial, context, { iterations_done: done }))
      : E.left({ message: `the weights so far cannot be used (${problems.join("; ")})` });
  await writeJson(join(folder.dir, METRICS_JSON), {
    status: "aborted",
    message: head,
    partial_model: E.isRight(saved) ? "model.json" : null,
    costs: jsonCosts(error.partial.costs),
    seconds,
    config,
  });
  return E.left(
    runtimeFailure(
      `${head}. ${E.isRight(saved) ? `The weights so far are in ${model} (marked partial)` : `No model was saved: ${saved.left.message}`}; the costs so far are in ${join(folder.dir, METRICS_JSON)}.`,
    ),
  );
};

/**
 * A finished run: refuses unusable weights, then writes the model and the report, and metrics.json
 * last — its "finished" status is what says the folder is complete.
 */
const finish = async (
  result: TrainResult,
  folder: RunFolder,
  context: RunContext,
  seconds: number,
): Promise<E.Either<CliFailure, void>> => {
  const { flags, env, setup, data, config } = context;
  const runDir = folder.dir;
  const metricsPath = join(runDir, METRICS_JSON);
  const problems = unusable(result, context);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more like it)` : "";
    // With --keep-going-on-nonfinite the run trained on past non-finite costs; its weights are still refused.
    const keptGoing =
      flags.keepGoingOnNonfinite === true
        ? " (--keep-going-on-nonfinite trained on past non-finite costs, but non-finite weights are never saved)"
        : "";
    const message = `training ended with weights that cannot be used, so no model is saved${keptGoing}: ${problems[0]}${more}. ${divergenceCause(flags, data.train_X.cols)}.`;
    await writeJson(metricsPath, {
      status: "diverged",
      message,
      costs: jsonCosts(result.costs),
      seconds,
      config,
    });
    return E.left(runtimeFailure(`${message}\nThe costs are in ${metricsPath}.`));
  }
  const spec = specOf(setup);
  const train = predict(data.train_X, data.train_Y, result.parameters, spec, result.running);
  const test =
    data.test === undefined
      ? undefined
      : predict(data.test[0], data.test[1], result.parameters, spec, result.running);
  const mislabeled =
    data.catvnoncat === undefined || test === undefined || E.isLeft(test)
      ? E.right(undefined)
      : findMislabeled(data.catvnoncat.testImages, data.catvnoncat.test_y, test.right, data.classes);
  if (E.isLeft(train) || (test !== undefined && E.isLeft(test)) || E.isLeft(mislabeled)) {
    const error = E.isLeft(train)
      ? train.left
      : test !== undefined && E.isLeft(test)
        ? test.left
        : (mislabeled as E.Left<StepwiseError>).left;
    await recordFailure(folder, result.costs, { status: "failed", message: error.message, seconds, config });
    return E.left(runtimeFailure(error));
  }
  const train_accuracy = train.right.accuracy ?? Number.NaN;
  const test_accuracy = test === undefined ? Number.NaN : (test.right.accuracy ?? Number.NaN);
  const metrics = {
    status: "finished",
    plan: result.plan,
    costs: jsonCosts(result.costs),
    ...(result.learning_rates === undefined ? {} : { learning_rates: result.learning_rates }),
    final_cost: result.costs[result.costs.length - 1] ?? null,
    train_accuracy,
    test_accuracy: test === undefined ? null : test_accuracy,
    ...(test === undefined ? {} : { test_predictions: Array.from(test.right.predictions.data) }),
    seconds,
    config,
  };
  const percent = (x: number): string => `${Number((100 * x).toFixed(2))}%`;
  const accuracyText = `train accuracy ${percent(train_accuracy)}${test === undefined ? "" : `, test ${percent(test_accuracy)}`}`;
  const writes = await Promise.all([
    saveModel(join(runDir, "model.json"), modelFileOf(result, context)),
    writeReportFiles(
      runDir,
      {
        title: `Stepwise: ${config.layers} on ${data.name}`,
        config,
        costs: result.costs,
        trainAccuracy: train_accuracy,
        testAccuracy: test_accuracy,
        seconds,
        ...(mislabeled.right === undefined ? {} : { mislabeled: mislabeled.right }),
        ...(data.test === undefined ? {} : { testCount: data.test[1].cols }),
      },
      { learningRate: flags.learningRate, unit: flags.miniBatchSize === undefined ? "iteration" : "epoch" },
      // The optimizer's base name only: the picture is sized by Vega's estimate of the subtitle's width,
      // and every hyper-parameter is in report.html beside it.
      decisionBoundaryOf(
        result,
        data,
        spec,
        `${config.layers} · ${baseNameOf(config.optimizer)} · ${accuracyText}`,
      ),
    ),
  ]);
  const failed = writes.find(E.isLeft);
  const written = failed !== undefined && E.isLeft(failed) ? failed : await writeJson(metricsPath, metrics);
  if (E.isLeft(written)) {
    await recordFailure(folder, result.costs, {
      status: "failed",
      message: written.left.message,
      seconds,
      config,
    });
    return E.left(runtimeFailure(written.left));
  }
  if (flags.json) env.write(JSON.stringify({ ...metrics, run_dir: runDir }));
  else if (!flags.quiet) {
    env.write(`Train accuracy: ${pythonFloat(train_accuracy)}`);
    if (test !== undefined) env.write(`Test accuracy: ${pythonFloat(test_accuracy)}`);
    env.write(`Trained in ${seconds.toFixed(1)} s. Model, metrics and report: ${runDir}`);
  }
  return E.right(undefined);
};

/**
 * `stepwise train`: the course's L-layer run by default, and every variation the flags allow. Runs on the
 * backend `--backend` / `$STEPWISE_BACKEND` asks for (default: the fastest available).
 */
export const trainCommand = async (
  flags: TrainFlags,
  env: TrainEnvironment,
): Promise<E.Either<CliFailure, void>> => {
  const requested = requestedBackend(flags.backend, env.env ?? process.env);
  if (E.isLeft(requested)) return requested;
  const started = await startBackend(requested.right, env.wasm, flags.layers ?? notebookLayers(flags.data));
  if (E.isLeft(started)) return started;
  if (started.right.notice !== undefined && !flags.quiet) env.warn?.(started.right.notice);
  try {
    return await trainOn(started.right.backend, flags, env);
  } finally {
    started.right.dispose();
  }
};
