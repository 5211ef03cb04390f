// The course's loop again, in TypeScript: the consumer test type-checks it (tsc --strict, nodenext) against
// the declarations of the installed tarballs, as a user's editor and compiler would see them.
import { L_model_backward } from "@stepwise/backward";
import type { Grads, Parameters } from "@stepwise/core";
import { compute_cost } from "@stepwise/cost";
import { L_model_forward } from "@stepwise/forward-cache";
import { initialize_parameters_deep } from "@stepwise/init";
import { L_layer_model, predict } from "@stepwise/model";
import { update_parameters } from "@stepwise/optimizer";
import { randn, seedOrThrow } from "@stepwise/random";
import { fromArray, type Matrix, orThrow, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

const m = 16;
const [X]: readonly [Matrix, unknown] = randn(4, m)(seedOrThrow(3));
const Y: Matrix = orThrow(
  fromArray([Array.from({ length: m }, (_, j) => ((X.data[j] ?? 0) + (X.data[m + j] ?? 0) > 0 ? 1 : 0))]),
);

let [parameters]: readonly [Parameters, unknown] = orThrow(
  initialize_parameters_deep([4, 5, 3, 1], seedOrThrow(1)),
);
const costs: number[] = [];
for (let i = 0; i < 25; i++) {
  const [AL, caches] = orThrow(L_model_forward(X, parameters));
  const cost: E.Either<StepwiseError, number> = compute_cost(AL, Y);
  costs.push(orThrow(cost));
  const grads: Grads = orThrow(L_model_backward(AL, Y, caches));
  parameters = orThrow(update_parameters(parameters, grads, 0.5));
}

const trained = L_layer_model(X, Y, [4, 5, 3, 1], { num_iterations: 25, learning_rate: 0.5 });
if (E.isRight(trained)) {
  const prediction = predict(X, Y, trained.right.parameters);
  const accuracy: number | undefined = E.isRight(prediction) ? prediction.right.accuracy : undefined;
  console.log(costs.at(-1), trained.right.costs.at(-1), accuracy);
}
