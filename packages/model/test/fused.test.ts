import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { tanh } from "@stepwise/activation-tanh";
import { binary_cross_entropy, binary_cross_entropy_nansum } from "@stepwise/cost-binary-cross-entropy";
import { initialize_parameters_he, initialize_parameters_random } from "@stepwise/init";
import { adam, cosineDecaySchedule, gd, momentum, schedule_lr_decay, update_lr } from "@stepwise/optimizer";
import { randn, seedOrThrow } from "@stepwise/random";
import { fromFunction, greater, jsBackend, type Matrix, orThrow } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { isTrainingStopped, L_layer_model, type TrainOptions } from "../src/index.js";

/*
 * The fused step (src/fused/) must give the bits the course functions give composed on the js backend.
 * The composed path runs on a copy of the js backend: the same kernels, but not the object the fused step
 * is chosen for.
 */

// Six features (matmul's blocks of four and a tail), 50 examples (batches of 16 leave one of 2).
const [X] = randn(6, 50)(seedOrThrow(7));
const Y = greater(
  fromFunction(1, 50, (_, j) => Math.sin(j * 1.3) + 0.3 * Math.cos(j)),
  0,
);
const layers = [6, 5, 4, 1];
const composedBackend = { ...jsBackend, name: "js (composed)" };

const both = (
  options: TrainOptions,
  data: readonly [Matrix, Matrix, ReadonlyArray<number>] = [X, Y, layers],
) => {
  const [x, y, dims] = data;
  const fused = L_layer_model(x, y, dims, options);
  const composed = L_layer_model(x, y, dims, { ...options, backend: composedBackend });
  return [fused, composed] as const;
};

// Two features, as every 2-D data set (moons, circles, football): the kernels' two-input paths (the first
// layer's product and gradients) and their few-rows path (back from a layer of one or two units).
const [X2] = randn(2, 50)(seedOrThrow(8));

const bits = (xs: ReadonlyArray<number> | Float64Array | undefined): ReadonlyArray<string> =>
  Array.from(xs ?? [], (x) => (Object.is(x, -0) ? "-0" : String(x)));

const base: TrainOptions = {
  learning_rate: 0.05,
  num_iterations: 40,
  seed: 2,
  init: initialize_parameters_he,
};

const cases: ReadonlyArray<readonly [string, TrainOptions]> = [
  ["gradient descent, full batch", { optimizer: gd }],
  ["gd with L2, 1/m averaging", { optimizer: gd, lambd: 0.7, batchMean: "reciprocal" }],
  [
    "momentum on reseeded mini-batches, nansum cost",
    { optimizer: momentum, mini_batch_size: 16, shuffle_seed: 10, cost: binary_cross_entropy_nansum },
  ],
  [
    "Adam on mini-batches from the run's generator",
    { optimizer: adam, learning_rate: 0.01, mini_batch_size: 16 },
  ],
  [
    "Adam with β's of its own and schedule_lr_decay",
    {
      optimizer: adam,
      optimizer_hyperparameters: { beta1: 0.8, beta2: 0.99, epsilon: 1e-7 },
      mini_batch_size: 16,
      shuffle_seed: 3,
      decay: (lr0, e, r) => schedule_lr_decay(lr0, e, r, 7),
      decay_rate: 0.5,
    },
  ],
  [
    "Adam with optax's cosine decay, one rate per update",
    {
      optimizer: adam,
      learning_rate: 0.01,
      mini_batch_size: 16,
      learning_rate_schedule: orThrow(cosineDecaySchedule(0.01, { decay_steps: 40, alpha: 0.1 })),
    },
  ],
  ["dropout from the run's generator", { optimizer: gd, keep_prob: 0.8 }],
  [
    "dropout reseeded every pass, on mini-batches, with update_lr",
    { optimizer: momentum, keep_prob: 0.7, dropout_seed: 1, mini_batch_size: 16, decay: update_lr },
  ],
  [
    "randn·10 with nansum, training on past inf",
    {
      optimizer: gd,
      init: initialize_parameters_random(10),
      cost: binary_cross_entropy_nansum,
      keepGoingOnNonFinite: true,
    },
  ],
];

describe("the fused step gives the composed ops' bits", () => {
  it.each(cases)("%s", (_, options) => {
    const [fused, composed] = both({ ...base, ...options });
    if (E.isLeft(fused) || E.isLeft(composed)) throw new Error("training failed");
    expect(fused.right.fused).toBe(true);
    expect(composed.right.fused).toBeUndefined();
    expect(bits(fused.right.costs)).toEqual(bits(composed.right.costs));
    expect(bits(fused.right.learning_rates)).toEqual(bits(composed.right.learning_rates));
    const fusedParameters: Readonly<Record<string, Matrix | undefined>> = fused.right.parameters;
    for (const [key, m] of Object.entries(composed.right.parameters))
      expect(bits(fusedParameters[key]?.data), key).toEqual(bits(m?.data));
  });

  it("the randn·10 case does pass through infinite costs", () => {
    const [fused] = both({ ...base, ...(cases.at(-1)?.[1] ?? {}) });
    expect(E.isRight(fused) && fused.right.costs.some((c) => c === Number.POSITIVE_INFINITY)).toBe(true);
  });

  it("stops where the composed ops stop: a NaN cost without keepGoingOnNonFinite", () => {
    const [fused, composed] = both({
      ...base,
      init: initialize_parameters_random(10),
      cost: binary_cross_entropy,
    });
    if (E.isRight(fused) || E.isRight(composed)) throw new Error("expected both to stop");
    expect(isTrainingStopped(fused.left) && isTrainingStopped(composed.left)).toBe(true);
    expect(fused.left.message).toBe(composed.left.message);
    if (isTrainingStopped(fused.left) && isTrainingStopped(composed.left))
      expect(bits(fused.left.partial.costs)).toEqual(bits(composed.left.partial.costs));
  });
});

describe("the fused step on two features gives the composed ops' bits", () => {
  const twoFeatureCases: ReadonlyArray<readonly [string, ReadonlyArray<number>, TrainOptions]> = [
    [
      "2-5-2-1, Adam on reseeded mini-batches",
      [2, 5, 2, 1],
      { optimizer: adam, mini_batch_size: 16, shuffle_seed: 10 },
    ],
    [
      "2-7-1, gd with L2 and 1/m averaging",
      [2, 7, 1],
      { optimizer: gd, lambd: 0.7, batchMean: "reciprocal" },
    ],
    [
      "2-6-2-1, dropout reseeded every pass, nansum cost",
      [2, 6, 2, 1],
      { optimizer: momentum, keep_prob: 0.8, dropout_seed: 1, cost: binary_cross_entropy_nansum },
    ],
  ];
  it.each(twoFeatureCases)("%s", (_, dims, options) => {
    const [fused, composed] = both({ ...base, ...options }, [X2, Y, dims]);
    if (E.isLeft(fused) || E.isLeft(composed)) throw new Error("training failed");
    expect(fused.right.fused).toBe(true);
    expect(bits(fused.right.costs)).toEqual(bits(composed.right.costs));
    const fusedParameters: Readonly<Record<string, Matrix | undefined>> = fused.right.parameters;
    for (const [key, m] of Object.entries(composed.right.parameters))
      expect(bits(fusedParameters[key]?.data), key).toEqual(bits(m?.data));
  });
});

describe("when the fused step is taken", () => {
  const fusedFlag = (options: TrainOptions) => {
    const result = L_layer_model(X, Y, layers, { ...base, num_iterations: 2, ...options });
    return E.isRight(result) ? result.right.fused : "failed";
  };
  it("for the course's network, either binary cross-entropy and gd, momentum or Adam on the js backend", () => {
    expect(fusedFlag({ spec: { hidden: relu, output: sigmoid } })).toBe(true);
  });
  it("not for other activations, another backend, or the dual plan", () => {
    expect(fusedFlag({ spec: { hidden: tanh, output: sigmoid } })).toBeUndefined();
    expect(fusedFlag({ backend: composedBackend })).toBeUndefined();
    expect(fusedFlag({ plan: "dual" })).toBeUndefined();
  });
});
