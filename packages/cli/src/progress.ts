import { MultiBar, Presets } from "cli-progress";
import { pythonFloat } from "./python-float.js";

/** Where training reports go: cost lines every N iterations, and a bar with ETA on a terminal. */
export interface Progress {
  readonly iteration: (i: number, cost: number) => void;
  readonly stop: () => void;
}

export interface ProgressOptions {
  readonly total: number;
  readonly printEvery: number;
  /** "bar" on a terminal, "lines" for pipes and CI, "none" for --quiet/--json. */
  readonly mode: "bar" | "lines" | "none";
  readonly write: (line: string) => void;
  /** "iteration" or "epoch", as the course words it. */
  readonly unit?: string;
}

const costLine = (unit: string, i: number, cost: number): string =>
  `Cost after ${unit} ${i}: ${pythonFloat(cost)}`;

export const makeProgress = ({
  total,
  printEvery,
  mode,
  write,
  unit = "iteration",
}: ProgressOptions): Progress => {
  if (mode === "none") return { iteration: () => undefined, stop: () => undefined };
  if (mode === "lines")
    return {
      iteration: (i, cost) => {
        if (i % printEvery === 0) write(costLine(unit, i, cost));
      },
      stop: () => undefined,
    };
  const bars = new MultiBar(
    {
      format: " {bar} {percentage}% | {value}/{total} | ETA {eta_formatted} | cost {cost}",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 10,
    },
    Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { cost: "…" });
  return {
    iteration: (i, cost) => {
      if (i % printEvery === 0) bars.log(`${costLine(unit, i, cost)}\n`);
      bar.update(i + 1, { cost: cost.toFixed(6) });
    },
    stop: () => bars.stop(),
  };
};
