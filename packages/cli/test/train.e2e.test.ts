import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { interruptWhen, stepwise } from "./cli.js";
import { courseRun } from "./report/helpers.js";

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), "stepwise-cli-"));

describe("stepwise train, as a user runs it", () => {
  it("with no flags reproduces the course's run: its costs every 100 iterations and its accuracies", async () => {
    const out = join(await tempDir(), "run");
    const { code, stdout, stderr } = await stepwise(["train", "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    const costLines = lines.filter((l) => l.startsWith("Cost after iteration "));
    expect(costLines).toHaveLength(25);
    const fixture = courseRun();
    costLines.forEach((line, k) => {
      const match = /^Cost after iteration (\d+): (\S+)$/.exec(line);
      expect(match?.[1]).toBe(String(100 * k));
      expect(Math.abs(Number(match?.[2]) - (fixture.costs[100 * k] as number))).toBeLessThanOrEqual(1e-9);
    });
    expect(lines).toContain("Train accuracy: 0.9856459330143541");
    expect(lines).toContain("Test accuracy: 0.8");
    expect(await readdir(out)).toEqual([
      "cost.png",
      "cost.svg",
      "metrics.json",
      "model.json",
      "model.safetensors",
      "report.html",
    ]);
    const metrics = JSON.parse(await readFile(join(out, "metrics.json"), "utf8")) as Record<string, unknown>;
    expect((metrics["costs"] as number[]).length).toBe(2500);
    expect(metrics["test_predictions"]).toEqual(fixture.test_predictions);
    expect(metrics["train_accuracy"]).toBe(fixture.train_accuracy);
    expect(metrics["plan"]).toBe("dual");
    expect((metrics["config"] as Record<string, unknown>)["backend"]).toBe("wasm");
    expect((metrics["config"] as Record<string, unknown>)["layers"]).toBe("12288,20,7,5,1");
    const report = await readFile(join(out, "report.html"), "utf8");
    expect(report).toContain("98.56%");
    expect((report.match(/<img /g) ?? []).length).toBe(10);
  }, 120_000);

  it("refuses to overwrite a run folder unless --force", async () => {
    const out = join(await tempDir(), "run");
    expect((await stepwise(["train", "--iterations", "2", "--out", out, "--quiet"])).code).toBe(0);
    const again = await stepwise(["train", "--iterations", "2", "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists; choose another --out, or pass --force");
    expect((await stepwise(["train", "--iterations", "2", "--out", out, "--force", "--quiet"])).code).toBe(0);
  }, 60_000);

  it("--json prints the metrics as one JSON object; --quiet prints nothing", async () => {
    const json = await stepwise([
      "train",
      "--iterations",
      "3",
      "--out",
      join(await tempDir(), "a"),
      "--json",
    ]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { costs: number[]; test_accuracy: number };
    expect(parsed.costs).toHaveLength(3);
    expect(typeof parsed.test_accuracy).toBe("number");
    const quiet = await stepwise([
      "train",
      "--iterations",
      "3",
      "--out",
      join(await tempDir(), "b"),
      "--quiet",
    ]);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, "", ""]);
  }, 60_000);

  it("the course's two-layer model and Course 2 options run through the same command", async () => {
    const two = await stepwise([
      "train",
      "--layers",
      "12288,7,1",
      "--init",
      "two-layer",
      "--iterations",
      "3",
      "--out",
      join(await tempDir(), "two"),
    ]);
    expect(two.code).toBe(0);
    expect(two.stdout).toContain("Cost after iteration 0: 0.693");
    const adam = await stepwise([
      "train",
      "--optimizer",
      "adam",
      "--mini-batch-size",
      "64",
      "--learning-rate",
      "0.0007",
      "--iterations",
      "2",
      "--lambd",
      "0.1",
      "--keep-prob",
      "0.9",
      "--out",
      join(await tempDir(), "adam"),
      "--json",
    ]);
    expect(adam.code).toBe(0);
    expect((JSON.parse(adam.stdout) as { plan: string }).plan).toBe("primal");
    // Beyond the course: a torch.optim optimizer by name, its hyper-parameters recorded in the run.
    const rmsprop = await stepwise([
      "train",
      "--optimizer",
      "rmsprop(rho=0.9, momentum=0.5, centered=1)",
      "--learning-rate",
      "0.001",
      "--iterations",
      "2",
      "--out",
      join(await tempDir(), "rmsprop"),
      "--json",
    ]);
    expect(rmsprop.code).toBe(0);
    expect(JSON.stringify(JSON.parse(rmsprop.stdout))).toContain(
      "rmsprop(rho=0.9, epsilon=1e-8, momentum=0.5, centered=1)",
    );
  }, 120_000);
});

describe("where the data comes from", () => {
  it("without --data or STEPWISE_DATA_DIR, the checkout's datasets/catvnoncat, from inside it or from anywhere else", async () => {
    const repositoryData = join(import.meta.dirname, "../../../datasets/catvnoncat");
    const elsewhere = await tempDir();
    for (const cwd of [join(import.meta.dirname, ".."), elsewhere]) {
      const out = join(await tempDir(), "run");
      const { code, stderr } = await stepwise(
        ["train", "--iterations", "1", "--out", out, "--quiet"],
        { STEPWISE_DATA_DIR: "" },
        { cwd },
      );
      expect([code, stderr], `from ${cwd}`).toEqual([0, ""]);
      const metrics = JSON.parse(await readFile(join(out, "metrics.json"), "utf8")) as {
        config: { data: string };
      };
      expect(metrics.config.data, `from ${cwd}`).toBe(repositoryData);
    }
    expect(await readdir(elsewhere)).toEqual([]);
  }, 60_000);

  it("--help names the lookup order, and no folder outside the repository", async () => {
    const { code, stdout } = await stepwise(["train", "--help"]);
    expect(code).toBe(0);
    expect(stdout.replace(/\s+/g, " ")).toContain(
      "(default: catvnoncat from $STEPWISE_DATA_DIR, ./data/catvnoncat, the Stepwise checkout's datasets/catvnoncat, or download)",
    );
    expect(stdout).not.toContain("shared");
  });
});

describe("stopping a run", () => {
  it("Ctrl-C stops between iterations and keeps the costs so far in metrics.json", async () => {
    const out = join(await tempDir(), "run");
    const { code, stderr } = await interruptWhen(
      ["train", "--plan", "primal", "--iterations", "2500", "--print-every", "1", "--out", out],
      "Cost after iteration 2:",
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/aborted after \d+ iterations/);
    expect(stderr).not.toMatch(/\n\s+at /);
    const metrics = JSON.parse(await readFile(join(out, "metrics.json"), "utf8")) as {
      status: string;
      costs: number[];
    };
    expect(metrics.status).toBe("aborted");
    expect(metrics.costs.length).toBeGreaterThanOrEqual(3);
    expect(metrics.costs.length).toBeLessThan(2500);
  }, 60_000);
});

describe("stepwise train with bad input: a usage message, exit code 2, no stack trace", () => {
  it.each([
    [["train", "--bogus"], "unknown option '--bogus'"],
    [["train", "--learning-rate", "abc"], `expected a number > 0, got "abc"`],
    [["train", "--learning-rate", "-1"], `expected a number > 0, got "-1"`],
    [["train", "--iterations", "2.5"], `expected an integer ≥ 1, got "2.5"`],
    [["train", "--layers", "12288,x,1"], "expected comma-separated layer sizes"],
    [["train", "--layers", "12287,20,1"], "the first size must be the number of input features, 12288"],
    [["train", "--layers", "12288,20,2"], "the last size must be 1"],
    [["train", "--keep-prob", "1.5"], "expected a probability in (0, 1]"],
    [["train", "--hidden", "maxout"], `--hidden: unknown activation "maxout"`],
    [
      ["train", "--optimizer", "adamm"],
      `did you mean "adam(beta1=0.9, beta2=0.999, epsilon=1e-8, amsgrad=0)"?`,
    ],
    [["train", "--init", "hee"], `did you mean "he"?`],
    // --beta, --beta1, --beta2 and --epsilon are aliases of the optimizer's plugin name.
    [
      ["train", "--beta", "0.9"],
      '--beta 0.9: unknown hyper-parameter "beta" for the optimizer gd, which takes none; --beta goes with --optimizer momentum',
    ],
    [
      ["train", "--optimizer", "momentum", "--beta", "5"],
      "--beta 5: beta must be a number in [0, 1), got 5 (default 0.9)",
    ],
    [
      ["train", "--optimizer", "momentum(beta=5)"],
      "--optimizer: momentum(beta=5): beta must be a number in [0, 1), got 5 (default 0.9)",
    ],
    [
      ["train", "--optimizer", "adam(beta1=0.8)", "--beta1", "0.9"],
      "--beta1 0.9 and --optimizer adam(beta1=0.8) give beta1 two values; give it once",
    ],
    [
      ["train", "--plan", "dual", "--optimizer", "adam", "--iterations", "1"],
      `plan "dual" cannot train this run`,
    ],
    [["train", "--plan", "fast"], "Allowed choices are auto, primal, dual"],
    [["tarin"], "unknown command 'tarin'"],
    [["train", "--task", "dogs"], "Allowed choices are cat, digits"],
    [["train", "--backend", "gpu"], '--backend is "gpu"; choose auto (the fastest available), js or wasm'],
  ])(
    "%j → %s",
    async (args, expected) => {
      const out = join(await tempDir(), "never");
      const { code, stdout, stderr } = await stepwise([...args, "--out", out]);
      expect(code).toBe(2);
      expect(stderr).toContain(expected);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stdout).not.toContain("Cost after");
    },
    60_000,
  );

  it("STEPWISE_BACKEND is checked like the flag", async () => {
    const { code, stderr } = await stepwise(["train", "--iterations", "1"], { STEPWISE_BACKEND: "cuda" });
    expect(code).toBe(2);
    expect(stderr).toContain('$STEPWISE_BACKEND is "cuda"');
  }, 60_000);

  it("--backend js and wasm give the same costs", async () => {
    const run = async (backend: string) => {
      const r = await stepwise([
        "train",
        "--iterations",
        "20",
        "--plan",
        "primal",
        "--backend",
        backend,
        "--json",
        "--out",
        join(await tempDir(), backend),
      ]);
      return JSON.parse(r.stdout) as { costs: number[]; config: { backend: string } };
    };
    const [js, wasm] = [await run("js"), await run("wasm")];
    expect([js.config.backend, wasm.config.backend]).toEqual(["js", "wasm"]);
    const gap = Math.max(...js.costs.map((c, i) => Math.abs(c - (wasm.costs[i] as number))));
    expect(js.costs).toHaveLength(20);
    expect(gap).toBeLessThanOrEqual(1e-12);
  }, 120_000);

  it("missing data: the data package's message, exit code 1", async () => {
    const { code, stderr } = await stepwise(["train", "--data", "/nonexistent/catvnoncat"]);
    expect(code).toBe(1);
    expect(stderr).toContain("--data /nonexistent/catvnoncat");
    expect(stderr).toContain("train_catvnoncat.h5");
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
