import { createRequire } from "node:module";
import { renderAsync } from "@resvg/resvg-js";
import type { Spec } from "vega";
import { loadVega } from "./vega.js";

export interface CostCurveOptions {
  /** Chart title; the learning rate and final cost go in the subtitle. */
  readonly title?: string;
  readonly learningRate?: number;
  /** What one cost is recorded per: "iteration" (the default) or "epoch" (with mini-batches). */
  readonly unit?: string;
  /** Iterations between two recorded costs: 1 when every iteration's cost is kept (the default). */
  readonly everyN?: number;
}

export interface CostCurve {
  /** A standalone SVG document. */
  readonly svg: string;
  /** The same chart as PNG, `PNG_SCALE` times the SVG's pixel size. */
  readonly png: Uint8Array;
}

/** Chart area in CSS pixels (axes, titles and padding come on top). */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 320;
/** The PNG is rendered at twice the SVG's size so it stays sharp on high-density screens. */
export const PNG_SCALE = 2;
/**
 * More points than this are thinned to the min and max of each of CHART_WIDTH buckets, one per CSS pixel
 * across (two device pixels in the PNG): the line looks the same, and a 5000-epoch run's SVG is drawn and
 * rasterized in half the time.
 */
export const MAX_POINTS = 2 * CHART_WIDTH + 1;

export interface CostPoint {
  readonly iteration: number;
  readonly cost: number;
}

// The PNG is drawn with a font shipped in node_modules, never the system's, so it looks the same
// (and has text at all) on a machine without fonts. Browsers viewing the SVG fall back along the list.
const localRequire = createRequire(import.meta.url);
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) =>
  localRequire.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);
const FONT_FAMILY = "DejaVu Sans";
export const FONT_STACK = `${FONT_FAMILY}, Verdana, Helvetica, Arial, sans-serif`;

const LINE_COLOR = "#2563eb";
const TEXT_COLOR = "#1f2937";
const MUTED_COLOR = "#6b7280";
const GRID_COLOR = "#e5e7eb";

/**
 * Min and max of each bucket, in iteration order, and the last point: the line's envelope and its end
 * survive thinning.
 */
export const thinPoints = (points: ReadonlyArray<CostPoint>, max: number): ReadonlyArray<CostPoint> => {
  const last = points.at(-1);
  if (points.length <= max || last === undefined) return points;
  const buckets = Math.max(1, Math.floor((max - 1) / 2));
  const size = points.length / buckets;
  const thinned = Array.from({ length: buckets }, (_, b) => {
    const bucket = points.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    const lowest = bucket.reduce((a, p) => (p.cost < a.cost ? p : a));
    const highest = bucket.reduce((a, p) => (p.cost > a.cost ? p : a));
    return lowest === highest
      ? [lowest]
      : lowest.iteration < highest.iteration
        ? [lowest, highest]
        : [highest, lowest];
  }).flat();
  return thinned.at(-1) === last ? thinned : [...thinned, last];
};

/** Finite costs as (iteration, cost) points; a NaN or infinite cost (a diverged run) is left out. */
export const costPoints = (costs: ReadonlyArray<number>, everyN = 1): ReadonlyArray<CostPoint> =>
  costs.flatMap((cost, i) => (Number.isFinite(cost) ? [{ iteration: i * everyN, cost }] : []));

/** Up to 4 significant digits, without the trailing zeros toPrecision leaves. */
const short = (x: number): string => String(Number(x.toPrecision(4)));

const subtitleOf = (options: CostCurveOptions, last: CostPoint | undefined): string =>
  [
    ...(options.learningRate === undefined ? [] : [`learning rate = ${options.learningRate}`]),
    ...(last === undefined
      ? ["no finite cost recorded"]
      : [`final cost ${short(last.cost)} after ${options.unit ?? "iteration"} ${last.iteration}`]),
  ].join("  ·  ");

/** The report's axes: fonts, sizes and colours both pictures share. */
export const baseAxisStyle = {
  labelFont: FONT_STACK,
  titleFont: FONT_STACK,
  labelFontSize: 12,
  titleFontSize: 13,
  titleFontWeight: "normal",
  titleColor: TEXT_COLOR,
  labelColor: MUTED_COLOR,
  domainColor: "#9ca3af",
  tickColor: "#9ca3af",
  titlePadding: 10,
} as const;

const axisStyle = { ...baseAxisStyle, gridColor: GRID_COLOR, grid: true } as const;

/** The Vega spec: the cost line, the last point marked and labelled, and the course's axis titles. */
export const costCurveSpec = (costs: ReadonlyArray<number>, options: CostCurveOptions = {}): Spec => {
  const points = costPoints(costs, options.everyN);
  const last = points.at(-1);
  const unit = options.unit ?? "iteration";
  // An empty run still gets sensible axes instead of NaN ticks.
  const domain = (field: "iteration" | "cost") => (points.length === 0 ? [0, 1] : { data: "points", field });
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    padding: 16,
    background: "white",
    title: {
      text: options.title ?? `Cost per ${unit}`,
      subtitle: subtitleOf(options, last),
      anchor: "start",
      offset: 14,
      font: FONT_STACK,
      subtitleFont: FONT_STACK,
      fontSize: 17,
      subtitleFontSize: 13,
      color: TEXT_COLOR,
      subtitleColor: MUTED_COLOR,
    },
    data: [
      { name: "points", values: [...thinPoints(points, MAX_POINTS)] },
      { name: "last", values: last === undefined ? [] : [last] },
    ],
    scales: [
      { name: "x", type: "linear", domain: domain("iteration"), range: "width", nice: false, zero: true },
      { name: "y", type: "linear", domain: domain("cost"), range: "height", nice: true, zero: true },
    ],
    axes: [
      {
        orient: "bottom",
        scale: "x",
        title: unit,
        tickMinStep: 1,
        tickCount: 8,
        labelFlush: true,
        format: "d",
        ...axisStyle,
      },
      { orient: "left", scale: "y", title: "cost", tickCount: 8, ...axisStyle },
    ],
    marks: [
      {
        type: "line",
        from: { data: "points" },
        clip: true,
        encode: {
          enter: {
            x: { scale: "x", field: "iteration" },
            y: { scale: "y", field: "cost" },
            stroke: { value: LINE_COLOR },
            strokeWidth: { value: 1.5 },
            strokeJoin: { value: "round" },
          },
        },
      },
      {
        type: "symbol",
        from: { data: "last" },
        encode: {
          enter: {
            x: { scale: "x", field: "iteration" },
            y: { scale: "y", field: "cost" },
            fill: { value: LINE_COLOR },
            size: { value: 60 },
          },
        },
      },
      {
        type: "text",
        from: { data: "last" },
        encode: {
          enter: {
            x: { scale: "x", field: "iteration" },
            y: { scale: "y", field: "cost" },
            text: { signal: "format(datum.cost, '.4~g')" },
            align: { value: "right" },
            dx: { value: -6 },
            dy: { value: -12 },
            font: { value: FONT_STACK },
            fontSize: { value: 12 },
            fill: { value: TEXT_COLOR },
          },
        },
      },
    ],
  };
};

/** The spec drawn to a standalone SVG string, headless (no DOM, no canvas, no network). */
export const renderCostCurveSvg = async (
  costs: ReadonlyArray<number>,
  options: CostCurveOptions = {},
): Promise<string> => {
  const { parse, View } = await loadVega();
  const view = new View(parse(costCurveSpec(costs, options)), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
};

/** An SVG rasterised with the bundled DejaVu Sans, off the main thread. */
export const svgToPng = async (svg: string, scale: number = PNG_SCALE): Promise<Uint8Array> => {
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    logLevel: "off",
  });
  const png = image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
};

/**
 * The course's cost plot (`plt.plot(costs); plt.ylabel('cost'); plt.title("Learning rate =" ...)`) but
 * with the cost at every iteration on an "iteration" axis, as SVG and PNG.
 */
export const renderCostCurve = async (
  costs: ReadonlyArray<number>,
  options: CostCurveOptions = {},
): Promise<CostCurve> => {
  const svg = await renderCostCurveSvg(costs, options);
  return { svg, png: await svgToPng(svg) };
};
