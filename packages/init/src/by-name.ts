import { unknownPlugin } from "@stepwise/core";
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import {
  type Initializer,
  initialize_parameters,
  initialize_parameters_deep,
  initialize_parameters_he,
  initialize_parameters_random,
  initialize_parameters_xavier_normal,
  initialize_parameters_xavier_uniform,
  initialize_parameters_zeros,
} from "./initializers.js";

/** `randn · 0.01` for any depth; with three sizes it is the course's two-layer `initialize_parameters`. */
const twoLayerStyle: Initializer = (layer_dims, rng) =>
  layer_dims.length === 3
    ? initialize_parameters(layer_dims[0] as number, layer_dims[1] as number, layer_dims[2] as number, rng)
    : initialize_parameters_random(0.01)(layer_dims, rng);

/** The initializers by the names the trainer's `--init` accepts. */
export const initializers: Readonly<Record<string, Initializer>> = {
  deep: initialize_parameters_deep,
  "two-layer": twoLayerStyle,
  he: initialize_parameters_he,
  xavier: initialize_parameters_xavier_normal,
  "xavier-uniform": initialize_parameters_xavier_uniform,
  zeros: initialize_parameters_zeros,
  random: initialize_parameters_random(10),
};

export const initializerByName = (name: string): E.Either<StepwiseError, Initializer> => {
  const found = initializers[name];
  return found === undefined
    ? E.left(unknownPlugin("initializer", name, Object.keys(initializers)))
    : E.right(found);
};
