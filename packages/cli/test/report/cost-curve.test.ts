import { describe, expect, it } from "vitest";
import {
  CHART_WIDTH,
  costPoints,
  MAX_POINTS,
  PNG_SCALE,
  renderCostCurve,
  renderCostCurveSvg,
  svgToPng,
  thinPoints,
} from "../../src/report/index.js";
import { courseRun, darkPixels, decodePng, PNG_SIGNATURE, pngSize } from "./helpers.js";

const svgSize = (svg: string): { readonly width: number; readonly height: number } => {
  const match = /^<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  if (match === null) throw new Error(`no width/height on the root <svg>: ${svg.slice(0, 200)}`);
  return { width: Number(match[1]), height: Number(match[2]) };
};

describe("renderCostCurve", () => {
  const run = courseRun();

  it("draws the cost line with the course's axis titles and the learning rate in the title", async () => {
    const { svg } = await renderCostCurve(run.costs, {
      learningRate: run.learning_rate,
      title: "L-layer model",
    });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(">iteration</text>");
    expect(svg).toContain(">cost</text>");
    expect(svg).toContain(">L-layer model</text>");
    expect(svg).toContain("learning rate = 0.0075");
    // The line: one path inside the line mark (M then L commands). The course's 2500 iterations are more
    // than MAX_POINTS, so it has the min and max of each of CHART_WIDTH buckets, and the last point.
    const line = /class="mark-line role-mark[^"]*"[^>]*><path[^>]* d="([^"]+)"/.exec(svg);
    expect(line).not.toBeNull();
    expect(run.costs.length).toBeGreaterThan(MAX_POINTS);
    expect(line?.[1]?.split("L").length).toBe(thinPoints(costPoints(run.costs), MAX_POINTS).length);
    expect(line?.[1]?.split("L").length).toBeGreaterThan(CHART_WIDTH);
  });

  it("makes a PNG of PNG_SCALE times the SVG's size", async () => {
    const { svg, png } = await renderCostCurve(run.costs, { learningRate: run.learning_rate });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const size = svgSize(svg);
    expect(pngSize(png)).toEqual({ width: size.width * PNG_SCALE, height: size.height * PNG_SCALE });
  });

  it("draws text in the PNG with the bundled font (no system fonts are loaded)", async () => {
    const text = (body: string): string =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="white"/>${body}</svg>`;
    const withText = decodePng(
      await svgToPng(text('<text x="8" y="28" font-family="sans-serif" font-size="20">cost</text>'), 1),
    );
    const blank = decodePng(await svgToPng(text(""), 1));
    expect(darkPixels(blank)).toBe(0);
    expect(darkPixels(withText)).toBeGreaterThan(50);
  });

  it("escapes markup in the title", async () => {
    const svg = await renderCostCurveSvg([0.7, 0.6], { title: "<script>alert(1)</script>" });
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;");
  });

  it("renders an empty or diverged run without throwing", async () => {
    const empty = await renderCostCurveSvg([]);
    expect(empty).toContain(">iteration</text>");
    expect(empty).toContain("no finite cost recorded");
    const diverged = await renderCostCurveSvg([0.7, 0.5, Number.NaN]);
    expect(diverged).toContain("final cost 0.5 after iteration 1");
  });
});

describe("costPoints", () => {
  it("spaces points everyN iterations apart and drops NaN and infinite costs", () => {
    expect(costPoints([0.7, Number.NaN, 0.5, Number.POSITIVE_INFINITY, 0.4], 100)).toEqual([
      { iteration: 0, cost: 0.7 },
      { iteration: 200, cost: 0.5 },
      { iteration: 400, cost: 0.4 },
    ]);
  });
});

describe("thinPoints", () => {
  it("leaves short runs alone", () => {
    const points = costPoints([3, 2, 1]);
    expect(thinPoints(points, MAX_POINTS)).toBe(points);
  });

  it("keeps at most MAX_POINTS points, in order, including the extremes", () => {
    // Rising at the very end, so the last point is no bucket's minimum.
    const costs = Array.from({ length: 100_000 }, (_, i) =>
      i === 99_999 ? 1 / 100_000 : 1 / (1 + i) + (i === 54_321 ? 5 : 0) - (i > 99_990 ? 1e-3 : 0),
    );
    const thinned = thinPoints(costPoints(costs), MAX_POINTS);
    expect(thinned.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(thinned.length).toBeGreaterThan(MAX_POINTS / 2);
    const iterations = thinned.map((p) => p.iteration);
    expect(iterations).toEqual([...iterations].sort((a, b) => a - b));
    expect(thinned).toContainEqual({ iteration: 0, cost: 1 });
    expect(thinned).toContainEqual({ iteration: 54_321, cost: 5 + 1 / 54_322 });
    expect(thinned.at(-1)).toEqual({ iteration: 99_999, cost: 1 / 100_000 });
  });
});
