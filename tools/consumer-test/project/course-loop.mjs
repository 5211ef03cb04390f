// The course's loop on a tiny network, in plain Node ESM (no TypeScript, no build step of its own). The
// consumer test runs this file twice and compares what it prints: in a project that installed the packed
// tarballs (`node course-loop.mjs`), and here, from the workspace's TypeScript sources
// (`node --conditions=@stepwise/source --import tsx`).
import { L_model_backward } from "@stepwise/backward";
import { compute_cost } from "@stepwise/cost";
import { L_model_forward } from "@stepwise/forward-cache";
import { initialize_parameters_deep } from "@stepwise/init";
import { update_parameters } from "@stepwise/optimizer";
import { randn, seedOrThrow } from "@stepwise/random";
// Each course function checks its input and returns an Either; orThrow stops at the first problem.
import { fromArray, orThrow } from "@stepwise/tensor";

// 16 examples of 4 features (seed 3); the label says whether the first two features sum to more than 0.
const m = 16;
const [X] = randn(4, m)(seedOrThrow(3));
const Y = orThrow(fromArray([Array.from({ length: m }, (_, j) => (X.data[j] + X.data[m + j] > 0 ? 1 : 0))]));

// np.random.seed(1); parameters = initialize_parameters_deep([4, 5, 3, 1]); then 25 steps of gradient descent
let [parameters] = orThrow(initialize_parameters_deep([4, 5, 3, 1], seedOrThrow(1)));
for (let i = 0; i < 25; i++) {
  const [AL, caches] = orThrow(L_model_forward(X, parameters));
  const cost = orThrow(compute_cost(AL, Y));
  const grads = orThrow(L_model_backward(AL, Y, caches));
  parameters = orThrow(update_parameters(parameters, grads, 0.5));
  console.log(`Cost after iteration ${i}: ${cost}`);
}
