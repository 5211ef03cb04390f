import type { Grads, Parameters } from "./parameters.js";
import type { PluginMeta } from "./plugin.js";

/** A learning rate as a function of the step (1, 2, …): constant, or a decay schedule. */
export type Schedule = (step: number) => number;

/**
 * An optimizer in the shape of JAX's: `init` turns parameters into a state, `update` takes the step number
 * (counting from 1: Adam's `t`), the gradients and the state, and returns the next state; `params` reads
 * the parameters back out. Pure: states are values and are never modified.
 */
export interface Optimizer<S = unknown> {
  readonly meta: PluginMeta<"optimizer">;
  readonly init: (parameters: Parameters) => S;
  readonly update: (step: number, grads: Grads, state: S) => S;
  readonly params: (state: S) => Parameters;
}

/** Hyper-parameters other than the learning rate, by the course's names (`beta`, `beta1`, `epsilon`, …). */
export type Hyperparameters = Readonly<Record<string, number>>;

/** What the registry holds for an optimizer: its name and how to make one for a run. */
export interface OptimizerDefinition {
  readonly meta: PluginMeta<"optimizer">;
  /** Names and defaults of the hyper-parameters it accepts, e.g. `{ beta: 0.9 }`. */
  readonly defaults: Hyperparameters;
  /**
   * True when every update is a linear combination, with scalar coefficients, of the parameters, the
   * gradients and the optimizer's state (gradient descent, momentum). Such an update commutes with a
   * linear change of coordinates, which lets @stepwise/model train the first layer in its cheaper dual
   * form. Adam (an elementwise √ of squared gradients) is not.
   */
  readonly linearInGradient: boolean;
  readonly create: (learning_rate: Schedule, hyper: Hyperparameters) => Optimizer;
}

export const constantSchedule =
  (learning_rate: number): Schedule =>
  () =>
    learning_rate;
