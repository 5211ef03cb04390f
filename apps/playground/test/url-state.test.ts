import { describe, expect, it } from "vitest";
import { courseLLayer, defaultToy, notebookAdamMoons, type RunConfig } from "../src/engine/config.js";
import { fromQuery, toQuery } from "../src/engine/url-state.js";

describe("the run in the URL", () => {
  const configs: ReadonlyArray<RunConfig> = [
    defaultToy,
    notebookAdamMoons,
    courseLLayer,
    {
      ...defaultToy,
      data: { kind: "toy", name: "spiral", n: 250, noise: 0.15, seed: 7 },
      layers: [2, 16, 16, 8, 1],
      hidden: "leaky_relu(alpha=0.2)",
      optimizer: "momentum",
      optimizerParams: { beta: 0.8 },
      mini_batch_size: null,
      lambd: 0.7,
      keep_prob: 0.86,
      decay: "schedule-lr-decay",
      decay_rate: 0.3,
      time_interval: 100,
      shuffle_seed: 10,
    },
    { ...defaultToy, data: { kind: "csv", name: "my data.csv", label: "passed" } },
    { ...defaultToy, layers: [2, 6, 4, 1], hidden: "leaky_relu(alpha=0.2),tanh" },
    { ...defaultToy, optimizer: "rmsprop", optimizerParams: { rho: 0.9, centered: 1, momentum: 0.5 } },
    { ...defaultToy, optimizer: "adam", optimizerParams: { beta1: 0.8, amsgrad: 1 } },
  ];
  it.each(configs.map((c) => [toQuery(c).toString(), c] as const))("round-trips %s", (query, config) => {
    expect(fromQuery(new URLSearchParams(query), defaultToy)).toEqual(config);
  });

  it("reads the course's optimizer settings from the short keys older links use", () => {
    const config = fromQuery(new URLSearchParams("opt=momentum&beta=0.8"), defaultToy);
    expect(config.optimizer).toBe("momentum");
    expect(config.optimizerParams).toEqual({ beta: 0.8 });
  });

  it("fills what a link lacks or garbles from the fallback", () => {
    const config = fromQuery(new URLSearchParams("data=xor&lr=fast&layers=2,0,1&mb=32"), defaultToy);
    expect(config.data).toEqual({ kind: "toy", name: "xor", n: 300, noise: 0.2, seed: 3 });
    expect(config.learning_rate).toBe(defaultToy.learning_rate);
    expect(config.layers).toEqual(defaultToy.layers);
    expect(config.mini_batch_size).toBe(32);
  });
});
