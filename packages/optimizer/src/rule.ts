import {
  definePluginFactory,
  formatPluginName,
  type Grads,
  layerCount,
  type Optimizer,
  type OptimizerDefinition,
  type OptimizerState,
  type ParameterSpec,
  type Parameters,
  type PluginFactory,
  type PluginMeta,
  type Schedule,
} from "@stepwise/core";
import type { Matrix } from "@stepwise/tensor";
import { entry, layerKeys, type Moments, zerosLike } from "./moments.js";
import { rateAt } from "./schedules.js";

/*
 * One optimizer shape, JAX-style: an optimizer is `init / update(step, grads, state) / params` over the
 * whole dictionary, built from a rule for one matrix. Adding an optimizer is that rule plus its meta:
 *
 *   export const adagrad = defineOptimizer({
 *     name: "adagrad",
 *     parameters: { epsilon: { default: 1e-10, greaterThan: 0 } },
 *     linearInGradient: false,
 *     slots: ["s"],   // or a function of the hyper-parameters (rmsprop's `m` only when centered)
 *     step: (W, dW, { s }, { learning_rate, hyper: { epsilon } }) => { … return { W: next, slots: { s: sNext } } },
 *   });
 *
 * Its hyper-parameters live in its plugin name, as an activation's do (`rmsprop(rho=0.99, epsilon=1e-8)`):
 * the registry parses, checks and fills them in.
 */

/** One matrix's slots (momentum's `v`, Adam's `v` and `s`), by name. */
export type MatrixSlots = Readonly<Record<string, Matrix>>;

/** What a rule sees besides the matrix: this step's learning rate, the step t (from 1), the hyper-parameters. */
export interface RuleContext<P extends string = string> {
  readonly learning_rate: number;
  readonly t: number;
  readonly hyper: Readonly<Record<P, number>>;
}

/**
 * A rule's result for one matrix: its next value and slots, and what a course function reports besides.
 * `slots` holds exactly the slots it was given (an optimizer whose slots depend on its hyper-parameters,
 * as RMSProp's on `centered` and `momentum`, returns only those it has).
 */
export interface MatrixStep<S extends string = string> {
  readonly W: Matrix;
  readonly slots: Readonly<Partial<Record<S, Matrix>>>;
  /** Adam's `v_corrected` and `s_corrected`, which the course's function returns too. */
  readonly report?: MatrixSlots;
}

/**
 * The rule for one matrix: W (any parameter, W or b), its gradient and its slots → the next ones. `slots`
 * holds the slots the spec names for these hyper-parameters; a rule reads an optional one only under the
 * condition that names it.
 */
export type MatrixRule<P extends string = string, S extends string = string> = (
  W: Matrix,
  dW: Matrix,
  slots: Readonly<Record<S, Matrix>>,
  context: RuleContext<P>,
) => MatrixStep<S>;

export interface OptimizerSpec<P extends string, S extends string> {
  /** The base name, snake_case: `adam`. */
  readonly name: string;
  readonly description?: string;
  readonly package?: string;
  /** The hyper-parameters, in the order of the canonical name, each with its default and range. */
  readonly parameters: Readonly<Record<P, ParameterSpec>>;
  /**
   * True when every update is a linear combination, with scalar coefficients, of the parameters, the
   * gradients and the slots (gradient descent, momentum): what lets @stepwise/model use its dual plan.
   */
  readonly linearInGradient: boolean;
  /**
   * The slots' names, each started at zeros shaped like its parameter; a function of the hyper-parameters
   * when some exist only for some settings (RMSProp's mean gradient only when centered, as in PyTorch).
   */
  readonly slots: ReadonlyArray<S> | ((hyper: Readonly<Record<P, number>>) => ReadonlyArray<S>);
  readonly step: MatrixRule<P, S>;
}

/** A dictionary-wide step's result: new parameters, slots, and the rule's reports, by name. */
export interface DictionaryStep {
  readonly parameters: Parameters;
  readonly slots: Readonly<Record<string, Moments>>;
  readonly report: Readonly<Record<string, Moments>>;
}

const collect = (
  names: Iterable<string>,
  entries: ReadonlyArray<
    readonly [key: string, values: Readonly<Partial<Record<string, Matrix>>> | undefined]
  >,
): Record<string, Moments> =>
  Object.fromEntries(
    [...names].map((name) => [
      name,
      Object.fromEntries(
        entries.flatMap(([key, values]) => {
          const m = values?.[name];
          return m === undefined ? [] : [[key, m]];
        }),
      ),
    ]),
  );

/**
 * The rule over a whole dictionary, parameter by parameter in the course's order (W1, b1, W2, …): each
 * W_l with dW_l and its slots under dW_l. No checks: the callers checked (a course function) or trust
 * what was checked (an optimizer's update).
 */
export const stepDictionary = <P extends string, S extends string>(
  rule: MatrixRule<P, S>,
  slotNames: ReadonlyArray<S>,
  parameters: Parameters,
  grads: Grads,
  slots: Readonly<Record<string, Grads>>,
  context: RuleContext<P>,
): DictionaryStep => {
  const steps = layerKeys(layerCount(parameters)).map(([p, d]) => {
    const mine = Object.fromEntries(
      slotNames.map((name) => [name, entry(slots[name] ?? {}, d, name)]),
    ) as Record<S, Matrix>;
    return [p, d, rule(entry(parameters, p, "parameters"), entry(grads, d, "grads"), mine, context)] as const;
  });
  const reported = new Set(steps.flatMap(([, , step]) => Object.keys(step.report ?? {})));
  return {
    parameters: Object.fromEntries(steps.map(([p, , step]) => [p, step.W])),
    slots: collect(
      slotNames,
      steps.map(([, d, step]) => [d, step.slots]),
    ),
    report: collect(
      reported,
      steps.map(([, d, step]) => [d, step.report]),
    ),
  };
};

/** Each slot at zeros shaped like its parameter: the course's initialize_velocity and initialize_adam. */
export const initialSlots = (
  slotNames: ReadonlyArray<string>,
  parameters: Parameters,
): Record<string, Moments> =>
  Object.fromEntries(slotNames.map((name) => [name, zerosLike(parameters, layerCount(parameters))]));

/** The slots a spec has with these hyper-parameters. */
export const slotNamesOf = <P extends string, S extends string>(
  spec: Pick<OptimizerSpec<P, S>, "slots">,
  hyper: Readonly<Record<P, number>>,
): ReadonlyArray<S> => (typeof spec.slots === "function" ? spec.slots(hyper) : spec.slots);

/** The JAX-style optimizer of a rule with its hyper-parameters fixed and a learning-rate schedule. */
const optimizerOf = <P extends string, S extends string>(
  spec: OptimizerSpec<P, S>,
  meta: PluginMeta<"optimizer">,
  hyper: Readonly<Record<P, number>>,
  schedule: Schedule,
): Optimizer => {
  const slotNames = slotNamesOf(spec, hyper);
  return Object.freeze({
    meta,
    init: (parameters: Parameters): OptimizerState => ({
      parameters,
      slots: initialSlots(slotNames, parameters),
    }),
    update: (step: number, grads: Grads, state: OptimizerState): OptimizerState => {
      const { parameters, slots } = stepDictionary(
        spec.step,
        slotNames,
        state.parameters,
        grads,
        state.slots,
        {
          learning_rate: rateAt(`${meta.name}.update`, schedule, step),
          t: step,
          hyper,
        },
      );
      return { parameters, slots };
    },
    params: (state: OptimizerState) => state.parameters,
  });
};

/**
 * An optimizer plugin from its rule for one matrix: a plugin factory whose parameters are the
 * hyper-parameters (`adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)`), making an `OptimizerDefinition`
 * whose `create(learning_rate)` is the JAX-style optimizer.
 */
export const defineOptimizer = <const P extends string, const S extends string>(
  spec: OptimizerSpec<P, S>,
): PluginFactory<"optimizer"> =>
  definePluginFactory({
    kind: "optimizer",
    name: spec.name,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(spec.package === undefined ? {} : { package: spec.package }),
    parameters: spec.parameters,
    create: (hyper): OptimizerDefinition => {
      const meta: PluginMeta<"optimizer"> = Object.freeze({
        kind: "optimizer",
        // The canonical name, as the registry names the definition: adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0).
        name: formatPluginName(
          spec.name,
          (Object.keys(spec.parameters) as P[]).map((key) => [key, hyper[key]] as const),
        ),
        ...(spec.description === undefined ? {} : { description: spec.description }),
        ...(spec.package === undefined ? {} : { package: spec.package }),
      });
      return Object.freeze({
        meta,
        linearInGradient: spec.linearInGradient,
        create: (learning_rate: Schedule) => optimizerOf(spec, meta, hyper, learning_rate),
      });
    },
  });
