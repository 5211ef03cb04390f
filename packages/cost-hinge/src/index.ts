import { defineCost } from "@stepwise/core";

/** The label as ±1: y > 0 is the positive class, anything else (0 or −1) the negative one. */
const signed = (y: number): number => (y > 0 ? 1 : -1);

/**
 * Hinge loss for a raw score a (pair it with the `identity` output): per unit `max(0, 1 − t·a)` with
 * t = +1 for y > 0 and −1 otherwise, so labels may be the SVM's {−1, 1} or the course's {0, 1}.
 * `dAL = −t` where t·a < 1, else 0 (at the kink t·a = 1 it is 0). Predict the positive class for a > 0.
 */
export const hinge = defineCost({
  name: "hinge",
  package: "@stepwise/cost-hinge",
  description: "hinge loss: max(0, 1 - t·a) with t = +1 for y > 0, -1 otherwise",
  labels: { min: -1, max: 1, description: "-1 or 1, or the course's 0 and 1" },
  loss: (a, y) => Math.max(0, 1 - signed(y) * a),
  derivative: (a, y) => (signed(y) * a < 1 ? -signed(y) : 0),
});

/** What `stepwise --plugin @stepwise/cost-hinge` registers. */
export const plugins = [hinge];
