import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import type { Activation } from "@stepwise/core";
import { invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/**
 * Which activations a network uses: `hidden` is one activation for every hidden layer, or a list with one
 * per hidden layer (layer 1 first, L − 1 of them); `output` is the last layer's.
 */
export interface NetworkSpec {
  readonly hidden: Activation | ReadonlyArray<Activation>;
  readonly output: Activation;
}

/** The course's choice: ReLU hidden layers, a sigmoid output. */
export const courseSpec: NetworkSpec = { hidden: relu, output: sigmoid };

const isList = (hidden: NetworkSpec["hidden"]): hidden is ReadonlyArray<Activation> => Array.isArray(hidden);

/** The activation of layer l (1-based) in an L-layer network. */
export const activationOf = (spec: NetworkSpec, l: number, L: number): Activation => {
  if (l === L) return spec.output;
  const { hidden } = spec;
  return isList(hidden) ? (hidden[l - 1] as Activation) : hidden;
};

/** The L − 1 hidden layers' activations, layer 1 first. */
export const hiddenActivations = (spec: NetworkSpec, L: number): ReadonlyArray<Activation> =>
  Array.from({ length: L - 1 }, (_, i) => activationOf(spec, i + 1, L));

/** The activation every hidden layer shares, or undefined when they differ (or there are none). */
export const sharedHiddenActivation = (spec: NetworkSpec, L: number): Activation | undefined => {
  const all = hiddenActivations(spec, L);
  const first = all[0];
  return first !== undefined && all.every((a) => a === first) ? first : undefined;
};

/** A per-layer `hidden` list must name one activation per hidden layer. */
export const checkSpec = (fn: string, spec: NetworkSpec, L: number): E.Either<StepwiseError, NetworkSpec> =>
  !isList(spec.hidden) || spec.hidden.length === L - 1
    ? E.right(spec)
    : E.left(
        invalidArgument(
          `${fn}: spec.hidden lists ${spec.hidden.length} activation(s) but the network has ${L - 1} hidden layer(s); give one per hidden layer (layer 1 first), or a single activation for all of them`,
        ),
      );
