import { bias, fromLayers, type Parameters, weight } from "@stepwise/core";
import { type RandomState, rand, seedOrThrow } from "@stepwise/random";
import { type Matrix, unsafeMatrix } from "@stepwise/tensor";
import {
  allFinite,
  backwardToPreviousLayer,
  closedFormBackward,
  crossEntropyCost,
  dropoutForward,
  gatherColumns,
  linearBackwardParameters,
  linearForward,
  nansumCrossEntropyCost,
  sigmoidCrossEntropyBackward,
  sigmoidForward,
  sumOfSquaredWeights,
} from "./kernels.js";
import { type FusedOptimizer, type Slot, updateSlots } from "./update.js";

/** What the fused step computes: ReLU hidden layers, a sigmoid output, one of two costs, an optimizer. */
export interface FusedSettings {
  /** "nansum": binary_cross_entropy_nansum (its cost, and dZL = A − Y); "chain": binary_cross_entropy. */
  readonly cost: "chain" | "nansum";
  readonly optimizer: FusedOptimizer;
  readonly lambd: number;
  readonly keep_prob: number;
  /**
   * The model's dropout_seed: every forward pass draws its masks from a fresh seed(dropout_seed), so the
   * masks of a batch width are the same every time and are drawn once.
   */
  readonly dropout_seed: number | undefined;
  /** Update even when the cost is not finite (the model's keepGoingOnNonFinite). */
  readonly keepGoing: boolean;
  /** Average gradients as `· (1/m)` instead of `/ m` (the model's batchMean "reciprocal"). */
  readonly reciprocal: boolean;
}

/** One layer's arrays: its parameters and moments, and everything a step computes for it. */
interface Layer {
  readonly n: number;
  readonly nPrev: number;
  readonly W: Float64Array;
  readonly b: Float64Array;
  readonly Z: Float64Array;
  readonly A: Float64Array;
  readonly D: Float64Array;
  readonly dZ: Float64Array;
  readonly dW: Float64Array;
  readonly db: Float64Array;
}

/** One step's outcome: the cost before the update and the mask source's state after the draws. */
export interface StepOutcome {
  readonly cost: number;
  readonly masks: RandomState;
}

/** A network compiled for the fused step: it owns its arrays, so nothing outside sees them change. */
export interface FusedNetwork {
  /** One update on `columns` of X and Y (all of them when undefined): forward, cost, backward, update. */
  readonly step: (
    columns: ReadonlyArray<number> | undefined,
    t: number,
    learning_rate: number,
    masks: RandomState,
  ) => StepOutcome;
  /** A copy of the current parameters, in the course's dictionary. */
  readonly parameters: () => Parameters;
  /**
   * The first moment entry that holds NaN or ±Infinity, as train.ts's check names it (`s["dW1"]`), or
   * undefined; with `parameters`, the parameters are looked at first (`parameters["W1"]`).
   */
  readonly nonFinite: (parameters: boolean) => string | undefined;
}

const copyOf = (m: Matrix): Float64Array => Float64Array.from(m.data);

const NO_MASKS: ReadonlyArray<Float64Array> = [];

/**
 * Allocates every array a step needs once, for batches of up to `maxBatch` examples, and returns the step.
 * The arithmetic is the js backend's, op for op (kernels.ts, update.ts), so a run gives the same bits as
 * the course functions composed on the js backend.
 */
export const compileNetwork = (
  X: Matrix,
  Y: Matrix,
  initial: Parameters,
  layers_dims: ReadonlyArray<number>,
  maxBatch: number,
  settings: FusedSettings,
): FusedNetwork => {
  const L = layers_dims.length - 1;
  const layers: Layer[] = Array.from({ length: L }, (_, i) => {
    const n = layers_dims[i + 1] as number;
    const nPrev = layers_dims[i] as number;
    const size = n * maxBatch;
    return {
      n,
      nPrev,
      W: copyOf(weight(initial, i + 1)),
      b: copyOf(bias(initial, i + 1)),
      Z: new Float64Array(size),
      A: new Float64Array(size),
      D: new Float64Array(settings.keep_prob < 1 && i + 1 < L ? size : 0),
      dZ: new Float64Array(size),
      dW: new Float64Array(n * nPrev),
      db: new Float64Array(n),
    };
  });
  const moments = settings.optimizer.name !== "gd";
  const secondMoments = settings.optimizer.name === "adam";
  const slots: ReadonlyArray<Slot> = layers.flatMap((layer) =>
    (
      [
        [layer.W, layer.dW],
        [layer.b, layer.db],
      ] as const
    ).map(([p, g]) => ({
      p,
      g,
      v: new Float64Array(moments ? p.length : 0),
      s: new Float64Array(secondMoments ? p.length : 0),
    })),
  );
  const n_x = X.rows;
  const n_y = Y.rows;
  const m = X.cols;
  const Xb = new Float64Array(n_x * maxBatch);
  const Yb = new Float64Array(n_y * maxBatch);
  const weights = layers.map((layer) => layer.W);
  const { keep_prob, lambd } = settings;
  const dropout = keep_prob < 1;

  /** Draws the masks of every hidden layer for a batch of b examples, layer 1 first, row-major. */
  const drawMasks = (b: number, masks: RandomState): readonly [ReadonlyArray<Float64Array>, RandomState] => {
    const draws: Float64Array[] = [];
    let state = masks;
    for (let l = 0; l + 1 < L; l++) {
      const [uniform, next] = rand((layers[l] as Layer).n, b)(state);
      draws.push(uniform.data);
      state = next;
    }
    return [draws, state];
  };
  const reseeded = new Map<number, ReadonlyArray<Float64Array>>();
  const masksFor = (b: number, masks: RandomState): readonly [ReadonlyArray<Float64Array>, RandomState] => {
    if (settings.dropout_seed === undefined) return drawMasks(b, masks);
    const known = reseeded.get(b) ?? drawMasks(b, seedOrThrow(settings.dropout_seed))[0];
    reseeded.set(b, known);
    return [known, masks];
  };

  const forward = (input: Float64Array, b: number, masks: RandomState): RandomState => {
    let draws: ReadonlyArray<Float64Array> = NO_MASKS;
    let after = masks;
    if (dropout) [draws, after] = masksFor(b, masks);
    let A = input;
    for (let l = 0; l < L; l++) {
      const layer = layers[l] as Layer;
      const size = layer.n * b;
      const hidden = l + 1 < L;
      linearForward(layer.W, layer.b, A, layer.Z, hidden ? layer.A : undefined, layer.n, layer.nPrev, b);
      if (!hidden) sigmoidForward(layer.Z, layer.A, size);
      else if (dropout) dropoutForward(layer.A, layer.D, draws[l] as Float64Array, keep_prob, size);
      A = layer.A;
    }
    return after;
  };

  const costOf = (Yin: Float64Array, b: number): number => {
    const AL = (layers[L - 1] as Layer).A;
    const data =
      settings.cost === "nansum"
        ? nansumCrossEntropyCost(AL, Yin, n_y * b, b)
        : crossEntropyCost(AL, Yin, n_y * b, b);
    // The primal plan's l2Cost: 0 without L2, else (λ / 2m)·Σ‖W_l‖².
    return data + (lambd === 0 ? 0 : (lambd / (2 * b)) * sumOfSquaredWeights(weights));
  };

  const backward = (input: Float64Array, Yin: Float64Array, b: number): void => {
    const output = layers[L - 1] as Layer;
    if (settings.cost === "nansum") closedFormBackward(output.A, Yin, output.dZ, n_y * b);
    else sigmoidCrossEntropyBackward(output.A, Yin, output.dZ, n_y * b);
    for (let l = L - 1; l >= 0; l--) {
      const layer = layers[l] as Layer;
      const Aprev = l === 0 ? input : (layers[l - 1] as Layer).A;
      linearBackwardParameters(
        layer.dZ,
        Aprev,
        layer.W,
        layer.dW,
        layer.db,
        layer.n,
        layer.nPrev,
        b,
        lambd,
        settings.reciprocal,
      );
      if (l > 0) {
        const previous = layers[l - 1] as Layer;
        const D = dropout ? previous.D : undefined;
        backwardToPreviousLayer(
          layer.W,
          layer.dZ,
          previous.Z,
          D,
          keep_prob,
          previous.dZ,
          layer.n,
          layer.nPrev,
          b,
        );
      }
    }
  };

  // The slots' keys in the course's order: W1, b1, W2, … and dW1, db1, dW2, …
  const keys = layers.flatMap((_, l) => [`W${l + 1}`, `b${l + 1}`]);
  const nonFinite = (parameters: boolean): string | undefined => {
    const look: ReadonlyArray<readonly [string, (slot: Slot) => Float64Array, string]> = [
      ...(parameters ? [["parameters", (slot: Slot) => slot.p, ""] as const] : []),
      ...(moments ? [["v", (slot: Slot) => slot.v, "d"] as const] : []),
      ...(secondMoments ? [["s", (slot: Slot) => slot.s, "d"] as const] : []),
    ];
    for (const [name, array, prefix] of look) {
      const bad = slots.findIndex((slot) => !allFinite(array(slot)));
      if (bad >= 0) return `${name}["${prefix}${keys[bad]}"]`;
    }
    return undefined;
  };

  return {
    step: (columns, t, learning_rate, masks) => {
      let input = X.data;
      let labels = Y.data;
      let b = m;
      if (columns !== undefined) {
        b = columns.length;
        gatherColumns(X.data, n_x, m, columns, Xb);
        gatherColumns(Y.data, n_y, m, columns, Yb);
        input = Xb;
        labels = Yb;
      }
      const after = forward(input, b, masks);
      const cost = costOf(labels, b);
      if (!Number.isFinite(cost) && !settings.keepGoing) return { cost, masks: after };
      backward(input, labels, b);
      updateSlots(settings.optimizer, slots, learning_rate, t);
      return { cost, masks: after };
    },
    nonFinite,
    parameters: () =>
      fromLayers(
        layers.map(
          (layer) =>
            [
              unsafeMatrix(layer.n, layer.nPrev, layer.W.slice()),
              unsafeMatrix(layer.n, 1, layer.b.slice()),
            ] as const,
        ),
      ),
  };
};
