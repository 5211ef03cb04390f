import type { DataChoice, RunConfig, ToyName } from "./config.js";

/**
 * A run's whole config in a URL's query, so a link reproduces a run. Short keys keep links readable;
 * a missing or unreadable value takes the fallback's, so old and hand-edited links still open.
 */

const TOYS: ReadonlyArray<ToyName> = ["moons", "circles", "football", "spiral", "xor", "blobs"];
const DECAYS: ReadonlyArray<RunConfig["decay"]> = ["none", "update-lr", "schedule-lr-decay"];
const PLANS: ReadonlyArray<RunConfig["plan"]> = ["auto", "primal", "dual"];
/** The course's optimizer settings keep short keys (older links use them); every other one is `opt.<key>`. */
const OPTIMIZER_KEYS: ReadonlyArray<string> = ["beta", "beta1", "beta2", "epsilon"];
const OPTIMIZER_PREFIX = "opt.";
const optimizerKey = (name: string): string =>
  OPTIMIZER_KEYS.includes(name) ? name : `${OPTIMIZER_PREFIX}${name}`;
const optimizerParamName = (key: string): string | undefined =>
  OPTIMIZER_KEYS.includes(key)
    ? key
    : key.startsWith(OPTIMIZER_PREFIX)
      ? key.slice(OPTIMIZER_PREFIX.length)
      : undefined;

const dataParams = (data: DataChoice): ReadonlyArray<readonly [string, string]> =>
  data.kind === "toy"
    ? [
        ["data", data.name],
        ["n", String(data.n)],
        ["noise", String(data.noise)],
        ["dseed", String(data.seed)],
      ]
    : data.kind === "csv"
      ? [
          ["data", "csv"],
          ["csv", data.name],
          ["label", data.label],
        ]
      : [["data", "catvnoncat"]];

export const toQuery = (config: RunConfig): URLSearchParams => {
  const pairs: ReadonlyArray<readonly [string, string]> = [
    ...dataParams(config.data),
    ["layers", config.layers.join(",")],
    ["init", config.init],
    ["hidden", config.hidden],
    ["output", config.output],
    ["cost", config.cost],
    ["opt", config.optimizer],
    ...Object.entries(config.optimizerParams).map(([k, v]) => [optimizerKey(k), String(v)] as const),
    ["lr", String(config.learning_rate)],
    ["it", String(config.iterations)],
    ["seed", String(config.seed)],
    ["mb", config.mini_batch_size === null ? "full" : String(config.mini_batch_size)],
    ["lambd", String(config.lambd)],
    ["keep", String(config.keep_prob)],
    ["decay", config.decay],
    ["dr", String(config.decay_rate)],
    ["ti", String(config.time_interval)],
    ["shuffle", config.shuffle_seed === null ? "none" : String(config.shuffle_seed)],
    ["plan", config.plan],
  ];
  return new URLSearchParams(pairs.map(([k, v]) => [k, v]));
};

const numberOr = (q: URLSearchParams, key: string, fallback: number): number => {
  const raw = q.get(key);
  const n = raw === null || raw.trim() === "" ? Number.NaN : Number(raw);
  return Number.isFinite(n) ? n : fallback;
};

const oneOf = <A extends string>(q: URLSearchParams, key: string, values: ReadonlyArray<A>, fallback: A): A =>
  values.find((v) => v === q.get(key)) ?? fallback;

const dataOf = (q: URLSearchParams, fallback: DataChoice): DataChoice => {
  const name = q.get("data");
  if (name === null) return fallback;
  if (name === "catvnoncat") return { kind: "catvnoncat" };
  if (name === "csv")
    return { kind: "csv", name: q.get("csv") ?? "data.csv", label: q.get("label") ?? "label" };
  const toy = TOYS.find((t) => t === name);
  if (toy === undefined) return fallback;
  const base = fallback.kind === "toy" ? fallback : { n: 300, noise: 0.2, seed: 1 };
  return {
    kind: "toy",
    name: toy,
    n: numberOr(q, "n", base.n),
    noise: numberOr(q, "noise", base.noise),
    seed: numberOr(q, "dseed", base.seed),
  };
};

export const fromQuery = (q: URLSearchParams, fallback: RunConfig): RunConfig => {
  const layers = (q.get("layers") ?? "").split(",").map(Number);
  const optimizerParams = Object.fromEntries(
    [...q.keys()].flatMap((key) => {
      const name = optimizerParamName(key);
      const value = numberOr(q, key, Number.NaN);
      return name === undefined || !Number.isFinite(value) ? [] : [[name, value] as const];
    }),
  );
  const mb = q.get("mb");
  const shuffle = q.get("shuffle");
  return {
    data: dataOf(q, fallback.data),
    layers:
      layers.length >= 2 && layers.every((n) => Number.isInteger(n) && n >= 1) ? layers : fallback.layers,
    init: q.get("init") ?? fallback.init,
    hidden: q.get("hidden") ?? fallback.hidden,
    output: q.get("output") ?? fallback.output,
    cost: q.get("cost") ?? fallback.cost,
    optimizer: q.get("opt") ?? fallback.optimizer,
    optimizerParams: q.has("opt") ? optimizerParams : fallback.optimizerParams,
    learning_rate: numberOr(q, "lr", fallback.learning_rate),
    iterations: numberOr(q, "it", fallback.iterations),
    seed: numberOr(q, "seed", fallback.seed),
    mini_batch_size: mb === null ? fallback.mini_batch_size : mb === "full" ? null : numberOr(q, "mb", 64),
    lambd: numberOr(q, "lambd", fallback.lambd),
    keep_prob: numberOr(q, "keep", fallback.keep_prob),
    decay: oneOf(q, "decay", DECAYS, fallback.decay),
    decay_rate: numberOr(q, "dr", fallback.decay_rate),
    time_interval: numberOr(q, "ti", fallback.time_interval),
    shuffle_seed:
      shuffle === null ? fallback.shuffle_seed : shuffle === "none" ? null : numberOr(q, "shuffle", 10),
    plan: oneOf(q, "plan", PLANS, fallback.plan),
  };
};
