import { MultiBar, Presets } from "cli-progress";
import { pythonFloat } from "./python-float.js";

/** Where training reports go: cost lines every N iterations, and a bar with ETA on a terminal. */
export interface Progress {
  /** `learning_rate` is the rate after iteration i (the next one's), printed when `rates` is set. */
  readonly iteration: (i: number, cost: number, learning_rate?: number) => void;
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
  /** Also print `learning rate after epoch i: r` under each cost line, as the notebook does with a decay. */
  readonly rates?: boolean;
}

const costLine = (unit: string, i: number, cost: number): string =>
  `Cost after ${unit} ${i}: ${pythonFloat(cost)}`;

const rateLine = (unit: string, i: number, rate: number | undefined): string =>
  `learning rate after ${unit} ${i}: ${rate === undefined ? "unknown" : pythonFloat(rate)}`;

export const makeProgress = ({
  total,
  printEvery,
  mode,
  write,
  unit = "iteration",
  rates = false,
}: ProgressOptions): Progress => {
  if (mode === "none") return { iteration: () => undefined, stop: () => undefined };
  if (mode === "lines")
    return {
      iteration: (i, cost, rate) => {
        if (i % printEvery !== 0) return;
        write(costLine(unit, i, cost));
        if (rates) write(rateLine(unit, i, rate));
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
    iteration: (i, cost, rate) => {
      if (i % printEvery === 0)
        bars.log(`${costLine(unit, i, cost)}\n${rates ? `${rateLine(unit, i, rate)}\n` : ""}`);
      bar.update(i + 1, { cost: cost.toFixed(6) });
    },
    stop: () => bars.stop(),
  };
};
