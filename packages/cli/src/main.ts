import { createRequire } from "node:module";
import type { Registry } from "@stepwise/core";
import { Command, CommanderError, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import type { CliFailure } from "./cli-error.js";
import {
  DECAYS,
  layerList,
  nonNegativeNumber,
  positiveInteger,
  positiveNumber,
  probability,
  seedValue,
  unitInterval,
} from "./flags.js";
import type { TrainFlags } from "./train-command.js";

/*
 * Start-up: this module loads only commander and the flag parsers, so `stepwise --help` and usage errors
 * answer at once. Each command's code (the plugins, the model, the wasm backend, jsfive, vega, resvg) is
 * imported when the command runs. scripts/bench-startup.mjs measures it; test/startup.test.ts checks that
 * --help loads none of it.
 */

/** By the package's name, not a relative path: the bundled bin (dist/stepwise.js) moves this code. */
const { version } = createRequire(import.meta.url)("@stepwise/cli/package.json") as {
  readonly version: string;
};

export interface Io {
  readonly out: (line: string) => void;
  readonly err: (text: string) => void;
  readonly isTTY: boolean;
}

/** The signals that stop a run cleanly, with their numbers (for the exit code 128 + n). */
const STOP_SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
type StopSignal = keyof typeof STOP_SIGNALS;
const signalNames = Object.keys(STOP_SIGNALS) as ReadonlyArray<StopSignal>;

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
};

/** Builds the `stepwise` program; `settle` receives each command's outcome. */
const program = (io: Io, settle: (outcome: Promise<E.Either<CliFailure, void>>) => void): Command => {
  const root = new Command("stepwise")
    .description("Train the course's cat-vs-non-cat classifier and classify your own pictures.")
    .version(version, "-V, --version", "print the version of @stepwise/cli")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: io.err })
    .showHelpAfterError("(run with --help for usage)");

  /** The built-in plugins plus stepwise.config.json's and --plugin's, then the command. */
  const withRegistry = (
    flags: { readonly plugin: ReadonlyArray<string> },
    command: (registry: Registry) => Promise<E.Either<CliFailure, void>>,
  ): Promise<E.Either<CliFailure, void>> =>
    Promise.all([import("./plugins.js"), import("./registry.js")])
      .then(([{ buildRegistry }, { builtinPlugins }]) =>
        buildRegistry(builtinPlugins, { cwd: process.cwd(), plugins: flags.plugin }),
      )
      .then((registry) => (E.isLeft(registry) ? registry : command(registry.right)));
  const pluginOption = (): Option =>
    new Option(
      "--plugin <package or path>",
      "load plugins from a package or file as well as stepwise.config.json's (repeatable)",
    )
      .argParser((value: string, previous: ReadonlyArray<string>) => [...previous, value])
      .default([], "none");

  root
    .command("train", { isDefault: false })
    .description(
      "train a network on catvnoncat, Course 2's moons, circles or football, or your CSV file (no flags: the course's 4-layer cat run)",
    )
    .addOption(
      new Option(
        "--task <task>",
        "cat: the course's catvnoncat classifier; digits: the notes' TwoLayerNet on MNIST digits",
      )
        .choices(["cat", "digits"])
        .default("cat"),
    )
    .option(
      "--data <name|dir|file.csv>",
      "catvnoncat, moons, circles, football (Course 2's, as the notebooks make them), a CSV file (with --label), or a folder with train_catvnoncat.h5 and test_catvnoncat.h5 (default: catvnoncat from $STEPWISE_DATA_DIR, ./data/catvnoncat, the Stepwise checkout's datasets/catvnoncat, or download)",
    )
    .option("--label <column>", "with a CSV file: the column holding the labels (0/1, or class indices)")
    .option(
      "--layers <sizes>",
      "layer sizes, input first (default: the data set's notebook network, 12288,20,7,5,1 for catvnoncat)",
      layerList,
    )
    .option("--init <name>", "deep | two-layer | he | xavier | xavier-uniform | zeros | random", "deep")
    .option(
      "--hidden <activation>",
      "hidden-layer activation: any registered name, parameters included, e.g. gelu or 'leaky-relu(alpha=0.2)', or a comma list with one per hidden layer, e.g. tanh,relu (list them with `stepwise plugins`)",
      "relu",
    )
    .option("--output <activation>", "output activation (any registered name)", "sigmoid")
    .option(
      "--cost <name>",
      "cost function: any registered name, e.g. 'huber(delta=0.5)'",
      "binary-cross-entropy",
    )
    .option("--learning-rate <rate>", "gradient step size", positiveNumber, 0.0075)
    .option("--iterations <n>", "iterations (epochs with --mini-batch-size)", positiveInteger, 2500)
    .option("--seed <n>", "random seed for init, dropout and shuffles", seedValue, 1)
    .option("--print-every <n>", "print the cost every n iterations", positiveInteger, 100)
    .option(
      "--optimizer <name>",
      "gd | momentum | momentum-pytorch | adam | nesterov | rmsprop | adagrad | adadelta | adamw | adamax | nadam (`stepwise plugins` lists them), hyper-parameters in the name: 'adam(beta1=0.9, beta2=0.999)', 'rmsprop(rho=0.9, centered=1)'",
      "gd",
    )
    .option(
      "--beta <β>",
      "momentum's β: the same as --optimizer 'momentum(beta=β)' (default 0.9)",
      nonNegativeNumber,
    )
    .option(
      "--beta1 <β1>",
      "Adam's β1: the same as --optimizer 'adam(beta1=β1)' (default 0.9)",
      nonNegativeNumber,
    )
    .option(
      "--beta2 <β2>",
      "Adam's β2: the same as --optimizer 'adam(beta2=β2)' (default 0.999)",
      nonNegativeNumber,
    )
    .option(
      "--epsilon <ε>",
      "Adam's ε: the same as --optimizer 'adam(epsilon=ε)' (default 1e-8)",
      positiveNumber,
    )
    .option("--mini-batch-size <n>", "train on shuffled mini-batches of n examples", positiveInteger)
    .option("--lambd <λ>", "L2 regularization strength", nonNegativeNumber, 0)
    .option("--keep-prob <p>", "dropout keep probability for hidden layers", probability, 1)
    .option(
      "--batch-norm",
      "batch normalization after every hidden layer's linear step, before its activation (Course 2, week 3)",
      false,
    )
    .option(
      "--batch-norm-eps <ε>",
      "batch norm's ε inside the square root (default 1e-5, PyTorch's)",
      positiveNumber,
    )
    .option(
      "--batch-norm-momentum <m>",
      "the weight of each batch in batch norm's running mean and variance, in [0, 1] (default 0.1, PyTorch's)",
      unitInterval,
    )
    .option(
      "--shuffle-seed <S>",
      "reseed each epoch's shuffle as the Optimization notebook does: epoch e uses seed S + e + 1 (it uses 10)",
      seedValue,
    )
    .option(
      "--dropout-seed <S>",
      "draw the dropout masks from a fresh seed S at every forward pass, as the Regularization notebook does (it uses 1)",
      seedValue,
    )
    .option(
      "--decay <schedule>",
      `learning-rate decay: ${DECAYS.join(" or ")} (per epoch, the Optimization notebook's), or one of optax's schedules, counted in updates (one per mini-batch): 'cosine-decay(decay_steps=2500, alpha=0.01)', 'exponential-decay(transition_steps=100, decay_rate=0.5, staircase=1)', 'inverse-time-decay(decay_steps=100, decay_rate=1)', 'piecewise-constant(at_1000=0.5, at_2000=0.1)' (see \`stepwise plugins\`)`,
    )
    .option("--decay-rate <R>", "the decay's rate (default 1)", nonNegativeNumber)
    .option("--time-interval <N>", "schedule-lr-decay's epochs per step (default 1000)", positiveInteger)
    .option(
      "--keep-going-on-nonfinite",
      "train on when the cost is inf or NaN (default: stop and say why); the Initialization notebook's random run needs it",
      false,
    )
    .addOption(
      new Option(
        "--batch-mean <how>",
        "average gradients as dW = dZ·Aᵀ / m (divide, Course 1) or (1/m)·dZ·Aᵀ (reciprocal, the Regularization notebook): equal up to rounding",
      )
        .choices(["divide", "reciprocal"])
        .default("divide"),
    )
    .addOption(
      new Option(
        "--plan <plan>",
        "first-layer training plan: dual gives the same numbers to about 1e-13, far faster on wide inputs",
      )
        .choices(["auto", "primal", "dual"])
        .default("auto"),
    )
    .option(
      "--backend <backend>",
      "kernels: auto (the fastest available), js or wasm (default: $STEPWISE_BACKEND or auto)",
    )
    .option("--out <dir>", "run folder (default runs/<timestamp>)")
    .option("--force", "overwrite an existing run folder", false)
    .addOption(new Option("--json", "print the final metrics as JSON instead of text").default(false))
    .option("--quiet", "print nothing but errors", false)
    .addOption(pluginOption())
    .action((options: TrainFlags & { task: "cat" | "digits"; plugin: ReadonlyArray<string> }) => {
      if (options.task === "digits") {
        settle(import("./digits-command.js").then(({ digitsCommand }) => digitsCommand(options, io.out)));
        return;
      }
      // Ctrl-C, SIGTERM and SIGHUP stop training between iterations and keep the costs and weights so
      // far; a second one quits at once (128 + the signal's number), leaving metrics.json "aborted".
      const controller = new AbortController();
      const onSignal = (signal: StopSignal): void => {
        if (controller.signal.aborted) process.exit(128 + STOP_SIGNALS[signal]);
        controller.abort(signal);
      };
      for (const signal of signalNames) process.on(signal, onSignal);
      const done = withRegistry(options, async (registry) =>
        (await import("./train-command.js")).trainCommand(options, {
          registry,
          write: io.out,
          warn: (line) => io.err(`stepwise: ${line}\n`),
          isTTY: io.isTTY,
          now: () => new Date(),
          signal: controller.signal,
          atExit: (cleanup) => {
            process.once("exit", cleanup);
            return () => process.off("exit", cleanup);
          },
        }),
      );
      settle(
        done.finally(() => {
          for (const signal of signalNames) process.off(signal, onSignal);
        }),
      );
    });

  root
    .command("predict")
    .description("classify your own JPEG/PNG pictures with a trained model")
    .requiredOption("--model <path>", "a run's model.json")
    .option("--json", "print the predictions as JSON", false)
    .addOption(pluginOption())
    .argument("<images...>", "image files")
    .action((images: string[], options: { model: string; json: boolean; plugin: ReadonlyArray<string> }) => {
      settle(
        withRegistry(options, async (registry) =>
          (await import("./predict-command.js")).predictCommand(
            { ...options, images },
            registry,
            io.out,
            (line) => io.err(`stepwise: ${line}\n`),
          ),
        ),
      );
    });

  root
    .command("export")
    .description("write a trained model as an ONNX file (opset 18) for ONNX Runtime and other ONNX tools")
    .requiredOption("--onnx <path>", "the .onnx file to write")
    .requiredOption("--model <path>", "a run's model.json")
    .addOption(
      new Option("--precision <precision>", "element type of the ONNX tensors")
        .choices(["double", "float"])
        .default("double"),
    )
    .addOption(pluginOption())
    .action(
      (options: {
        onnx: string;
        model: string;
        precision: "double" | "float";
        plugin: ReadonlyArray<string>;
      }) => {
        settle(
          withRegistry(options, async (registry) =>
            (await import("./export-command.js")).exportCommand(options, registry, io.out),
          ),
        );
      },
    );

  root
    .command("plugins")
    .description("list the activations, costs and optimizers this run can use, and where each comes from")
    .addOption(pluginOption())
    .option("--json", "print the list as JSON", false)
    .action((options: { json: boolean; plugin: ReadonlyArray<string> }) => {
      settle(
        withRegistry(options, async (registry) =>
          (await import("./plugins-command.js")).pluginsCommand(registry, options, io.out),
        ),
      );
    });

  root
    .command("data")
    .description("manage the course's data")
    .command("fetch")
    .description("download (or copy with --from) and verify train_catvnoncat.h5 and test_catvnoncat.h5")
    .option("--from <dir>", "copy from a local folder instead of downloading")
    .option("--data <dir>", "where to put the files", "data/catvnoncat")
    .action((options: { from?: string; data?: string }) => {
      settle(import("./data-command.js").then(({ dataFetchCommand }) => dataFetchCommand(options, io.out)));
    });

  return root;
};

/** Runs the CLI on `argv` (without `node main.ts`); resolves to the exit code. */
export const run = async (argv: ReadonlyArray<string>, io: Io = processIo): Promise<number> => {
  let outcome: Promise<E.Either<CliFailure, void>> | undefined;
  try {
    await program(io, (o) => {
      outcome = o;
    }).parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError)
      return e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
        ? 0
        : 2;
    throw e;
  }
  if (outcome === undefined) return 0;
  const result = await outcome;
  if (E.isRight(result)) return 0;
  io.err(
    `stepwise: ${result.left.message}\n${result.left.exitCode === 2 ? "(run with --help for usage)\n" : ""}`,
  );
  return result.left.exitCode;
};
