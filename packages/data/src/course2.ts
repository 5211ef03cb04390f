import { seedOrThrow } from "@stepwise/random";
import { type Matrix, type StepwiseError, sliceColumns } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { parseCsvDataset } from "./csv.js";
import { dataError } from "./ndarray.js";
import { courseLayout, make_circles, make_moons } from "./samples-generator.js";

/** A training set in the course's layout: X (n_x, m), Y (1, m). */
export type TrainSet = readonly [train_X: Matrix, train_Y: Matrix];

/** Training and test sets, as the notebooks return them: `train_X, train_Y, test_X, test_Y`. */
export type TrainTestSets = readonly [train_X: Matrix, train_Y: Matrix, test_X: Matrix, test_Y: Matrix];

/**
 * The Initialization notebook's `load_dataset()` (Course 2, week 1, init_utils.py): two circles,
 * `np.random.seed(1); make_circles(n_samples=300, noise=.05)` for training, then `np.random.seed(2);
 * make_circles(n_samples=100, noise=.05)` for the test set, transposed to (2, m) with Y reshaped to
 * (1, m). The same numbers as the notebook, bit for bit.
 */
export const load_circles_dataset = (): TrainTestSets => {
  const [train_X, train_Y] = courseLayout(make_circles(300, 0.05, 0.8, seedOrThrow(1))[0]);
  const [test_X, test_Y] = courseLayout(make_circles(100, 0.05, 0.8, seedOrThrow(2))[0]);
  return [train_X, train_Y, test_X, test_Y];
};

/**
 * The Optimization notebook's `load_dataset()` (Course 2, week 2, opt_utils.py): two moons,
 * `np.random.seed(3); make_moons(n_samples=300, noise=.2)`, transposed to (2, m) with Y reshaped to
 * (1, m). There is no test set in that notebook. The same numbers as the notebook, bit for bit.
 */
export const load_moons_dataset = (): TrainSet => courseLayout(make_moons(300, 0.2, seedOrThrow(3))[0]);

/** The Regularization notebook keeps the last 200 of football.csv's 411 examples for testing. */
export const FOOTBALL_TEST_SIZE = 200;

/**
 * The Regularization notebook's `load_2D_dataset()` (Course 2, week 1, reg_utils.py, 2021) on the text of
 * `football.csv` (columns `pos_x, pos_y, team`: where the French goalkeeper kicked the ball, and whether a
 * French player headed it): the first 211 rows train, the last 200 test. X is (2, m), Y (1, m). Numbers are
 * read as the notebook's `pd.read_csv` reads them (`floats: "pandas"`), which matters for the test rows.
 * `load_football_dataset()` in `@stepwise/data/node` reads the copy shipped with this package.
 */
export const parse_football_dataset = (
  text: string,
  source = "football.csv",
): E.Either<StepwiseError, TrainTestSets> => {
  // The notebook reads the file with pd.read_csv, whose float parser the test rows' 17-digit decimals need.
  const parsed = parseCsvDataset(text, {
    label: "team",
    features: ["pos_x", "pos_y"],
    labels: "binary",
    floats: "pandas",
    source,
  });
  if (E.isLeft(parsed)) return parsed;
  const { X, Y } = parsed.right;
  const m = X.cols;
  if (m <= FOOTBALL_TEST_SIZE)
    return E.left(
      dataError(
        `parse_football_dataset: ${source} has ${m} examples, but the notebook keeps the last ${FOOTBALL_TEST_SIZE} for testing and needs more to train on (the course's file has 411)`,
      ),
    );
  const split = m - FOOTBALL_TEST_SIZE;
  return E.right([
    sliceColumns(X, 0, split),
    sliceColumns(Y, 0, split),
    sliceColumns(X, split, m),
    sliceColumns(Y, split, m),
  ]);
};
