import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load_moons_dataset } from "@stepwise/data";
import { loadFixture } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { run } from "../src/main.js";
import { stepwise } from "./cli.js";
import { README_COURSE2_RUNS, readmeRun } from "./readme-course2.js";

/*
 * Course 2 through the CLI: every notebook run is one `stepwise train` command, as the root README's table
 * lists it (readme-course2.ts reads it; apps/examples checks the examples print the same commands). Each
 * command's first ten iterations run in process against the fixture; two run in full as a user runs them.
 */

interface FixtureRun {
  readonly call: string;
  readonly costs: ReadonlyArray<readonly [number, number | string]>;
  readonly accuracy: ReadonlyArray<number>;
}
const fixture = loadFixture("course2-runs.json") as Record<string, { runs?: ReadonlyArray<FixtureRun> }>;
const fixtureOf = (call: string): FixtureRun => {
  for (const notebook of ["initialization", "regularization", "optimization"]) {
    const found = fixture[notebook]?.runs?.find((r) => r.call === call);
    if (found !== undefined) return found;
  }
  throw new Error(`no fixture run ${call}`);
};
const number = (x: number | string): number =>
  typeof x === "number"
    ? x
    : x === "inf"
      ? Number.POSITIVE_INFINITY
      : x === "-inf"
        ? Number.NEGATIVE_INFINITY
        : Number.NaN;

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), "stepwise-course2-"));

interface Metrics {
  readonly status: string;
  readonly costs: ReadonlyArray<number | string>;
  readonly learning_rates?: ReadonlyArray<number>;
  readonly train_accuracy: number;
  readonly test_accuracy: number | null;
  readonly config: Readonly<Record<string, unknown>>;
}

/** `stepwise train …` in this process; resolves to the exit code, stdout lines and stderr. */
const inProcess = async (args: ReadonlyArray<string>) => {
  const out: string[] = [];
  let err = "";
  const code = await run(["train", ...args], {
    out: (line) => out.push(line),
    err: (text) => {
      err += text;
    },
    isTTY: false,
  });
  return { code, out, err };
};

const expectCostsClose = (costs: ReadonlyArray<number | string>, run: FixtureRun, upTo: number): void => {
  const points = run.costs.filter(([i]) => i < upTo);
  expect(points.length).toBeGreaterThanOrEqual(Math.min(upTo, 10));
  for (const [i, expected] of points) {
    const got = number(costs[i] as number | string);
    const want = number(expected);
    if (Number.isFinite(want)) expect(Math.abs(got - want), `cost ${i}`).toBeLessThanOrEqual(1e-9);
    else expect(got, `cost ${i}`).toBe(want);
  }
};

describe("every Course 2 notebook run is one stepwise train command", () => {
  it("the README lists all 13", () => {
    expect(README_COURSE2_RUNS).toHaveLength(13);
  });
  it.each(README_COURSE2_RUNS.map((r) => [r.name, r] as const))(
    "%s: its first ten iterations are the notebook's",
    async (_, example) => {
      const dir = await tempDir();
      const { code, out, err } = await inProcess([
        ...example.cli,
        "--iterations",
        "10",
        "--json",
        "--out",
        join(dir, "run"),
      ]);
      expect(err).toBe("");
      expect(code).toBe(0);
      const metrics = JSON.parse(out.join("\n")) as Metrics;
      expect(metrics.config["backend"]).toBe("js");
      expect(metrics.costs).toHaveLength(10);
      expectCostsClose(metrics.costs, fixtureOf(example.call), 10);
    },
    60_000,
  );
});

describe("two runs in full, as a user runs them", () => {
  it("opt-adam: the notebook's costs at every recorded epoch, its accuracy, a decision boundary in the report", async () => {
    const example = readmeRun("opt-adam");
    const out = join(await tempDir(), "run");
    const { code, stdout, stderr } = await stepwise(["train", ...example.cli, "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Cost after epoch 0: 0\.70216552226045/);
    expect(lines).toContain("Train accuracy: 0.9433333333333334");
    expect(lines.some((l) => l.startsWith("Test accuracy"))).toBe(false);
    expect(await readdir(out)).toEqual([
      "cost.png",
      "cost.svg",
      "decision-boundary.png",
      "decision-boundary.svg",
      "metrics.json",
      "model.json",
      "model.safetensors",
      "report.html",
    ]);
    const metrics = JSON.parse(await readFile(join(out, "metrics.json"), "utf8")) as Metrics;
    const notebook = fixtureOf(example.call);
    expect(metrics.costs).toHaveLength(5000);
    expectCostsClose(metrics.costs, notebook, 5000);
    expect([metrics.train_accuracy]).toEqual(notebook.accuracy);
    expect(metrics.test_accuracy).toBeNull();
    expect(metrics.config).toMatchObject({
      data: "moons",
      shuffle_seed: 10,
      backend: "js",
      optimizer: "adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)",
    });
    const report = await readFile(join(out, "report.html"), "utf8");
    expect(report).toContain("<h2>Decision boundary</h2>");
    expect(report).not.toContain("Mislabeled");
    expect(report).toContain("after epoch 4999");
  }, 120_000);

  it('init-random: cost inf at first, written as "inf"; it trains on to the notebook\'s accuracies', async () => {
    const example = readmeRun("init-random");
    const out = join(await tempDir(), "run");
    const { code, stdout } = await stepwise(["train", ...example.cli, "--out", out, "--quiet"]);
    expect([code, stdout]).toEqual([0, ""]);
    const metrics = JSON.parse(await readFile(join(out, "metrics.json"), "utf8")) as Metrics;
    const notebook = fixtureOf(example.call);
    expect(metrics.costs[0]).toBe("inf");
    // Chaotic across numpy builds after that (fixtures/README.md): the first 100 costs and the accuracies.
    expectCostsClose(metrics.costs, notebook, 100);
    expect([metrics.train_accuracy, metrics.test_accuracy]).toEqual(notebook.accuracy);
  }, 120_000);

  it("a decay prints the learning rate after each printed epoch and records the rate of every epoch", async () => {
    const example = readmeRun("opt-gd-update-lr");
    const { code, out } = await inProcess([
      ...example.cli,
      "--iterations",
      "3",
      "--print-every",
      "1",
      "--out",
      join(await tempDir(), "r"),
    ]);
    expect(code).toBe(0);
    expect(out.slice(0, 4)).toEqual([
      "Cost after epoch 0: 0.7010914685043045",
      "learning rate after epoch 0: 0.1",
      "Cost after epoch 1: 0.6957601962869501",
      "learning rate after epoch 1: 0.05",
    ]);
  }, 60_000);
});

describe("--decay with one of optax's schedules", () => {
  it("gives every update its rate (one per mini-batch) and records each epoch's first", async () => {
    const dir = await tempDir();
    const { code } = await inProcess([
      "--data",
      "moons",
      "--layers",
      "2,5,2,1",
      "--optimizer",
      "adam",
      "--learning-rate",
      "0.01",
      "--mini-batch-size",
      "64",
      "--iterations",
      "20",
      "--decay",
      "cosine-decay(decay_steps=50, alpha=0.1)",
      "--out",
      join(dir, "r"),
    ]);
    expect(code).toBe(0);
    const metrics = JSON.parse(await readFile(join(dir, "r", "metrics.json"), "utf8")) as {
      readonly learning_rates: ReadonlyArray<number>;
      readonly config: Readonly<Record<string, unknown>>;
    };
    expect(metrics.config["decay"]).toBe("cosine_decay(decay_steps=50, alpha=0.1)");
    // 300 examples in batches of 64: 5 updates an epoch; optax's count is the update's step − 1.
    const cosine = (count: number): number =>
      0.01 * (0.9 * 0.5 * (1 + Math.cos((Math.PI * Math.min(count, 50)) / 50)) + 0.1);
    expect(metrics.learning_rates).toHaveLength(20);
    metrics.learning_rates.forEach((rate, e) => {
      expect(rate).toBeCloseTo(cosine(5 * e), 15);
    });
  }, 60_000);
});

describe("--keep-going-on-nonfinite", () => {
  it("trains on past non-finite costs, but never saves non-finite weights, and says so", async () => {
    const out = join(await tempDir(), "run");
    const { code, err } = await inProcess([
      "--data",
      "moons",
      "--learning-rate",
      "1e300",
      "--iterations",
      "150",
      "--keep-going-on-nonfinite",
      "--quiet",
      "--out",
      out,
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(/parameters\["W\d"\] was no longer a finite number by iteration 99/);
    expect(await readdir(out)).toEqual(["metrics.json"]);
    const metrics = JSON.parse(await readFile(join(out, "metrics.json"), "utf8")) as Metrics;
    expect(metrics.status).toBe("diverged");
    expect(metrics.costs).toContain("nan");
  }, 60_000);
});

describe("--data with a CSV file of your own", () => {
  it("trains on the columns by name: moons written to CSV gives the moons run's numbers", async () => {
    const dir = await tempDir();
    const [X, Y] = load_moons_dataset();
    const rows = Array.from({ length: X.cols }, (_, j) => `${X.data[j]},${X.data[X.cols + j]},${Y.data[j]}`);
    const csv = join(dir, "moons.csv");
    await writeFile(csv, `x1,x2,label\n${rows.join("\n")}\n`);
    const flags = [
      "--layers",
      "2,5,2,1",
      "--init",
      "he",
      "--seed",
      "3",
      "--mini-batch-size",
      "64",
      "--shuffle-seed",
      "10",
      "--optimizer",
      "adam",
      "--learning-rate",
      "0.0007",
      "--iterations",
      "20",
      "--json",
    ];
    const fromCsv = await inProcess(["--data", csv, "--label", "label", ...flags, "--out", join(dir, "a")]);
    const named = await inProcess(["--data", "moons", ...flags, "--out", join(dir, "b")]);
    expect([fromCsv.code, fromCsv.err]).toEqual([0, ""]);
    const [a, b] = [fromCsv, named].map((r) => JSON.parse(r.out.join("\n")) as Metrics);
    expect(a?.costs).toEqual(b?.costs);
    expect(a?.config["data"]).toBe(csv);
  }, 60_000);
});

describe("Course 2 flags with bad input: a usage message, exit code 2", () => {
  it.each([
    [["--data", "moon"], "--data moon: not a data set's name (catvnoncat, moons, circles, football)"],
    [
      ["--data", "moons", "--layers", "3,5,1"],
      "the first size must be the number of input features, 2 (moons: x1, x2)",
    ],
    [
      ["--data", "moons", "--shuffle-seed", "10"],
      "--shuffle-seed reseeds the mini-batch shuffles, but there are no mini-batches",
    ],
    [
      ["--data", "moons", "--dropout-seed", "1"],
      "--dropout-seed reseeds the dropout masks, but --keep-prob is 1",
    ],
    [["--data", "moons", "--decay-rate", "2"], "--decay-rate needs --decay update-lr or schedule-lr-decay"],
    [
      ["--data", "moons", "--decay", "update-lr", "--time-interval", "5"],
      "--time-interval is schedule-lr-decay's",
    ],
    [
      ["--data", "moons", "--decay", "exponential"],
      '--decay exponential: exponential: unknown schedule "exponential"; the schedules: exponential_decay, inverse_time_decay, cosine_decay, piecewise_constant. --decay takes update-lr or schedule-lr-decay, or a schedule',
    ],
    [
      ["--data", "moons", "--decay", "cosine-decay(alpha=0.1)"],
      "--decay cosine-decay(alpha=0.1): cosine_decay(alpha=0.1): give decay_steps, e.g. cosine_decay(decay_steps=100)",
    ],
    [
      ["--data", "moons", "--decay", "exponential-decay(transition_steps=10)", "--time-interval", "5"],
      "--time-interval goes with --decay update-lr or schedule-lr-decay; a schedule such as exponential-decay(transition_steps=10) takes its settings in its name",
    ],
    [["--data", "moons", "--batch-mean", "sum"], "Allowed choices are divide, reciprocal"],
    [
      ["--data", "moons", "--cost", "binary-cross-entropy-nansum", "--shuffle-seed", "-1"],
      `expected an integer ≥ 0, got "-1"`,
    ],
  ])("%j → %s", async (args, expected) => {
    const { code, err, out } = await inProcess([...args, "--out", join(await tempDir(), "never")]);
    expect(code).toBe(2);
    expect(err).toContain(expected);
    expect(out.join("\n")).not.toContain("Cost after");
  });

  it("a CSV file without --label, or with a label column it does not have", async () => {
    const dir = await tempDir();
    const csv = join(dir, "data.csv");
    await writeFile(csv, "a,b,y\n1,2,0\n3,4,1\n");
    const noLabel = await inProcess(["--data", csv, "--out", join(dir, "x")]);
    expect(noLabel.code).toBe(2);
    expect(noLabel.err).toContain("a CSV file needs --label <column>");
    const wrong = await inProcess([
      "--data",
      csv,
      "--label",
      "class",
      "--layers",
      "2,1",
      "--out",
      join(dir, "y"),
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("class");
    const noLayers = await inProcess(["--data", csv, "--label", "y", "--out", join(dir, "z")]);
    expect(noLayers.code).toBe(2);
    expect(noLayers.err).toContain(
      "pass --layers, input size first and output size last, e.g. --layers 2,10,1",
    );
  });
});
