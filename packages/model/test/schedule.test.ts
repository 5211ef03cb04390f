import {
  cosineDecaySchedule,
  exponentialDecaySchedule,
  gd,
  piecewiseConstantSchedule,
  scheduleFromName,
  update_lr,
} from "@stepwise/optimizer";
import { randn, seedOrThrow } from "@stepwise/random";
import { fromFunction, greater, orThrow } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { L_layer_model } from "../src/index.js";

// optax's schedules as L_layer_model's learning_rate_schedule: the rate of every update (one per
// mini-batch), each epoch's first rate in learning_rates.

const [X] = randn(4, 48)(seedOrThrow(2));
const Y = greater(
  fromFunction(1, 48, (_, j) => Math.sin(j)),
  0,
);
const base = { optimizer: gd, learning_rate: 0.1, num_iterations: 12, mini_batch_size: 16 } as const;

const trained = (options: Parameters<typeof L_layer_model>[3]) => {
  const result = L_layer_model(X, Y, [4, 3, 1], { ...base, ...options });
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

describe("L_layer_model with a learning_rate_schedule", () => {
  it.each([
    ["cosine_decay", orThrow(cosineDecaySchedule(0.1, { decay_steps: 30, alpha: 0.2 }))],
    [
      "exponential_decay, staircase",
      orThrow(exponentialDecaySchedule(0.1, { transition_steps: 6, decay_rate: 0.5, staircase: true })),
    ],
    ["piecewise_constant", orThrow(piecewiseConstantSchedule(0.1, { 9: 0.5, 24: 0.1 }))],
  ])("%s: each epoch's first update's rate is recorded (3 updates an epoch)", (_, schedule) => {
    const { learning_rates, costs } = trained({ learning_rate_schedule: schedule });
    expect(costs).toHaveLength(12);
    expect(learning_rates).toEqual(Array.from({ length: 12 }, (_, e) => schedule(3 * e + 1)));
  });

  it("changes the run: a schedule that halves the rate gives other costs than the constant rate", () => {
    const constant = trained({}).costs;
    const halved = trained({ learning_rate_schedule: () => 0.05 }).costs;
    expect(halved.at(-1)).not.toBe(constant.at(-1));
    // The same run as a constant learning rate of 0.05, bit for bit.
    expect(halved).toEqual(trained({ learning_rate: 0.05 }).costs);
  });

  it("scheduleFromName gives the same run as the builder", () => {
    const named = orThrow(scheduleFromName("cosine_decay(decay_steps=30, alpha=0.2)", 0.1));
    const built = orThrow(cosineDecaySchedule(0.1, { decay_steps: 30, alpha: 0.2 }));
    expect(trained({ learning_rate_schedule: named }).costs).toEqual(
      trained({ learning_rate_schedule: built }).costs,
    );
  });

  it("refuses a rate that is not a finite number ≥ 0, naming the step, and a decay beside a schedule", () => {
    const bad = L_layer_model(X, Y, [4, 3, 1], {
      ...base,
      learning_rate_schedule: (step) => (step === 7 ? Number.NaN : 0.1),
    });
    expect(E.isLeft(bad) && bad.left.message).toBe(
      "L_layer_model: learning_rate_schedule(7) is NaN; a schedule must give a finite learning rate ≥ 0 at every update (step 1 … 36)",
    );
    const both = L_layer_model(X, Y, [4, 3, 1], {
      ...base,
      decay: update_lr,
      learning_rate_schedule: () => 0.1,
    });
    expect(E.isLeft(both) && both.left.message).toBe(
      "L_layer_model: both decay and learning_rate_schedule are given; pass one (decay is per epoch, as the notebook's; a schedule gives every update's rate)",
    );
  });
});
