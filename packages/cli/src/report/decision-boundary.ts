import { type Matrix, unsafeMatrix } from "@stepwise/tensor";
import type { Spec } from "vega";
import { baseAxisStyle, FONT_STACK, svgToPng } from "./cost-curve.js";
import { loadVega } from "./vega.js";

/**
 * The notebooks' `plot_decision_boundary(model, X, y)` for 2-D data: the model's prediction over a grid
 * that spans the data with a margin of 1 (the notebooks' `x_min, x_max = X[0, :].min() - 1, X[0, :].max()
 * + 1`), filled by class, with the examples on top coloured by their label. The notebooks fill a
 * `contourf` of 0/1 predictions on a 0.01 mesh; here the region where the model says 1 is the 0.5
 * iso-contour of its output probability (Vega's isocontour transform, linearly interpolated), so the
 * boundary is a smooth line at any grid size.
 */

/** A model's output over a regular grid of the plane, row 0 at the top (the largest x2). */
export interface DecisionGrid {
  /** [min, max] of x1 and x2: the plotted area. */
  readonly x1: readonly [number, number];
  readonly x2: readonly [number, number];
  /** Grid cells across and down; each value is the output at its cell's centre. */
  readonly columns: number;
  readonly rows: number;
  /** `rows × columns` outputs, row-major, in [0, 1] (a sigmoid's probability of class 1). */
  readonly values: ReadonlyArray<number>;
}

export interface DecisionBoundaryOptions {
  readonly title?: string;
  readonly subtitle?: string;
  /** What y = 0 and y = 1 mean, for the legend (default "y = 0", "y = 1"). */
  readonly classNames?: readonly [string, string];
}

export interface DecisionBoundaryPicture {
  readonly svg: string;
  readonly png: Uint8Array;
}

/** Plot area in CSS pixels; 4:3, like the notebooks' figures. */
export const BOUNDARY_WIDTH = 480;
export const BOUNDARY_HEIGHT = 360;
/** Grid cells across; rows follow the plot's aspect. 120 × 90 outputs, linearly interpolated, draw a boundary smooth to a pixel. */
export const GRID_COLUMNS = 120;

// matplotlib's Spectral at its ends, as the notebooks' cmap: red for y = 0, blue for y = 1; the regions in
// tints of the same two, so the points stay readable on top.
const CLASS_COLORS = ["#d53e4f", "#3288bd"] as const;
const REGION_COLORS = ["#fbe3e1", "#dcebf6"] as const;
const BOUNDARY_COLOR = "#374151";
const TEXT_COLOR = "#1f2937";
const MUTED_COLOR = "#6b7280";

const span = (values: ArrayLike<number>): readonly [number, number] => {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return [low, high];
};

/**
 * The grid `plot_decision_boundary` evaluates: the range of each feature widened by 1 on both sides, cut
 * into `columns` × `rows` cells (rows from the plot's aspect unless given). `predict` gets the cell centres
 * as one (2, columns·rows) matrix, row 0 (the top, largest x2) first, and returns the (1, n) outputs.
 */
export const decisionGrid = (
  X: Matrix,
  predict: (points: Matrix) => Matrix,
  columns = GRID_COLUMNS,
  rows = Math.round((columns * BOUNDARY_HEIGHT) / BOUNDARY_WIDTH),
): DecisionGrid => {
  const [a1, b1] = span(X.data.subarray(0, X.cols));
  const [a2, b2] = span(X.data.subarray(X.cols, 2 * X.cols));
  const x1: readonly [number, number] = [a1 - 1, b1 + 1];
  const x2: readonly [number, number] = [a2 - 1, b2 + 1];
  const n = columns * rows;
  const points = new Float64Array(2 * n);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      points[r * columns + c] = x1[0] + ((c + 0.5) * (x1[1] - x1[0])) / columns;
      points[n + r * columns + c] = x2[1] - ((r + 0.5) * (x2[1] - x2[0])) / rows;
    }
  const outputs = predict(unsafeMatrix(2, n, points));
  return { x1, x2, columns, rows, values: Array.from(outputs.data.subarray(0, n)) };
};

/** The examples as points: x1, x2 and the label of each column of X and Y. */
const pointsOf = (X: Matrix, Y: Matrix): ReadonlyArray<{ x1: number; x2: number; label: number }> =>
  Array.from({ length: X.cols }, (_, j) => ({
    x1: X.data[j] as number,
    x2: X.data[X.cols + j] as number,
    label: Y.data[j] as number,
  }));

/** The Vega spec: class regions, the boundary, the examples, axes x1 and x2, and a legend. */
export const decisionBoundarySpec = (
  grid: DecisionGrid,
  X: Matrix,
  Y: Matrix,
  options: DecisionBoundaryOptions = {},
): Spec => {
  const [name0, name1] = options.classNames ?? ["y = 0", "y = 1"];
  return {
    width: BOUNDARY_WIDTH,
    height: BOUNDARY_HEIGHT,
    padding: 16,
    background: "white",
    ...(options.title === undefined
      ? {}
      : {
          title: {
            text: options.title,
            ...(options.subtitle === undefined ? {} : { subtitle: options.subtitle }),
            anchor: "start",
            offset: 14,
            fontSize: 17,
            subtitleFontSize: 13,
            color: TEXT_COLOR,
            subtitleColor: MUTED_COLOR,
            font: FONT_STACK,
            subtitleFont: FONT_STACK,
          },
        }),
    data: [
      {
        name: "grid",
        values: [
          {
            width: grid.columns,
            height: grid.rows,
            values: grid.values,
            // Contour coordinates run over [0, columns] × [0, rows]; a cell is this many pixels.
            scale: [BOUNDARY_WIDTH / grid.columns, BOUNDARY_HEIGHT / grid.rows],
          },
        ],
        transform: [{ type: "isocontour", thresholds: [0.5] }],
      },
      { name: "points", values: pointsOf(X, Y) },
    ],
    scales: [
      { name: "x", type: "linear", domain: [...grid.x1], range: "width", zero: false, nice: false },
      { name: "y", type: "linear", domain: [...grid.x2], range: "height", zero: false, nice: false },
      { name: "class", type: "ordinal", domain: [0, 1], range: [...CLASS_COLORS] },
      { name: "legend", type: "ordinal", domain: [name0, name1], range: [...CLASS_COLORS] },
    ],
    axes: [
      { orient: "bottom", scale: "x", title: "x1", tickCount: 8, ...baseAxisStyle },
      { orient: "left", scale: "y", title: "x2", tickCount: 6, ...baseAxisStyle },
    ],
    legends: [
      {
        fill: "legend",
        orient: "top-right",
        symbolType: "circle",
        symbolStrokeColor: "white",
        labelFont: FONT_STACK,
        labelFontSize: 12,
        labelColor: TEXT_COLOR,
        fillColor: "rgba(255,255,255,0.85)",
        padding: 6,
      },
    ],
    marks: [
      {
        type: "rect",
        encode: {
          enter: {
            x: { value: 0 },
            y: { value: 0 },
            width: { signal: "width" },
            height: { signal: "height" },
            fill: { value: REGION_COLORS[0] },
          },
        },
      },
      {
        type: "shape",
        from: { data: "grid" },
        clip: true,
        encode: {
          enter: {
            fill: { value: REGION_COLORS[1] },
            stroke: { value: BOUNDARY_COLOR },
            strokeWidth: { value: 1.25 },
          },
        },
        transform: [{ type: "geoshape", field: "datum.contour" }],
      },
      {
        type: "symbol",
        from: { data: "points" },
        clip: true,
        encode: {
          enter: {
            x: { scale: "x", field: "x1" },
            y: { scale: "y", field: "x2" },
            fill: { scale: "class", field: "label" },
            stroke: { value: "white" },
            strokeWidth: { value: 0.6 },
            size: { value: 34 },
          },
        },
      },
      // A frame around the plot: the class-1 region's outline runs along the edges where it meets them,
      // and this makes all four edges look alike.
      {
        type: "rect",
        encode: {
          enter: {
            x: { value: 0 },
            y: { value: 0 },
            width: { signal: "width" },
            height: { signal: "height" },
            stroke: { value: BOUNDARY_COLOR },
            strokeWidth: { value: 1.25 },
            fill: { value: "transparent" },
          },
        },
      },
    ],
  };
};

/** The picture as a standalone SVG and a PNG, headless (no DOM, no canvas, no network). */
export const renderDecisionBoundary = async (
  grid: DecisionGrid,
  X: Matrix,
  Y: Matrix,
  options: DecisionBoundaryOptions = {},
): Promise<DecisionBoundaryPicture> => {
  const { parse, View } = await loadVega();
  const view = new View(parse(decisionBoundarySpec(grid, X, Y, options)), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return { svg, png: await svgToPng(svg) };
  } finally {
    view.finalize();
  }
};
