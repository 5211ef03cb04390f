import { spawn } from "node:child_process";

/** What the numpy reference printed: its training time and the costs it logged every 100 iterations. */
export interface NumpyRun {
  readonly seconds: number;
  readonly costs: ReadonlyMap<number, number>;
}

export const referenceScript = (): string =>
  new URL("../../../reference/ng_reference.py", import.meta.url).pathname;

const run = (args: ReadonlyArray<string>): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn("python3", args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`python3 ${args.join(" ")} exited with ${code}`)),
    );
  });

/** Runs ng_reference.py (OpenBLAS) for `iterations` and parses its JSON line's "train_s". */
export const runNumpy = async (dataDir: string, iterations: number): Promise<NumpyRun> => {
  const out = await run([referenceScript(), dataDir, "--iters", String(iterations)]);
  const costs = new Map<number, number>();
  let seconds = Number.NaN;
  for (const line of out.split("\n")) {
    const cost = /^Cost after iteration (\d+): (.+)$/.exec(line);
    if (cost) costs.set(Number(cost[1]), Number(cost[2]));
    if (line.startsWith("{")) seconds = (JSON.parse(line) as { train_s: number }).train_s;
  }
  if (!Number.isFinite(seconds)) throw new Error(`ng_reference.py printed no train_s:\n${out}`);
  return { seconds, costs };
};

/** numpy's own speed on the two cat products, for the kernel table (best of `reps`). */
export const numpyKernels = async (
  reps: number,
): Promise<{ readonly forward: number; readonly backward: number }> => {
  const script = `
import numpy as np, time, json
rng = np.random.default_rng(0)
X = rng.random((12288, 209)); W = rng.random((20, 12288)); dZ = rng.random((20, 209))
def best(f):
    f(); t = []
    for _ in range(${reps}):
        s = time.perf_counter(); f(); t.append(time.perf_counter() - s)
    return min(t)
print(json.dumps({"forward": best(lambda: W.dot(X)), "backward": best(lambda: np.dot(dZ, X.T))}))
`;
  const line = (await run(["-c", script])).trim();
  return JSON.parse(line) as { forward: number; backward: number };
};

/** numpy's version and BLAS, for the machine description. */
export const numpyVersion = async (): Promise<string> => {
  const script = `
import numpy as np
cfg = np.show_config(mode="dicts") if hasattr(np, "show_config") else {}
blas = cfg.get("Build Dependencies", {}).get("blas", {}) if isinstance(cfg, dict) else {}
print(f"numpy {np.__version__}, {blas.get('name', '?')} {blas.get('version', '')}".strip())
`;
  try {
    return (await run(["-c", script])).trim();
  } catch {
    return "numpy (version unknown)";
  }
};
