import { fileURLToPath } from "node:url";
import type { Registry } from "@stepwise/core";
import { Command, CommanderError, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import type { CliFailure } from "./cli-error.js";
import { DECAYS } from "./course2-options.js";
import { dataFetchCommand } from "./data-command.js";
import { digitsCommand } from "./digits-command.js";
import {
  layerList,
  nonNegativeNumber,
  positiveInteger,
  positiveNumber,
  probability,
  seedValue,
} from "./flags.js";
import { buildRegistry } from "./plugins.js";
import { pluginsCommand } from "./plugins-command.js";
import { predictCommand } from "./predict-command.js";
import { builtinPlugins } from "./registry.js";
import { type TrainFlags, trainCommand } from "./train-command.js";

export interface Io {
  readonly out: (line: string) => void;
  readonly err: (text: string) => void;
  readonly isTTY: boolean;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
};

/** Builds the `stepwise` program; `settle` receives each command's outcome. */
const program = (io: Io, settle: (outcome: Promise<E.Either<CliFailure, void>>) => void): Command => {
  const root = new Command("stepwise")
    .description("Train the course's cat-vs-non-cat classifier and classify your own pictures.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: io.err })
    .showHelpAfterError("(run with --help for usage)");

  /** The built-in plugins plus stepwise.config.json's and --plugin's, then the command. */
  const withRegistry = (
    flags: { readonly plugin: ReadonlyArray<string> },
    command: (registry: Registry) => Promise<E.Either<CliFailure, void>>,
  ): Promise<E.Either<CliFailure, void>> =>
    buildRegistry(builtinPlugins, { cwd: process.cwd(), plugins: flags.plugin }).then((registry) =>
      E.isLeft(registry) ? registry : command(registry.right),
    );
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
      "catvnoncat, moons, circles, football (Course 2's, as the notebooks make them), a CSV file (with --label), or a folder with train_catvnoncat.h5 and test_catvnoncat.h5 (default: catvnoncat from $STEPWISE_DATA_DIR, ./data/catvnoncat, ../shared/datasets/catvnoncat, or download)",
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
      "hidden-layer activation: any registered name, parameters included, e.g. gelu or 'leaky-relu(alpha=0.2)' (list them with `stepwise plugins`)",
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
    .option("--optimizer <name>", "gd | momentum | momentum-pytorch | adam", "gd")
    .option("--beta <β>", "momentum's β (default 0.9)", nonNegativeNumber)
    .option("--beta1 <β1>", "Adam's β1 (default 0.9)", nonNegativeNumber)
    .option("--beta2 <β2>", "Adam's β2 (default 0.999)", nonNegativeNumber)
    .option("--epsilon <ε>", "Adam's ε (default 1e-8)", positiveNumber)
    .option("--mini-batch-size <n>", "train on shuffled mini-batches of n examples", positiveInteger)
    .option("--lambd <λ>", "L2 regularization strength", nonNegativeNumber, 0)
    .option("--keep-prob <p>", "dropout keep probability for hidden layers", probability, 1)
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
    .addOption(
      new Option("--decay <schedule>", "learning-rate decay per epoch, the Optimization notebook's").choices([
        ...DECAYS,
      ]),
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
        "first-layer training plan: dual is the same numbers, far faster on wide inputs",
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
        settle(Promise.resolve(digitsCommand(options, io.out)));
        return;
      }
      // Ctrl-C stops training between iterations and keeps the costs so far; a second one quits at once.
      const controller = new AbortController();
      const onInterrupt = (): void => {
        if (controller.signal.aborted) process.exit(130);
        controller.abort();
      };
      process.on("SIGINT", onInterrupt);
      const done = withRegistry(options, (registry) =>
        trainCommand(options, {
          registry,
          write: io.out,
          isTTY: io.isTTY,
          now: () => new Date(),
          signal: controller.signal,
        }),
      );
      settle(done.finally(() => process.off("SIGINT", onInterrupt)));
    });

  root
    .command("predict")
    .description("classify your own JPEG/PNG pictures with a trained model")
    .requiredOption("--model <path>", "a run's model.json")
    .option("--json", "print the predictions as JSON", false)
    .addOption(pluginOption())
    .argument("<images...>", "image files")
    .action((images: string[], options: { model: string; json: boolean; plugin: ReadonlyArray<string> }) => {
      settle(withRegistry(options, (registry) => predictCommand({ ...options, images }, registry, io.out)));
    });

  root
    .command("plugins")
    .description("list the activations, costs and optimizers this run can use, and where each comes from")
    .addOption(pluginOption())
    .option("--json", "print the list as JSON", false)
    .action((options: { json: boolean; plugin: ReadonlyArray<string> }) => {
      settle(withRegistry(options, (registry) => pluginsCommand(registry, options, io.out)));
    });

  root
    .command("data")
    .description("manage the course's data")
    .command("fetch")
    .description("download (or copy with --from) and verify train_catvnoncat.h5 and test_catvnoncat.h5")
    .option("--from <dir>", "copy from a local folder instead of downloading")
    .option("--data <dir>", "where to put the files", "data/catvnoncat")
    .action((options: { from?: string; data?: string }) => {
      settle(dataFetchCommand(options, io.out));
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `stepwise: unexpected error: ${e instanceof Error ? e.message : String(e)}\nPlease report it with the command you ran.\n`,
      );
      process.exitCode = 1;
    },
  );
}
