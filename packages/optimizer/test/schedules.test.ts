import { orThrow } from "@stepwise/tensor";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  constantSchedule,
  epochOf,
  inverseTimeDecay,
  schedule_lr_decay,
  stepInverseTimeDecay,
  toSchedule,
  update_lr,
} from "../src/index.js";
import { rateAt } from "../src/schedules.js";
import course from "./fixtures/optimization-methods.json" with { type: "json" };
import { thrown } from "./helpers.js";

describe("update_lr", () => {
  it("matches the notebook's Expected Output: update_lr(0.5, 2, 1) = 0.16666666666666666", () => {
    expect(orThrow(update_lr(0.5, 2, 1))).toBe(0.16666666666666666);
  });

  it.each(course.update_lr.map((c) => [c.args, c.expected] as const))(
    "update_lr(%j) is exactly Python's %s",
    ([lr0, epoch, rate], expected) => {
      expect(orThrow(update_lr(lr0 ?? Number.NaN, epoch ?? Number.NaN, rate ?? Number.NaN))).toBe(expected);
    },
  );

  it("rejects negative or non-finite arguments", () => {
    expect(thrown(() => update_lr(Number.NaN, 1, 1)).message).toBe(
      "update_lr: learning_rate0 is NaN; pass a finite number ≥ 0",
    );
    expect(thrown(() => update_lr(0.5, -1, 1)).message).toContain("update_lr: epoch_num is -1");
    expect(thrown(() => update_lr(0.5, 1, Number.POSITIVE_INFINITY)).message).toContain(
      "update_lr: decay_rate is Infinity",
    );
  });
});

describe("schedule_lr_decay", () => {
  it("matches the notebook's Expected Output (0.5, decay_rate 0.3, time_interval 100: 0.5 after 10 epochs, 0.3846… after 100)", () => {
    expect(orThrow(schedule_lr_decay(0.5, 10, 0.3, 100))).toBe(0.5);
    expect(orThrow(schedule_lr_decay(0.5, 100, 0.3, 100))).toBe(0.3846153846153846);
  });

  it("time_interval defaults to 1000", () => {
    expect(orThrow(schedule_lr_decay(0.5, 100, 1))).toBe(0.5);
    expect(orThrow(schedule_lr_decay(0.5, 999, 1))).toBe(0.5);
    expect(orThrow(schedule_lr_decay(0.5, 1000, 1))).toBe(0.25);
  });

  it.each(course.schedule_lr_decay.map((c) => [c.args, c.expected] as const))(
    "schedule_lr_decay(%j) is exactly Python's %s",
    ([lr0, epoch, rate, interval], expected) => {
      expect(
        orThrow(
          schedule_lr_decay(
            lr0 ?? Number.NaN,
            epoch ?? Number.NaN,
            rate ?? Number.NaN,
            interval ?? Number.NaN,
          ),
        ),
      ).toBe(expected);
    },
  );

  it("rejects time_interval ≤ 0", () => {
    expect(thrown(() => schedule_lr_decay(0.5, 1, 1, 0)).message).toBe(
      "schedule_lr_decay: time_interval is 0; pass a finite number > 0",
    );
  });

  it("is update_lr held constant over each interval", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(100_000),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        (lr0, epoch, rate, interval) =>
          orThrow(schedule_lr_decay(lr0, epoch, rate, interval)) ===
          orThrow(update_lr(lr0, Math.floor(epoch / interval), rate)),
      ),
    );
  });
});

describe("schedules: step (1, 2, … one per update) → epoch_num", () => {
  it("epochOf counts epochs from 0, stepsPerEpoch updates each, optionally lagging the course's way", () => {
    expect([1, 2, 3].map((s) => epochOf(s))).toEqual([0, 1, 2]);
    expect([1, 5, 6, 10, 11].map((s) => epochOf(s, { stepsPerEpoch: 5 }))).toEqual([0, 0, 1, 1, 2]);
    expect([1, 2, 3, 4].map((s) => epochOf(s, { lagByOneEpoch: true }))).toEqual([0, 0, 1, 2]);
  });

  it("inverseTimeDecay is update_lr at the step's epoch", () => {
    const schedule = orThrow(inverseTimeDecay(0.5, 1));
    expect([1, 2, 3].map(schedule)).toEqual([0.5, 0.25, 0.16666666666666666]);
    const perMiniBatch = orThrow(inverseTimeDecay(0.5, 1, { stepsPerEpoch: 3 }));
    expect([1, 3, 4, 7].map(perMiniBatch)).toEqual([0.5, 0.5, 0.25, 0.16666666666666666]);
  });

  it("inverseTimeDecay with the course's lag reproduces model()'s learning rates epoch by epoch", () => {
    // The course: for i in range(num_epochs): (train epoch i at learning_rate); learning_rate = update_lr(lr0, i, rate)
    const lr0 = 0.1;
    const rate = 0.3;
    const course: number[] = [];
    let learning_rate = lr0;
    for (let i = 0; i < 6; i++) {
      course.push(learning_rate);
      learning_rate = orThrow(update_lr(lr0, i, rate));
    }
    const schedule = orThrow(inverseTimeDecay(lr0, rate, { lagByOneEpoch: true }));
    expect([1, 2, 3, 4, 5, 6].map(schedule)).toEqual(course);
  });

  it("stepInverseTimeDecay is schedule_lr_decay at the step's epoch", () => {
    const schedule = orThrow(stepInverseTimeDecay(0.5, 1, 2));
    expect([1, 2, 3, 4, 5].map(schedule)).toEqual([0.5, 0.5, 0.25, 0.25, 0.5 / 3]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        (step) =>
          orThrow(stepInverseTimeDecay(0.5, 0.3))(step) === orThrow(schedule_lr_decay(0.5, step - 1, 0.3)),
      ),
    );
  });

  it("schedules never increase", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (step, rate) => {
          const a = orThrow(inverseTimeDecay(0.1, rate));
          const b = orThrow(stepInverseTimeDecay(0.1, rate, 7));
          return a(step + 1) <= a(step) && b(step + 1) <= b(step);
        },
      ),
    );
  });

  it("reject bad arguments when made, and steps the Optimizer contract never produces", () => {
    expect(thrown(() => inverseTimeDecay(-1, 1)).message).toMatch(
      /^inverseTimeDecay: learning_rate0 is -1; pass a finite number ≥ 0/,
    );
    expect(thrown(() => inverseTimeDecay(0.1, 1, { stepsPerEpoch: 0 })).message).toMatch(
      /^inverseTimeDecay: stepsPerEpoch is 0/,
    );
    expect(thrown(() => stepInverseTimeDecay(0.1, 1, -5)).message).toMatch(
      /^stepInverseTimeDecay: time_interval is -5/,
    );
    expect(thrown(() => orThrow(inverseTimeDecay(0.1, 1))(0)).message).toMatch(
      /^inverseTimeDecay: step is 0; step counts updates from 1/,
    );
  });
});

describe("toSchedule and rateAt", () => {
  it("a number is a checked constant schedule; a function is kept", () => {
    expect(orThrow(toSchedule("sgd", 0.3))(17)).toBe(0.3);
    const f = (step: number) => 1 / step;
    expect(toSchedule("sgd", f)).toEqual(E.right(f));
    expect(thrown(() => toSchedule("sgd", Number.NaN)).message).toMatch(/^sgd: learning_rate is NaN/);
  });

  it("rateAt blames the schedule for a NaN or negative rate", () => {
    expect(rateAt("adam.update", constantSchedule(0.01), 3)).toBe(0.01);
    expect(thrown(() => rateAt("adam.update", () => Number.NaN, 3)).message).toBe(
      "adam.update: the learning-rate schedule returned NaN at step 3; a schedule must return a finite number ≥ 0 for every step ≥ 1",
    );
    expect(thrown(() => rateAt("gd.update", () => -1, 1))._tag).toBe("InvalidArgument");
  });
});
