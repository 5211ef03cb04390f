import {
  describeRange,
  formatParameterValue,
  formatPluginName,
  type ParameterSpec,
  parsePluginName,
} from "@stepwise/core";
import { invalidArgument } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { cosineDecayParameters, cosineDecaySchedule } from "./cosine-decay.js";
import type { CheckedSchedule } from "./define.js";
import { exponentialDecayParameters, exponentialDecaySchedule } from "./exponential-decay.js";
import { inverseTimeDecayParameters, inverseTimeDecaySchedule } from "./inverse-time-decay.js";
import { piecewiseConstantSchedule } from "./piecewise-constant.js";

/*
 * A schedule by name, in the plugin-name grammar (`base(key=value, …)`), for configs and the CLI's
 * `--decay`: the settings are the builders' own, snake_case as optax writes them, staircase as 0/1, and a
 * piecewise-constant boundary b written `at_b`:
 *
 *   exponential_decay(transition_steps=100, decay_rate=0.5, staircase=1, transition_begin=0, end_value=1e-4)
 *   inverse_time_decay(decay_steps=100, decay_rate=1, staircase=1)
 *   cosine_decay(decay_steps=2500, alpha=0.01, exponent=1)
 *   piecewise_constant(at_1000=0.5, at_2000=0.1)
 */

const builders: Readonly<
  Record<string, (init_value: number, settings: Readonly<Record<string, number>>) => CheckedSchedule>
> = {
  exponential_decay: (lr, s) =>
    exponentialDecaySchedule(lr, s as unknown as Parameters<typeof exponentialDecaySchedule>[1]),
  inverse_time_decay: (lr, s) =>
    inverseTimeDecaySchedule(lr, s as unknown as Parameters<typeof inverseTimeDecaySchedule>[1]),
  cosine_decay: (lr, s) => cosineDecaySchedule(lr, s as unknown as Parameters<typeof cosineDecaySchedule>[1]),
  piecewise_constant: (lr, s) => {
    const entries = Object.entries(s).map(([key, scale]) => [/^at_(\d+)$/.exec(key)?.[1], scale] as const);
    const bad = entries.findIndex(([boundary]) => boundary === undefined);
    return bad >= 0
      ? E.left(
          invalidArgument(
            `piecewise_constant: "${Object.keys(s)[bad]}" is not a boundary; write at_<count>=<scale>, e.g. piecewise_constant(at_1000=0.5)`,
          ),
        )
      : piecewiseConstantSchedule(lr, Object.fromEntries(entries));
  },
};

/** The setting each schedule cannot do without. */
const REQUIRED: Readonly<Record<string, string>> = {
  exponential_decay: "transition_steps",
  inverse_time_decay: "decay_steps",
  cosine_decay: "decay_steps",
};

/** The schedules `scheduleFromName` knows, by base name. */
export const scheduleNames: ReadonlyArray<string> = Object.keys(builders);

/**
 * `scheduleFromName("cosine_decay(decay_steps=2500)", 0.0075)`: the schedule a name describes, starting at
 * the run's learning rate, or the error that names what to fix. Settings the name leaves out take the
 * builder's defaults; required ones (transition_steps, decay_steps) are required here too.
 */
export const scheduleFromName = (text: string, init_value: number): CheckedSchedule =>
  E.flatMap((name: { base: string; parameters: ReadonlyArray<readonly [string, number]> }) => {
    const build = builders[name.base];
    if (build === undefined)
      return E.left(
        invalidArgument(
          `${text}: unknown schedule "${name.base}"; the schedules: ${scheduleNames.join(", ")}`,
        ),
      );
    const settings = Object.fromEntries(name.parameters);
    const required = REQUIRED[name.base];
    if (required !== undefined && !(required in settings))
      return E.left(
        invalidArgument(
          `${formatPluginName(name.base, name.parameters)}: give ${required}, e.g. ${name.base}(${required}=100)`,
        ),
      );
    return build(init_value, settings);
  })(parsePluginName(text));

const describe = (specs: Readonly<Record<string, ParameterSpec>>): string =>
  Object.entries(specs)
    .map(([key, spec]) => `${key} (${describeRange(spec)}, default ${formatParameterValue(spec.default)})`)
    .join(", ");

/** Each schedule `scheduleFromName` knows and its settings, as `stepwise plugins` lists them. */
export const scheduleCatalog: ReadonlyArray<{ readonly name: string; readonly parameters: string }> = [
  { name: "exponential_decay", parameters: describe(exponentialDecayParameters) },
  { name: "inverse_time_decay", parameters: describe(inverseTimeDecayParameters) },
  { name: "cosine_decay", parameters: describe(cosineDecayParameters) },
  {
    name: "piecewise_constant",
    parameters: "at_<count>=<scale>, … (the rate is multiplied by each scale once count passes its boundary)",
  },
];
