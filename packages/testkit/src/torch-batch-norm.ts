import type { Matrix } from "@stepwise/tensor";
import { array, type Decoder, decodeError, matrix, number, object, record } from "./decode.js";
import { type FixtureLocation, loadFixture } from "./fixtures.js";

// torch-optim-bn.json's `batch_norm` section (../reference/make_optim_bn_fixtures.py): networks with
// gamma_l/beta_l after each hidden linear step, as torch.nn.BatchNorm1d(eps=1e-5, momentum=0.1) in
// training mode, and a plain-SGD run. The file's snake_case fields are camelCase here, the course's
// names (X, Y, AL, J, X_test, lr) as they are.

/** A dictionary of matrices keyed like `W1`, `gamma2`, `dbeta1`, `mu1`: each key checked against a pattern. */
const keyed =
  (pattern: RegExp, what: string): Decoder<Readonly<Record<string, Matrix>>> =>
  (u, path) => {
    const all = record(matrix)(u, path);
    for (const key of Object.keys(all))
      if (!pattern.test(key)) throw decodeError(`${path}.${key}`, `a key like ${what}`, key);
    return all;
  };

const parameters = keyed(/^(W|b|gamma|beta)\d+$/, "W1, b1, gamma1 or beta1");

/** One batch-norm network of torch-optim-bn.json, every array a Matrix. */
export interface TorchBatchNormCase {
  /** `batch_norm[i] [6,5,4,1]`: where the case sits in the file and its layer sizes. */
  readonly name: string;
  readonly layers: ReadonlyArray<number>;
  readonly X: Matrix;
  readonly Y: Matrix;
  /** W_l, b_l for every layer; gamma_l, beta_l for every hidden layer. */
  readonly initialParameters: Readonly<Record<string, Matrix>>;
  /** One training-mode pass from the initial parameters: AL, the mean BCE J, and every gradient. */
  readonly firstPass: {
    readonly AL: Matrix;
    readonly J: number;
    /** dW_l, db_l, dgamma_l, dbeta_l. */
    readonly grads: Readonly<Record<string, Matrix>>;
  };
  /** Plain SGD (`p − lr·dp`) from the initial parameters, running statistics starting at mean 0, var 1. */
  readonly sgd: {
    readonly lr: number;
    readonly steps: number;
    /** The cost before each step. */
    readonly costs: ReadonlyArray<number>;
    readonly finalParameters: Readonly<Record<string, Matrix>>;
    /** mu_l: the running mean after the steps' forward passes. */
    readonly runningMean: Readonly<Record<string, Matrix>>;
    /** var_l: the running (unbiased) variance. */
    readonly runningVar: Readonly<Record<string, Matrix>>;
  };
  /** Seven new examples through the trained network in evaluation mode (running statistics). */
  readonly eval: { readonly X_test: Matrix; readonly AL: Matrix };
}

const batchNormCase = object({
  layers: array(number),
  X: matrix,
  Y: matrix,
  initial_parameters: parameters,
  first_pass: object({ AL: matrix, J: number, grads: keyed(/^d(W|b|gamma|beta)\d+$/, "dW1 or dgamma1") }),
  sgd: object({
    lr: number,
    steps: number,
    costs: array(number),
    final_parameters: parameters,
    running_mean: keyed(/^mu\d+$/, "mu1"),
    running_var: keyed(/^var\d+$/, "var1"),
  }),
  eval: object({ X_test: matrix, AL: matrix }),
});

/** The batch-norm cases of torch-optim-bn.json (read through `loadFixture`, so STEPWISE_FIXTURES_DIR applies). */
export const loadTorchBatchNormCases = (location: FixtureLocation = {}): ReadonlyArray<TorchBatchNormCase> =>
  object({ batch_norm: array(batchNormCase) })(
    loadFixture("torch-optim-bn.json", location),
    "torch-optim-bn.json",
  ).batch_norm.map((c, i) => ({
    name: `batch_norm[${i}] [${c.layers.join(",")}]`,
    layers: c.layers,
    X: c.X,
    Y: c.Y,
    initialParameters: c.initial_parameters,
    firstPass: c.first_pass,
    sgd: {
      lr: c.sgd.lr,
      steps: c.sgd.steps,
      costs: c.sgd.costs,
      finalParameters: c.sgd.final_parameters,
      runningMean: c.sgd.running_mean,
      runningVar: c.sgd.running_var,
    },
    eval: c.eval,
  }));
