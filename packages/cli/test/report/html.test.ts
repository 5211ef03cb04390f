import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  formatProbability,
  formatSeconds,
  type MislabeledImage,
  type ReportInput,
  renderCostCurveSvg,
  renderReport,
} from "../../src/report/index.js";
import { courseRun, decodePng, solidImage } from "./helpers.js";

const run = courseRun();
const costCurveSvg = await renderCostCurveSvg(run.costs, { learningRate: run.learning_rate });

const sample = (index: number, overrides: Partial<MislabeledImage> = {}): MislabeledImage => ({
  index,
  rgb: solidImage(64, 64, [index * 20, 100, 200]),
  width: 64,
  height: 64,
  trueLabel: "non-cat",
  predictedLabel: "cat",
  probability: 0.7312,
  ...overrides,
});

const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  title: "L-layer model",
  config: {
    layers: [12288, 20, 7, 5, 1],
    init: "deep",
    hidden: "relu",
    output: "sigmoid",
    cost: "binary-cross-entropy",
    learning_rate: 0.0075,
    iterations: 2500,
    optimizer: "gd",
    mini_batch_size: null,
    lambd: 0,
    keep_prob: 1,
    seed: 1,
    backend: "reference",
  },
  costs: run.costs,
  trainAccuracy: run.train_accuracy,
  testAccuracy: run.test_accuracy,
  seconds: 62.72,
  mislabeled: [sample(5), sample(6, { trueLabel: "cat", predictedLabel: "non-cat", probability: 0.55 })],
  testCount: 50,
  costCurveSvg,
  ...overrides,
});

const imgSources = (html: string): ReadonlyArray<string> =>
  [...html.matchAll(/<img\b[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1] ?? "");

describe("renderReport", () => {
  const html = renderReport(input());

  it("shows the title, final cost, accuracies and training time", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<h1>L-layer model</h1>");
    expect(html).toContain("98.56%");
    expect(html).toContain("80%");
    expect(html).toContain(String(Number((run.costs.at(-1) ?? 0).toPrecision(6))));
    expect(html).toContain("1 min 3 s");
  });

  it("lists every hyper-parameter in order, arrays and null readable", () => {
    const keys = [...html.matchAll(/<th scope="row">([^<]*)<\/th><td>([^<]*)<\/td>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(keys).toEqual([
      ["layers", "[12288, 20, 7, 5, 1]"],
      ["init", "deep"],
      ["hidden", "relu"],
      ["output", "sigmoid"],
      ["cost", "binary-cross-entropy"],
      ["learning_rate", "0.0075"],
      ["iterations", "2500"],
      ["optimizer", "gd"],
      ["mini_batch_size", "none"],
      ["lambd", "0"],
      ["keep_prob", "1"],
      ["seed", "1"],
      ["backend", "reference"],
    ]);
  });

  it("inlines the cost curve SVG", () => {
    expect(html).toContain(">iteration</text>");
    expect(html).toMatch(/<figure class="curve"><svg /);
  });

  it("shows one pixelated 64×64 PNG per mislabeled image, with its labels and probability", () => {
    const sources = imgSources(html);
    expect(sources).toHaveLength(2);
    for (const src of sources) {
      expect(src.startsWith("data:image/png;base64,")).toBe(true);
      const image = decodePng(Buffer.from(src.slice("data:image/png;base64,".length), "base64"));
      expect([image.width, image.height]).toEqual([64, 64]);
    }
    expect(html).toContain('width="128" height="128"');
    expect(html).toContain("image-rendering: pixelated");
    expect(html).toContain('Prediction: cat</span><span class="truth">Class: non-cat');
    expect(html).toContain('Prediction: non-cat</span><span class="truth">Class: cat');
    expect(html).toContain("P(cat) = 0.731");
    expect(html).toContain("test image #6");
    expect(html).toContain("2 of 50 test images were misclassified.");
  });

  it("is self-contained: no http(s) URL, every src a data: URL, no scripts", () => {
    expect(html).not.toMatch(/https?:\/\//);
    // url(#clip1) is the chart's own clip path; anything else would be a fetch.
    expect(html).not.toMatch(/<script|<link|@import|url\((?!#)/i);
    expect(html).toContain("Content-Security-Policy");
    expect(imgSources(html).every((src) => src.startsWith("data:"))).toBe(true);
    expect(html).not.toMatch(/\shref=/);
  });

  it("escapes markup in config values, keys, labels and the title", () => {
    const attack = '<script>alert("x")</script>';
    const page = renderReport(
      input({
        title: attack,
        config: { [attack]: attack, note: "a & b" },
        mislabeled: [sample(1, { trueLabel: attack, predictedLabel: '"><img src=x onerror=alert(1)>' })],
      }),
    );
    expect(page).not.toContain("<script");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain("a &amp; b");
    expect(imgSources(page)).toHaveLength(1);
  });

  it("embeds an SVG with scripts or handlers as an image, where nothing in it can run", () => {
    const page = renderReport(
      input({ costCurveSvg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }),
    );
    expect(page).not.toContain("<script");
    expect(page).toContain('<img alt="cost curve" src="data:image/svg+xml;base64,');
    const handler = renderReport(input({ costCurveSvg: '<svg onload="alert(1)"></svg>' }));
    expect(handler).not.toContain("onload");
  });

  it("says so when every test image was classified correctly", () => {
    const page = renderReport(input({ mislabeled: [], testAccuracy: 1 }));
    expect(page).toMatch(/every test image \(50\) was classified correctly/i);
    expect(imgSources(page)).toHaveLength(0);
    const { testCount: _, ...withoutCount } = input({ mislabeled: [] });
    expect(renderReport(withoutCount)).toMatch(/every test image was classified correctly/i);
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and quoted attributes", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
  });
});

describe("formatProbability", () => {
  it("keeps three decimals without rounding a near-certainty to certainty", () => {
    expect(formatProbability(0.7312)).toBe("= 0.731");
    expect(formatProbability(1)).toBe("= 1.000");
    expect(formatProbability(0.99971)).toBe("> 0.999");
    expect(formatProbability(0.0001)).toBe("< 0.001");
    expect(formatProbability(0)).toBe("= 0.000");
  });
});

describe("formatSeconds", () => {
  it("reads like a person would say it", () => {
    expect(formatSeconds(0.0421)).toBe("0.0421 s");
    expect(formatSeconds(12.345)).toBe("12.3 s");
    expect(formatSeconds(62.72)).toBe("1 min 3 s");
    expect(formatSeconds(119.7)).toBe("2 min 0 s");
    expect(formatSeconds(3725)).toBe("62 min 5 s");
    expect(formatSeconds(Number.NaN)).toBe("—");
  });
});
