import { random_mini_batch_indices } from "@stepwise/data";
import { type RandomState, seedOrThrow } from "@stepwise/random";

/** How an epoch's examples are batched and shuffled, and where dropout's masks come from. */
export interface EpochSettings {
  readonly mini_batch_size: number | undefined;
  readonly shuffle_seed: number | undefined;
  readonly dropout_seed: number | undefined;
}

/** One epoch's batches as column indices; `undefined` is the whole training set, unshuffled. */
export type Batches = ReadonlyArray<ReadonlyArray<number> | undefined>;

/**
 * The batches of epoch `epoch` (from 0) over m examples, and the run's generator after them. Without a
 * mini-batch size: all examples at once. With one, the course's `random_mini_batches`: drawn from the
 * run's generator, or, with a `shuffle_seed` S, from a fresh `seed(S + epoch + 1)` as the Optimization
 * notebook reseeds every epoch (then the run's generator is left as it was).
 */
export const epochBatches = (
  settings: EpochSettings,
  m: number,
  epoch: number,
  rng: RandomState,
): readonly [Batches, RandomState] => {
  const { mini_batch_size, shuffle_seed } = settings;
  if (mini_batch_size === undefined) return [[undefined], rng];
  if (shuffle_seed === undefined) return random_mini_batch_indices(m, mini_batch_size, rng);
  const [batches] = random_mini_batch_indices(m, mini_batch_size, seedOrThrow(shuffle_seed + epoch + 1));
  return [batches, rng];
};

/** Updates per epoch: ⌈m / mini_batch_size⌉, or 1 for the whole batch. */
export const stepsPerEpoch = ({ mini_batch_size }: EpochSettings, m: number): number =>
  mini_batch_size === undefined ? 1 : Math.ceil(m / mini_batch_size);

/**
 * The generator one forward pass draws its dropout masks from: the run's own, or, with a `dropout_seed`
 * S, a fresh `seed(S)` every time (the Regularization notebook calls `np.random.seed(1)` at the top of
 * `forward_propagation_with_dropout`, so every iteration draws the same masks).
 */
export const maskSource = ({ dropout_seed }: EpochSettings, rng: RandomState): RandomState =>
  dropout_seed === undefined ? rng : seedOrThrow(dropout_seed);

/** The run's generator after a forward pass that drew masks and left the mask source at `advanced`. */
export const afterMasks = (
  { dropout_seed }: EpochSettings,
  rng: RandomState,
  advanced: RandomState,
): RandomState => (dropout_seed === undefined ? advanced : rng);
