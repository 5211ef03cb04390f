import { binary_cross_entropy, binary_cross_entropy_nansum } from "@stepwise/cost-binary-cross-entropy";
import { courseSpec } from "@stepwise/forward-cache";
import { adam, gd, momentum } from "@stepwise/optimizer";
import { getBackend, jsBackend } from "@stepwise/tensor";
import type { ResolvedOptions } from "../options.js";
import type { Plan } from "../plans/plan.js";
import type { FusedSettings } from "./network.js";
import type { FusedOptimizer } from "./update.js";

/** A hyper-parameter as the optimizer will use it: the run's, else the optimizer's default. */
const hyper = (o: ResolvedOptions, defaults: Readonly<Record<string, number>>, name: string): number =>
  o.optimizer_hyperparameters[name] ?? defaults[name] ?? Number.NaN;

const fusedOptimizer = (o: ResolvedOptions): FusedOptimizer | undefined => {
  if (o.optimizer === gd) return { name: "gd" };
  if (o.optimizer === momentum) return { name: "momentum", beta: hyper(o, momentum.defaults, "beta") };
  if (o.optimizer === adam)
    return {
      name: "adam",
      beta1: hyper(o, adam.defaults, "beta1"),
      beta2: hyper(o, adam.defaults, "beta2"),
      epsilon: hyper(o, adam.defaults, "epsilon"),
    };
  return undefined;
};

/**
 * When a run takes the fused step (fused/network.ts) instead of composing the course functions op by op:
 * on the js backend, for the primal plan, the course's network (ReLU hidden layers, sigmoid output, the
 * very plugin objects), binary cross-entropy (either summation) and gd, momentum or Adam. Those are the
 * runs whose every op the fused kernels reproduce to the bit; anything else composes the ops as before.
 *
 * Size does not enter: for a given run the fused step does the ops' arithmetic without their allocation,
 * dispatch and checks, which is most of a small network's time (a 2-5-2-1 network on 64 examples: about
 * 200 µs a step composed, a few µs fused) and a rounding error of a large one's. Which backend a large
 * run should use is the caller's choice (the CLI's `--backend auto` picks by size).
 */
export const fusedSettingsFor = (o: ResolvedOptions, plan: Plan): FusedSettings | undefined => {
  if (getBackend() !== jsBackend || plan.name !== "primal") return undefined;
  if (o.spec.hidden !== courseSpec.hidden || o.spec.output !== courseSpec.output) return undefined;
  const cost =
    o.cost === binary_cross_entropy_nansum ? "nansum" : o.cost === binary_cross_entropy ? "chain" : undefined;
  const optimizer = fusedOptimizer(o);
  if (cost === undefined || optimizer === undefined) return undefined;
  return {
    cost,
    optimizer,
    lambd: o.lambd,
    keep_prob: o.keep_prob,
    dropout_seed: o.dropout_seed,
    keepGoing: o.keepGoingOnNonFinite,
    reciprocal: o.batchMean === "reciprocal",
  };
};
