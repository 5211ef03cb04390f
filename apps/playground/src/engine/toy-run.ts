import type { Parameters } from "@stepwise/core";
import { parse_football_dataset, parseCsvDataset, type TrainTestSets } from "@stepwise/data";
import { L_model_forward } from "@stepwise/forward-cache";
import { type Matrix, type StepwiseError, stepwiseError, unsafeMatrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { DataChoice, RunConfig } from "./config.js";
import type { Boundary } from "./protocol.js";
import { choicesOf, type TrainingData } from "./run.js";
import { generators, trainAndTest } from "./toy-data.js";

/**
 * The data a config names: a generated set with its test set, the Regularization notebook's football
 * (`text` is football.csv), or the user's CSV (`text`), read by the CLI's loader with its messages.
 */
export const loadToyData = (
  data: DataChoice,
  text: string | undefined,
): E.Either<StepwiseError, TrainingData> => {
  if (data.kind === "catvnoncat") return E.left(stepwiseError("DataError", "catvnoncat is not 2-D data"));
  if (data.kind === "csv") {
    if (text === undefined)
      return E.left(stepwiseError("DataError", "Pick a CSV file: a header row, then one example per line."));
    return E.map(({ X, Y }: { readonly X: Matrix; readonly Y: Matrix }) => ({ train_x: X, train_y: Y }))(
      parseCsvDataset(text, { label: data.label, source: data.name }),
    );
  }
  if (data.name === "football") {
    if (text === undefined) return E.left(stepwiseError("DataError", "football.csv is loading…"));
    return E.map(([train_x, train_y, test_x, test_y]: TrainTestSets) => ({
      train_x,
      train_y,
      test_x,
      test_y,
    }))(parse_football_dataset(text));
  }
  const { train, test } = trainAndTest(generators[data.name], data.n, data.noise, data.seed);
  return E.right({ train_x: train.X, train_y: train.Y, test_x: test.X, test_y: test.Y });
};

/** Where the site keeps football.csv (copied from `@stepwise/data`'s datasets at build time). */
export const FOOTBALL_PATH = "datasets/course2/football.csv";

/** Whether the data needs a text file: football from the site, or the user's CSV. */
export const needsText = (data: DataChoice): boolean =>
  data.kind === "csv" || (data.kind === "toy" && data.name === "football");

const BOUNDARY_SIZE = 64;

const rangeOf = (X: Matrix, row: number): readonly [number, number] => {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < X.cols; j++) {
    const v = X.data[row * X.cols + j] as number;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  // The notebooks' plot_decision_boundary pads the range by 1 on each side.
  return [lo - 1, hi + 1];
};

/** The grid's points as one (2, size²) batch, row 0 at the top (largest y). */
const gridOf = (x0: number, x1: number, y0: number, y1: number, size: number): Matrix => {
  const data = new Float64Array(2 * size * size);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      const k = r * size + c;
      data[k] = x0 + ((c + 0.5) / size) * (x1 - x0);
      data[size * size + k] = y1 - ((r + 0.5) / size) * (y1 - y0);
    }
  return unsafeMatrix(2, size * size, data);
};

/**
 * A function drawing the decision boundary of a config's network over the training data's range:
 * `L_model_forward` on a 64 × 64 grid (the output unit's value; the page colours it).
 */
export const boundaryOf = (
  config: RunConfig,
  data: TrainingData,
): ((p: Parameters) => Boundary) | undefined => {
  const choices = choicesOf(config);
  if (E.isLeft(choices) || data.train_x.rows !== 2) return undefined;
  const [x0, x1] = rangeOf(data.train_x, 0);
  const [y0, y1] = rangeOf(data.train_x, 1);
  const grid = gridOf(x0, x1, y0, y1, BOUNDARY_SIZE);
  return (parameters) => {
    const forward = L_model_forward(grid, parameters, choices.right.spec);
    const values = E.isRight(forward) ? Float64Array.from(forward.right[0].data) : new Float64Array(0);
    return { size: BOUNDARY_SIZE, x0, x1, y0, y1, values };
  };
};

/** A function giving the cost on the test set (no L2 term: the curve compares data fit only). */
export const costOn = (config: RunConfig, data: TrainingData): ((p: Parameters) => number) | undefined => {
  const choices = choicesOf(config);
  const { test_x, test_y } = data;
  if (E.isLeft(choices) || test_x === undefined || test_y === undefined) return undefined;
  const { spec, cost } = choices.right;
  return (parameters) => {
    const forward = L_model_forward(test_x, parameters, spec);
    return E.isRight(forward) ? cost.compute_cost(forward.right[0], test_y) : Number.NaN;
  };
};
