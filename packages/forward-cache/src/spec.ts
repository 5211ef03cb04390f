import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import type { Activation } from "@stepwise/core";

/** Which activations a network uses: one for every hidden layer and one for the output layer. */
export interface NetworkSpec {
  readonly hidden: Activation;
  readonly output: Activation;
}

/** The course's choice: ReLU hidden layers, a sigmoid output. */
export const courseSpec: NetworkSpec = { hidden: relu, output: sigmoid };

/** The activation of layer l (1-based) in an L-layer network. */
export const activationOf = (spec: NetworkSpec, l: number, L: number): Activation =>
  l === L ? spec.output : spec.hidden;
