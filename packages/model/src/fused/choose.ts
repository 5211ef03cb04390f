import { layerCount, parsePluginName } from "@stepwise/core";
import { binary_cross_entropy, binary_cross_entropy_nansum } from "@stepwise/cost-binary-cross-entropy";
import { courseSpec, hiddenActivations, isBatchNormSpec, type NetworkSpec } from "@stepwise/forward-cache";
import { type Backend, jsBackend } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import type { ResolvedOptions } from "../options.js";
import type { Plan } from "../plans/plan.js";
import type { FusedSettings } from "./network.js";
import type { FusedOptimizer } from "./update.js";

/**
 * The fused form of the run's optimizer, with the hyper-parameters of its resolved definition: the
 * canonical name `adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)` holds each value as its shortest
 * round-trip decimal, so reading it back gives the very doubles the optimizer's rule uses. Only
 * @stepwise/optimizer's own gd, momentum and Adam (without AMSGrad) have a fused form.
 */
const fusedOptimizer = (o: ResolvedOptions): FusedOptimizer | undefined => {
  if (o.optimizer.meta.package !== "@stepwise/optimizer") return undefined;
  const name = parsePluginName(o.optimizer.meta.name);
  if (E.isLeft(name)) return undefined;
  const hyper = Object.fromEntries(name.right.parameters);
  const value = (key: string): number => hyper[key] ?? Number.NaN;
  switch (name.right.base) {
    case "gd":
      return { name: "gd" };
    case "momentum":
      return { name: "momentum", beta: value("beta") };
    case "adam":
      return hyper["amsgrad"] === 0
        ? { name: "adam", beta1: value("beta1"), beta2: value("beta2"), epsilon: value("epsilon") }
        : undefined;
    default:
      return undefined;
  }
};

/**
 * Whether the fused kernels compute this network: the course's network (ReLU hidden layers, the sigmoid
 * output, the very plugin objects, given once or per layer) on the js backend, whose ops they reproduce.
 * The training step below and `predict` (forward.ts) both ask.
 */
export const fusedKernelsApply = (backend: Backend, spec: NetworkSpec, L: number): boolean =>
  backend === jsBackend &&
  spec.output === courseSpec.output &&
  hiddenActivations(spec, L).every((activation) => activation === courseSpec.hidden);

/**
 * When a run takes the fused step (fused/network.ts) instead of composing the course functions op by op:
 * on the js backend, for the primal plan without batch norm, the course's network (ReLU hidden layers, sigmoid output, the
 * very plugin objects, given once or per layer), binary cross-entropy (either summation) and gd, momentum or Adam. Those are the
 * runs whose every op the fused kernels reproduce to the bit; anything else composes the ops as before.
 *
 * Size does not enter: for a given run the fused step does the ops' arithmetic without their allocation,
 * dispatch and checks, which is most of a small network's time (a 2-5-2-1 network on 64 examples: about
 * 200 µs a step composed, a few µs fused) and a rounding error of a large one's. Which backend a large
 * run should use is the caller's choice (the CLI's `--backend auto` picks by size).
 */
export const fusedSettingsFor = (
  o: ResolvedOptions,
  plan: Plan,
  backend: Backend,
): FusedSettings | undefined => {
  if (plan.name !== "primal" || isBatchNormSpec(o.spec)) return undefined;
  if (!fusedKernelsApply(backend, o.spec, layerCount(plan.initial))) return undefined;
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
