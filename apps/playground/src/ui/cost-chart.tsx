import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface CostSeries {
  readonly label: string;
  readonly color: string;
  readonly values: ReadonlyArray<number>;
}

/** A live cost curve (uPlot: small, fast, redraws thousands of points per frame). */
export const CostChart = ({
  series,
  width = 520,
  height = 240,
  xLabel = "iteration",
}: {
  readonly series: ReadonlyArray<CostSeries>;
  readonly width?: number;
  readonly height?: number;
  readonly xLabel?: string;
}) => {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const labels = series.map((s) => s.label).join("|");
  useEffect(() => {
    if (host.current === null) return undefined;
    plot.current = new uPlot(
      {
        width,
        height,
        scales: { x: { time: false } },
        axes: [{ label: xLabel }, { label: "cost" }],
        series: [{ label: xLabel }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5 }))],
        legend: { show: true },
      },
      [[], ...series.map(() => [])],
      host.current,
    );
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
    // Rebuilt only when the set of curves changes; data updates go through setData below.
  }, [labels, width, height, xLabel]);
  useEffect(() => {
    const length = Math.max(0, ...series.map((s) => s.values.length));
    const xs = Array.from({ length }, (_, i) => i);
    plot.current?.setData([
      xs,
      ...series.map((s) => xs.map((i) => s.values[i] ?? null)),
    ] as uPlot.AlignedData);
  });
  return <div ref={host} data-testid="cost-chart" />;
};
