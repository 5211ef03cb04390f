import { join } from "node:path";
import {
  type Activation,
  type Cost,
  getActivation,
  getCost,
  getOptimizer,
  type OptimizerDefinition,
  type Registry,
} from "@stepwise/core";
import { type Initializer, initializerByName } from "@stepwise/init";
import {
  isTrainingStopped,
  L_layer_model_async,
  type PlanChoice,
  predict,
  saveModel,
  type TrainResult,
  toModelFile,
} from "@stepwise/model";
import { getBackend, type StepwiseError, setBackend } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { requestedBackend, startBackend } from "./backend-choice.js";
import { type CliFailure, runtimeFailure, usageFailure } from "./cli-error.js";
import { type CourseTwoFlags, courseTwoConfig, courseTwoOptions } from "./course2-options.js";
import { layersFor, loadTrainingData, notebookLayers, type TrainingData } from "./datasets.js";
import { makeProgress } from "./progress.js";
import { pythonFloat } from "./python-float.js";
import { pluginName } from "./registry.js";
import {
  type DecisionBoundaryInput,
  decisionGrid,
  findMislabeled,
  writeReportFiles,
} from "./report/index.js";
import { defaultRunDir, prepareRunDir, writeJson } from "./run-folder.js";

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
  readonly lambd: number;
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
}

interface Choices {
  readonly hidden: Activation;
  readonly output: Activation;
  readonly cost: Cost;
  readonly optimizer: OptimizerDefinition;
  readonly init: Initializer;
}

const asUsage =
  (flag: string) =>
  <A>(result: E.Either<StepwiseError, A>): E.Either<CliFailure, A> =>
    E.mapLeft((e: StepwiseError) => usageFailure(`${flag}: ${e.message}`))(result);

/** Every name on the command line, looked up before any work starts. */
const resolveChoices = (registry: Registry, flags: TrainFlags): E.Either<CliFailure, Choices> =>
  pipe(
    E.Do,
    E.bind("hidden", () => asUsage("--hidden")(getActivation(registry, pluginName(flags.hidden)))),
    E.bind("output", () => asUsage("--output")(getActivation(registry, pluginName(flags.output)))),
    E.bind("cost", () => asUsage("--cost")(getCost(registry, pluginName(flags.cost)))),
    E.bind("optimizer", () => asUsage("--optimizer")(getOptimizer(registry, pluginName(flags.optimizer)))),
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
) => ({
  layers: layers.join(","),
  init: flags.init,
  hidden: choices.hidden.meta.name,
  output: choices.output.meta.name,
  cost: choices.cost.meta.name,
  learning_rate: flags.learningRate,
  iterations: flags.iterations,
  seed: flags.seed,
  optimizer: choices.optimizer.meta.name,
  ...hyperparametersOf(flags),
  mini_batch_size: flags.miniBatchSize ?? null,
  lambd: flags.lambd,
  keep_prob: flags.keepProb,
  ...courseTwoConfig(flags),
  backend: backendName,
  plan: flags.plan,
  data: data.source,
});

const trainOnActiveBackend = async (
  flags: TrainFlags,
  env: TrainEnvironment,
): Promise<E.Either<CliFailure, void>> => {
  const human = !flags.json && !flags.quiet;
  const say = (line: string): void => {
    if (human) env.write(line);
  };
  const choices = resolveChoices(env.registry, flags);
  if (E.isLeft(choices)) return choices;
  const courseTwo = courseTwoOptions(flags);
  if (E.isLeft(courseTwo)) return courseTwo;
  const loaded = await loadTrainingData(flags, say);
  if (E.isLeft(loaded)) return loaded;
  const data = loaded.right;
  const layers = layersFor(flags.layers, data);
  if (E.isLeft(layers)) return layers;
  const runDir = await prepareRunDir(flags.out ?? defaultRunDir(env.now()), flags.force);
  if (E.isLeft(runDir)) return E.left(usageFailure(runDir.left.message));
  const config = configOf(flags, choices.right, data, layers.right, getBackend().name);
  const { hidden, output, cost, optimizer, init } = choices.right;

  const progress = makeProgress({
    total: flags.iterations,
    printEvery: flags.printEvery,
    mode: human ? (env.isTTY ? "bar" : "lines") : "none",
    write: env.write,
    unit: flags.miniBatchSize === undefined ? "iteration" : "epoch",
    rates: flags.decay !== undefined,
  });
  const started = performance.now();
  const trained = await L_layer_model_async(data.train_X, data.train_Y, layers.right, {
    learning_rate: flags.learningRate,
    num_iterations: flags.iterations,
    init,
    spec: { hidden, output },
    cost,
    optimizer,
    optimizer_hyperparameters: hyperparametersOf(flags),
    ...(flags.miniBatchSize === undefined ? {} : { mini_batch_size: flags.miniBatchSize }),
    lambd: flags.lambd,
    keep_prob: flags.keepProb,
    seed: flags.seed,
    plan: flags.plan,
    onIteration: progress.iteration,
    ...(env.signal === undefined ? {} : { signal: env.signal }),
    ...courseTwo.right,
  });
  progress.stop();
  const seconds = (performance.now() - started) / 1000;

  if (E.isLeft(trained)) {
    const error = trained.left;
    if (!isTrainingStopped(error)) return E.left(usageFailure(error.message));
    // Keep what the run produced: the costs up to the stop, in metrics.json.
    await writeJson(join(runDir.right, "metrics.json"), {
      status: error._tag === "Diverged" ? "diverged" : "aborted",
      message: error.message,
      costs: jsonCosts(error.partial.costs),
      seconds,
      config,
    });
    return E.left(
      runtimeFailure(`${error.message}\nThe costs so far are in ${join(runDir.right, "metrics.json")}.`),
    );
  }
  return finish(trained.right, data, flags, env, {
    runDir: runDir.right,
    config,
    seconds,
    choices: choices.right,
  });
};

interface RunInfo {
  readonly runDir: string;
  readonly config: ReturnType<typeof configOf>;
  readonly seconds: number;
  readonly choices: Choices;
}

/** For 2-D data with one output unit: the model's output over the plane, for the decision-boundary picture. */
const decisionBoundaryOf = (
  result: TrainResult,
  data: TrainingData,
  spec: { readonly hidden: Activation; readonly output: Activation },
  subtitle: string,
): DecisionBoundaryInput | undefined => {
  if (data.train_X.rows !== 2 || data.train_Y.rows !== 1) return undefined;
  const grid = decisionGrid(data.train_X, (points) => {
    const out = predict(points, undefined, result.parameters, spec);
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

/** Accuracies, the run folder's files, and the closing lines. */
const finish = async (
  result: TrainResult,
  data: TrainingData,
  flags: TrainFlags,
  env: TrainEnvironment,
  { runDir, config, seconds, choices }: RunInfo,
): Promise<E.Either<CliFailure, void>> => {
  const spec = { hidden: choices.hidden, output: choices.output };
  const train = predict(data.train_X, data.train_Y, result.parameters, spec);
  if (E.isLeft(train)) return E.left(runtimeFailure(train.left));
  const test =
    data.test === undefined ? undefined : predict(data.test[0], data.test[1], result.parameters, spec);
  if (test !== undefined && E.isLeft(test)) return E.left(runtimeFailure(test.left));
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
  const model = toModelFile(result.parameters, spec, choices.cost, {
    ...config,
    classes: data.classes.join(","),
  });
  const mislabeled =
    data.catvnoncat === undefined || test === undefined
      ? E.right(undefined)
      : findMislabeled(data.catvnoncat.testImages, data.catvnoncat.test_y, test.right, data.classes);
  if (E.isLeft(mislabeled)) return E.left(runtimeFailure(mislabeled.left));
  const percent = (x: number): string => `${Number((100 * x).toFixed(2))}%`;
  const accuracyText = `train accuracy ${percent(train_accuracy)}${test === undefined ? "" : `, test ${percent(test_accuracy)}`}`;
  const writes = await Promise.all([
    saveModel(join(runDir, "model.json"), model),
    writeJson(join(runDir, "metrics.json"), metrics),
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
      decisionBoundaryOf(result, data, spec, `${config.layers} · ${config.optimizer} · ${accuracyText}`),
    ),
  ]);
  const failed = writes.find(E.isLeft);
  if (failed !== undefined && E.isLeft(failed)) return E.left(runtimeFailure(failed.left));
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
  const started = await startBackend(requested.right, flags.layers ?? notebookLayers(flags.data));
  if (E.isLeft(started)) return started;
  const previous = getBackend();
  setBackend(started.right.backend);
  try {
    return await trainOnActiveBackend(flags, env);
  } finally {
    setBackend(previous);
    started.right.dispose();
  }
};
