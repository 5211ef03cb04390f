import { permutation, type RandomState, seedOrThrow } from "@stepwise/random";
import { formatShape, invalidArgument, type Matrix, raise, shapeError, takeColumns } from "@stepwise/tensor";

/** One mini-batch: `(mini_batch_X, mini_batch_Y)`. */
export type MiniBatch = readonly [X: Matrix, Y: Matrix];

const checkBatchSize = (fn: string, mini_batch_size: number): void => {
  if (!(Number.isInteger(mini_batch_size) && mini_batch_size > 0))
    raise(invalidArgument(`${fn}: mini_batch_size must be an integer ≥ 1, got ${String(mini_batch_size)}`));
};

/**
 * The column indices of each mini-batch, drawn exactly as `random_mini_batches` draws them: one
 * `np.random.permutation(m)`, cut into runs of `mini_batch_size` (the last one shorter). For code that
 * slices other matrices by the same examples.
 */
export const random_mini_batch_indices = (
  m: number,
  mini_batch_size = 64,
  rng: RandomState = seedOrThrow(0),
): readonly [ReadonlyArray<ReadonlyArray<number>>, RandomState] => {
  checkBatchSize("random_mini_batch_indices", mini_batch_size);
  const [order, next] = permutation(m)(rng);
  const batches: Array<ReadonlyArray<number>> = [];
  for (let start = 0; start < m; start += mini_batch_size)
    batches.push(order.slice(start, start + mini_batch_size));
  return [batches, next];
};

/**
 * The course's `random_mini_batches` (Course 2, optimization notebook): shuffle the columns of X and Y
 * with one `np.random.permutation(m)`, cut `floor(m / mini_batch_size)` complete batches, then one
 * partial batch of the remaining columns if any. The course seeds numpy inside (`seed = 0`); here the
 * generator state is passed in (default: `np.random.seed(0)`) and the state after the draw comes back.
 * Y keeps its rows (the course's `reshape((1, m))` is the one-row case).
 */
export const random_mini_batches = (
  X: Matrix,
  Y: Matrix,
  mini_batch_size = 64,
  rng: RandomState = seedOrThrow(0),
): readonly [ReadonlyArray<MiniBatch>, RandomState] => {
  if (X.cols !== Y.cols)
    raise(
      shapeError(
        `random_mini_batches: X ${formatShape(X)} and Y ${formatShape(Y)} must have the same number of examples (columns)`,
      ),
    );
  checkBatchSize("random_mini_batches", mini_batch_size);
  const [indices, next] = random_mini_batch_indices(X.cols, mini_batch_size, rng);
  return [indices.map((columns) => [takeColumns(X, columns), takeColumns(Y, columns)] as const), next];
};
