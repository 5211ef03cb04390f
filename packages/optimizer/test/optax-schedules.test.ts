import type { Schedule } from "@stepwise/core";
import { orThrow } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  cosineDecaySchedule,
  exponentialDecaySchedule,
  inverseTimeDecaySchedule,
  piecewiseConstantSchedule,
  scheduleFromName,
} from "../src/index.js";

/*
 * Expected rates from optax's formulas (and jax.example_libraries' inverse_time_decay), evaluated in numpy
 * float64 at count = step − 1 by this script; its output is pasted below as [step, rate] pairs:
 *
 *   import numpy as np
 *   def exponential_decay(init, transition_steps, decay_rate, transition_begin=0, staircase=False, end_value=None):
 *       def f(count):
 *           c = count - transition_begin; p = c / transition_steps
 *           if staircase: p = np.floor(p)
 *           v = init if c <= 0 else init * np.power(decay_rate, p)
 *           if end_value is not None: v = max(v, end_value) if decay_rate < 1 else min(v, end_value)
 *           return float(v)
 *       return f
 *   def inverse_time_decay(init, decay_steps, decay_rate, staircase=False):
 *       return (lambda i: init / (1 + decay_rate * np.floor(i / decay_steps))) if staircase \
 *           else (lambda i: init / (1 + decay_rate * i / decay_steps))
 *   def piecewise_constant(init, bs):
 *       def f(count):
 *           v = init
 *           for t in sorted(bs):
 *               ind = max(0., np.sign(t - count)); v = v * ind + (1 - ind) * bs[t] * v
 *           return float(v)
 *       return f
 *   def cosine_decay(init, decay_steps, alpha=0.0, exponent=1.0):
 *       def f(count):
 *           count = min(count, decay_steps); cd = 0.5 * (1 + np.cos(np.pi * count / decay_steps))
 *           return float(init * ((1 - alpha) * cd ** exponent + alpha))
 *       return f
 *   for f, counts in [(exponential_decay(0.1, 10, 0.5), [0, 1, 5, 10, 15, 25]), …]:
 *       print([(c + 1, repr(f(c))) for c in counts])
 *
 * Compared to 1e-15 relative: +, −, ×, ÷ and floor are exact in both, pow and cos are libm's, within an ulp.
 */
const table: ReadonlyArray<
  readonly [name: string, schedule: Schedule, expected: ReadonlyArray<readonly [number, number]>]
> = [
  [
    // 0.1 · 0.5^(count / 10)
    "exponential_decay(0.1, transition_steps=10, decay_rate=0.5)",
    orThrow(exponentialDecaySchedule(0.1, { transition_steps: 10, decay_rate: 0.5 })),
    [
      [1, 0.1],
      [2, 0.09330329915368074],
      [6, 0.07071067811865477],
      [11, 0.05],
      [16, 0.03535533905932738],
      [26, 0.01767766952966369],
    ],
  ],
  [
    // 0.1 · 0.5^⌊count / 10⌋
    "exponential_decay(…, staircase)",
    orThrow(exponentialDecaySchedule(0.1, { transition_steps: 10, decay_rate: 0.5, staircase: true })),
    [
      [1, 0.1],
      [10, 0.1],
      [11, 0.05],
      [20, 0.05],
      [21, 0.025],
      [26, 0.025],
    ],
  ],
  [
    // 0.1 until count 5, then 0.1 · 0.5^((count − 5) / 10)
    "exponential_decay(…, transition_begin=5)",
    orThrow(exponentialDecaySchedule(0.1, { transition_steps: 10, decay_rate: 0.5, transition_begin: 5 })),
    [
      [1, 0.1],
      [6, 0.1],
      [7, 0.09330329915368074],
      [16, 0.05],
      [31, 0.01767766952966369],
    ],
  ],
  [
    // max(0.1 · 0.5^(count / 10), 0.03)
    "exponential_decay(…, end_value=0.03)",
    orThrow(exponentialDecaySchedule(0.1, { transition_steps: 10, decay_rate: 0.5, end_value: 0.03 })),
    [
      [1, 0.1],
      [11, 0.05],
      [18, 0.03077861033362291],
      [19, 0.03],
      [101, 0.03],
    ],
  ],
  [
    // min(0.1 · 2^(count / 10), 0.5): a growth rate makes end_value a ceiling
    "exponential_decay(0.1, transition_steps=10, decay_rate=2, end_value=0.5)",
    orThrow(exponentialDecaySchedule(0.1, { transition_steps: 10, decay_rate: 2, end_value: 0.5 })),
    [
      [1, 0.1],
      [11, 0.2],
      [24, 0.4924577653379665],
      [25, 0.5],
      [101, 0.5],
    ],
  ],
  [
    // 0.5 / (1 + 2·count / 10)
    "inverse_time_decay(0.5, decay_steps=10, decay_rate=2)",
    orThrow(inverseTimeDecaySchedule(0.5, { decay_steps: 10, decay_rate: 2 })),
    [
      [1, 0.5],
      [2, 0.4166666666666667],
      [10, 0.17857142857142858],
      [11, 0.16666666666666666],
      [26, 0.08333333333333333],
    ],
  ],
  [
    // 0.5 / (1 + 2·⌊count / 10⌋)
    "inverse_time_decay(…, staircase)",
    orThrow(inverseTimeDecaySchedule(0.5, { decay_steps: 10, decay_rate: 2, staircase: true })),
    [
      [1, 0.5],
      [10, 0.5],
      [11, 0.16666666666666666],
      [20, 0.16666666666666666],
      [26, 0.1],
    ],
  ],
  [
    // 0.1, ×0.5 from count 3, ×0.1 more from count 7
    "piecewise_constant(0.1, {3: 0.5, 7: 0.1})",
    orThrow(piecewiseConstantSchedule(0.1, { 3: 0.5, 7: 0.1 })),
    [
      [1, 0.1],
      [3, 0.1],
      [4, 0.05],
      [7, 0.05],
      [8, 0.005000000000000001],
      [101, 0.005000000000000001],
    ],
  ],
  [
    // 0.2 · (0.9 · ½(1 + cos(π·min(count, 100)/100)) + 0.1)
    "cosine_decay(0.2, decay_steps=100, alpha=0.1)",
    orThrow(cosineDecaySchedule(0.2, { decay_steps: 100, alpha: 0.1 })),
    [
      [1, 0.2],
      [2, 0.19995559043291586],
      [51, 0.11000000000000001],
      [100, 0.020044409567084157],
      [101, 0.020000000000000004],
      [151, 0.020000000000000004],
    ],
  ],
  [
    // 0.2 · (0.9 · (½(1 + cos(π·min(count, 100)/100)))² + 0.1)
    "cosine_decay(…, exponent=2)",
    orThrow(cosineDecaySchedule(0.2, { decay_steps: 100, alpha: 0.1, exponent: 2 })),
    [
      [1, 0.2],
      [2, 0.19991119182255196],
      [51, 0.065],
      [100, 0.02000001095672027],
      [101, 0.020000000000000004],
      [151, 0.020000000000000004],
    ],
  ],
];

describe("optax's schedules, at count = step − 1", () => {
  it.each(table)("%s", (_, schedule, expected) => {
    for (const [step, rate] of expected)
      expect(
        Math.abs(schedule(step) - rate),
        `step ${step}: ${schedule(step)} vs ${rate}`,
      ).toBeLessThanOrEqual(1e-15 * rate);
  });

  it("are pure: the same step gives the same rate, in any order", () => {
    for (const [, schedule, expected] of table) {
      const forward = expected.map(([step]) => schedule(step));
      const backward = [...expected]
        .reverse()
        .map(([step]) => schedule(step))
        .reverse();
      expect(backward).toEqual(forward);
    }
  });
});

describe("checked when made, with messages that say what to fix", () => {
  const message = (e: E.Either<{ message: string }, unknown>): string => (E.isLeft(e) ? e.left.message : "");
  it("refuses settings out of range", () => {
    expect(message(exponentialDecaySchedule(0.1, { transition_steps: 0, decay_rate: 0.5 }))).toBe(
      "exponentialDecaySchedule: transition_steps is 0; pass a whole number > 0 (updates per factor decay_rate)",
    );
    expect(
      message(exponentialDecaySchedule(0.1, { transition_steps: 10, decay_rate: 0.5, end_value: -1 })),
    ).toBe("exponentialDecaySchedule: end_value is -1; pass a finite number ≥ 0, or leave it out");
    expect(message(cosineDecaySchedule(0.1, { decay_steps: 10, alpha: 2 }))).toBe(
      "cosineDecaySchedule: alpha is 2; pass a number in [0, 1] (the final rate, as a fraction of init_value)",
    );
    expect(message(inverseTimeDecaySchedule(Number.NaN, { decay_steps: 10, decay_rate: 1 }))).toContain(
      "inverseTimeDecaySchedule: init_value is NaN; pass a finite number ≥ 0",
    );
    expect(message(piecewiseConstantSchedule(0.1, { 3: -0.5 }))).toBe(
      "piecewiseConstantSchedule: the scale at boundary 3 is -0.5; pass a finite number ≥ 0",
    );
  });

  it("a step before 1 is a caller's bug, thrown", () => {
    const schedule = orThrow(cosineDecaySchedule(0.1, { decay_steps: 10 }));
    expect(() => schedule(0)).toThrow(/cosineDecaySchedule: step is 0/);
  });
});

describe("scheduleFromName: what --decay will take", () => {
  it("builds the same schedules from their names", () => {
    const pairs: ReadonlyArray<readonly [string, Schedule]> = [
      [
        "exponential_decay(transition_steps=10, decay_rate=0.5, staircase=1, end_value=0.03)",
        orThrow(
          exponentialDecaySchedule(0.1, {
            transition_steps: 10,
            decay_rate: 0.5,
            staircase: 1,
            end_value: 0.03,
          }),
        ),
      ],
      [
        "inverse_time_decay(decay_steps=10, decay_rate=2)",
        orThrow(inverseTimeDecaySchedule(0.1, { decay_steps: 10, decay_rate: 2 })),
      ],
      [
        "cosine_decay(decay_steps=100, alpha=0.1, exponent=2)",
        orThrow(cosineDecaySchedule(0.1, { decay_steps: 100, alpha: 0.1, exponent: 2 })),
      ],
      ["piecewise_constant(at_3=0.5, at_7=0.1)", orThrow(piecewiseConstantSchedule(0.1, { 3: 0.5, 7: 0.1 }))],
    ];
    for (const [name, expected] of pairs) {
      const byName = orThrow(scheduleFromName(name, 0.1));
      for (const step of [1, 2, 5, 11, 30, 150])
        expect([name, step, byName(step)]).toEqual([name, step, expected(step)]);
    }
  });

  it("names what is wrong", () => {
    const message = (text: string): string => {
      const got = scheduleFromName(text, 0.1);
      return E.isLeft(got) ? got.left.message : "";
    };
    expect(message("linear_decay(steps=3)")).toBe(
      'linear_decay(steps=3): unknown schedule "linear_decay"; the schedules: exponential_decay, inverse_time_decay, cosine_decay, piecewise_constant',
    );
    expect(message("cosine_decay(alpha=0.1)")).toBe(
      "cosine_decay(alpha=0.1): give decay_steps, e.g. cosine_decay(decay_steps=100)",
    );
    expect(message("piecewise_constant(after=3)")).toBe(
      'piecewise_constant: "after" is not a boundary; write at_<count>=<scale>, e.g. piecewise_constant(at_1000=0.5)',
    );
    expect(message("cosine_decay(decay_steps=10, warmup=3)")).toBe(
      'cosineDecaySchedule: it has no setting "warmup"; its settings: decay_steps, alpha, exponent',
    );
  });
});
