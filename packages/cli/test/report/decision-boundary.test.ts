import { fromFunction, type Matrix, unsafeMatrix } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import {
  BOUNDARY_HEIGHT,
  BOUNDARY_WIDTH,
  decisionBoundarySpec,
  decisionGrid,
  GRID_COLUMNS,
  PNG_SCALE,
  renderDecisionBoundary,
  renderReport,
} from "../../src/report/index.js";
import { decodePng, pngSize } from "./helpers.js";

// Four examples of 2 features; a "model" that says 1 where x1 + x2 > 0.
const X = unsafeMatrix(2, 4, Float64Array.from([-1, 0.5, 1, -0.5, -1, 1, 0.25, 0.5]));
const Y = unsafeMatrix(1, 4, Float64Array.from([0, 1, 1, 0]));
const halfPlane = (points: Matrix): Matrix =>
  fromFunction(1, points.cols, (_, j) =>
    (points.data[j] as number) + (points.data[points.cols + j] as number) > 0 ? 0.9 : 0.1,
  );

describe("decisionGrid: plot_decision_boundary's mesh", () => {
  const grid = decisionGrid(X, halfPlane, 8, 6);

  it("spans each feature's range widened by 1, as the notebooks' x_min − 1 … x_max + 1", () => {
    expect(grid.x1).toEqual([-2, 2]);
    expect(grid.x2).toEqual([-2, 2]);
    expect([grid.columns, grid.rows, grid.values.length]).toEqual([8, 6, 48]);
  });

  it("puts row 0 at the top: the largest x2 first, each value at its cell's centre", () => {
    // Top-left cell: x1 = −2 + 0.25, x2 = 2 − 1/3 → sum < 0 → 0.1; bottom-right mirrors it.
    expect(grid.values[0]).toBe(0.1);
    expect(grid.values[7]).toBe(0.9);
    expect(grid.values[40]).toBe(0.1);
  });

  it("takes its rows from the plot's aspect by default", () => {
    expect(decisionGrid(X, halfPlane).rows).toBe(
      Math.round((GRID_COLUMNS * BOUNDARY_HEIGHT) / BOUNDARY_WIDTH),
    );
  });
});

describe("renderDecisionBoundary", () => {
  const grid = decisionGrid(X, halfPlane, 40, 30);

  it("is a Vega spec: the 0.5 iso-contour of the output, the examples by label, axes x1 and x2", () => {
    const spec = decisionBoundarySpec(grid, X, Y, { title: "t" });
    expect(JSON.stringify(spec.data)).toContain('"type":"isocontour","thresholds":[0.5]');
    expect(spec.marks?.map((m) => m.type)).toEqual(["rect", "shape", "symbol", "rect"]);
  });

  it("draws the class-1 region, four points and the titles; the PNG is PNG_SCALE times the SVG", async () => {
    const { svg, png } = await renderDecisionBoundary(grid, X, Y, {
      title: "Decision boundary on test",
      subtitle: "sub",
    });
    expect(svg).toContain(">Decision boundary on test</text>");
    expect(svg).toContain(">x1</text>");
    expect(svg).toContain(">x2</text>");
    expect(svg.match(/class="mark-shape role-mark/g)).toHaveLength(1);
    // Four examples and the legend's two symbols in the class colours.
    expect((svg.match(/fill="#(d53e4f|3288bd)"/g) ?? []).length).toBe(6);
    const image = decodePng(png);
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(pngSize(png).width).toBe(width * PNG_SCALE);
    // Both region tints appear: the boundary crosses the plot.
    const has = (rgb: readonly [number, number, number]) => {
      for (let p = 0; p < image.data.length; p += 3)
        if (image.data[p] === rgb[0] && image.data[p + 1] === rgb[1] && image.data[p + 2] === rgb[2])
          return true;
      return false;
    };
    expect(has([0xfb, 0xe3, 0xe1])).toBe(true);
    expect(has([0xdc, 0xeb, 0xf6])).toBe(true);
  });

  it("goes into the report as a panel of its own; without images there is no mislabeled section", async () => {
    const { svg } = await renderDecisionBoundary(grid, X, Y);
    const html = renderReport({
      title: "moons",
      config: {},
      costs: [0.7, 0.6],
      trainAccuracy: 1,
      testAccuracy: Number.NaN,
      seconds: 1,
      costCurveSvg: "<svg></svg>",
      decisionBoundarySvg: svg,
    });
    expect(html).toContain("<h2>Decision boundary</h2>");
    expect(html).not.toContain("Mislabeled");
  });
});
