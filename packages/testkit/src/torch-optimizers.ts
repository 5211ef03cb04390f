import type { Matrix } from "@stepwise/tensor";
import { array, type Decoder, decodeError, matrix, number, object, record, string } from "./decode.js";
import { type FixtureLocation, loadFixture } from "./fixtures.js";

// torch-optim-bn.json's `optimizers` section (../reference/make_optim_bn_fixtures.py): one network
// (relu hidden layers, a sigmoid output, the mean BCE) and full-batch torch.optim trajectories from its
// initial parameters. The file's snake_case fields are camelCase here, the course's names as they are.

/** A torch.optim keyword argument as the file records it: `0.9`, `true`, `[0.9, 0.999]`. */
export type TorchHyperparameter = number | boolean | ReadonlyArray<number>;

const hyperparameter: Decoder<TorchHyperparameter> = (u, path) => {
  if (typeof u === "number" || typeof u === "boolean") return u;
  if (Array.isArray(u)) return array(number)(u, path);
  throw decodeError(path, "a number, a boolean or an array of numbers", u);
};

/** One torch.optim configuration's run. */
export interface TorchOptimizerCase {
  /** `sgd_nesterov`, `rmsprop`, … */
  readonly name: string;
  /** `torch.optim SGD {'lr': 0.05, 'momentum': 0.9}`: the class and its arguments, as the generator wrote them. */
  readonly torch: string;
  /** The Stepwise plugin name the generator suggests, possibly with a note: `adam(amsgrad=1) as torch.optim.Adam`. */
  readonly suggestedPluginName: string;
  /** torch.optim's keyword arguments, `lr` included. */
  readonly hyperparameters: Readonly<Record<string, TorchHyperparameter>>;
  readonly steps: number;
  /** costs[t] is the cost before step t. */
  readonly costs: ReadonlyArray<number>;
  readonly finalParameters: Readonly<Record<string, Matrix>>;
}

/** The network every case trains, and the cases. */
export interface TorchOptimizerNetwork {
  readonly layers: ReadonlyArray<number>;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly initialParameters: Readonly<Record<string, Matrix>>;
  readonly cases: ReadonlyArray<TorchOptimizerCase>;
}

const parameters: Decoder<Readonly<Record<string, Matrix>>> = (u, path) => {
  const all = record(matrix)(u, path);
  for (const key of Object.keys(all))
    if (!/^(W|b)\d+$/.test(key)) throw decodeError(`${path}.${key}`, "a key like W1 or b1", key);
  return all;
};

const network = object({
  layers: array(number),
  X: matrix,
  Y: matrix,
  initial_parameters: parameters,
  cases: array(
    object({
      name: string,
      torch: string,
      suggested_plugin_name: string,
      hyperparameters: record(hyperparameter),
      steps: number,
      costs: array(number),
      final_parameters: parameters,
    }),
  ),
});

/** The optimizer cases of torch-optim-bn.json (read through `loadFixture`, so STEPWISE_FIXTURES_DIR applies). */
export const loadTorchOptimizerCases = (location: FixtureLocation = {}): TorchOptimizerNetwork => {
  const { optimizers } = object({ optimizers: network })(
    loadFixture("torch-optim-bn.json", location),
    "torch-optim-bn.json",
  );
  return {
    layers: optimizers.layers,
    X: optimizers.X,
    Y: optimizers.Y,
    initialParameters: optimizers.initial_parameters,
    cases: optimizers.cases.map((c) => ({
      name: c.name,
      torch: c.torch,
      suggestedPluginName: c.suggested_plugin_name,
      hyperparameters: c.hyperparameters,
      steps: c.steps,
      costs: c.costs,
      finalParameters: c.final_parameters,
    })),
  };
};
