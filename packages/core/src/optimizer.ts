import type { Grads, Parameters } from "./parameters.js";
import type { PluginMeta } from "./plugin.js";

/** A learning rate as a function of the step (1, 2, …): constant, or a decay schedule. */
export type Schedule = (step: number) => number;

/**
 * An optimizer's state, one shape for all (Optax and TensorFlow call the per-parameter state "slots"): the
 * parameters, and each slot's dictionary under the gradient keys (momentum's `v`, Adam's `v` and `s`).
 * A plain value, so a loop is a fold and a run can be checkpointed by saving it.
 */
export interface OptimizerState {
  readonly parameters: Parameters;
  readonly slots: Readonly<Record<string, Grads>>;
}

/**
 * An optimizer in the shape of JAX's: `init` turns parameters into a state, `update` takes the step number
 * (counting from 1: Adam's `t`), the gradients and the state, and returns the next state; `params` reads
 * the parameters back out. Pure: states are values and are never modified. A building block: it trusts
 * parameters and gradients that a checked entry point accepted, and keeps every key and shape.
 */
export interface Optimizer<S = OptimizerState> {
  readonly meta: PluginMeta<"optimizer">;
  readonly init: (parameters: Parameters) => S;
  readonly update: (step: number, grads: Grads, state: S) => S;
  readonly params: (state: S) => Parameters;
}

/**
 * Hyper-parameters other than the learning rate, by the course's names (`beta`, `beta1`, `epsilon`, …):
 * the parameters of an optimizer's plugin name, given by name (the CLI's `--beta1` is `adam(beta1=…)`).
 */
export type Hyperparameters = Readonly<Record<string, number>>;

/**
 * What the registry holds for an optimizer: its name, hyper-parameters included, as every plugin's
 * (`adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)`: a plugin factory's parameters, parsed and checked by the
 * registry), and how to make one for a run's learning rate.
 */
export interface OptimizerDefinition {
  readonly meta: PluginMeta<"optimizer">;
  /**
   * True when every update is a linear combination, with scalar coefficients, of the parameters, the
   * gradients and the optimizer's state (gradient descent, momentum). Such an update commutes with a
   * linear change of coordinates, which lets @stepwise/model train the first layer in its cheaper dual
   * form. Adam (an elementwise √ of squared gradients) is not.
   */
  readonly linearInGradient: boolean;
  /** The optimizer for a learning rate (a checked schedule: see @stepwise/optimizer's `createOptimizer`). */
  readonly create: (learning_rate: Schedule) => Optimizer;
}

export const constantSchedule =
  (learning_rate: number): Schedule =>
  () =>
    learning_rate;
