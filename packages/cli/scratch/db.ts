import { writeFileSync } from "node:fs";
import { load_moons_dataset } from "@stepwise/data";
import { initialize_parameters_he } from "@stepwise/init";
import { L_layer_model, predict } from "@stepwise/model";
import { adam } from "@stepwise/optimizer";
import * as E from "fp-ts/lib/Either.js";
import { decisionGrid, renderDecisionBoundary } from "../src/report/decision-boundary.js";

const [X, Y] = load_moons_dataset();
const r = L_layer_model(X, Y, [2, 5, 2, 1], {
  learning_rate: 0.0007,
  num_iterations: 5000,
  init: initialize_parameters_he,
  seed: 3,
  optimizer: adam,
  mini_batch_size: 64,
  shuffle_seed: 10,
});
if (E.isLeft(r)) throw 0;
const grid = decisionGrid(X, (P) => {
  const p = predict(P, undefined, r.right.parameters);
  if (E.isLeft(p)) throw 0;
  return p.right.probabilities;
});
const pic = await renderDecisionBoundary(grid, X, Y, {
  title: "Decision boundary",
  subtitle: "moons · 2,5,2,1 · Adam · train accuracy 94.33%",
});
writeFileSync("/tmp/db.svg", pic.svg);
writeFileSync("/tmp/db.png", pic.png);
console.log(pic.svg.length, pic.png.length);
