import { pngDataUrl } from "@stepwise/data";

/** One hyper-parameter as it appears in metrics.json; arrays are e.g. the layer sizes. */
export type ConfigValue = string | number | boolean | null | ReadonlyArray<string | number>;

/** A test image the model got wrong, like one column of the notebook's `print_mislabeled_images`. */
export interface MislabeledImage {
  /** Position in the test set. */
  readonly index: number;
  /** `height × width × 3` bytes in (row, column, channel) order, as `imageAt` returns them. */
  readonly rgb: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly trueLabel: string;
  readonly predictedLabel: string;
  /** The model's probability for `predictedLabel` (for a sigmoid output a: a if it said 1, else 1 − a). */
  readonly probability: number;
}

/** What a run produced, as the report shows it. */
export interface RunSummary {
  readonly title: string;
  /** Hyper-parameters in the order they should be listed (the same object as metrics.json's "config"). */
  readonly config: Readonly<Record<string, ConfigValue>>;
  /** The cost at every iteration. */
  readonly costs: ReadonlyArray<number>;
  /** Fractions in [0, 1], as `predict` returns them. */
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** Training wall-clock time. */
  readonly seconds: number;
  /** The test images the model got wrong; left out for data without images (no section then). */
  readonly mislabeled?: ReadonlyArray<MislabeledImage>;
  /** Number of test images, for "8 of 50"; left out, only the mislabeled count is shown. */
  readonly testCount?: number;
}

export interface ReportInput extends RunSummary {
  /** The SVG from `renderCostCurve`. */
  readonly costCurveSvg: string;
  /** The SVG from `renderDecisionBoundary`, for 2-D data. */
  readonly decisionBoundarySvg?: string;
}

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for HTML content and (quoted) attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const formatValue = (value: ConfigValue): string =>
  value === null ? "none" : typeof value === "object" ? `[${value.join(", ")}]` : String(value);

const formatPercent = (fraction: number): string =>
  Number.isFinite(fraction) ? `${Number((fraction * 100).toFixed(2))}%` : "—";

export const formatSeconds = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return "—";
  if (seconds < 60) return `${Number(seconds.toPrecision(3))} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
};

const lastFinite = (costs: ReadonlyArray<number>): number | undefined =>
  costs.reduce<number | undefined>((last, c) => (Number.isFinite(c) ? c : last), undefined);

// Scripts, event handlers and embedded HTML have no business in a chart; anything that has them is shown
// as an <img>, where SVG scripts never run (and the page's CSP blocks them anyway).
const UNSAFE_SVG = /<script|<foreignObject|<iframe|<!ENTITY|\son[a-z]+\s*=|javascript:/i;

/**
 * The chart inline (crisp, text selectable). Inline SVG in HTML needs no XML prolog or namespace
 * declarations, and without them the page has no http(s) string at all.
 */
const embedSvg = (svg: string, alt = "cost curve"): string => {
  const body = svg
    .replace(/^\s*<\?xml[^>]*\?>\s*/, "")
    .replace(/\s+xmlns(?::xlink)?="[^"]*"/g, "")
    .trim();
  return body.startsWith("<svg") && body.endsWith("</svg>") && !UNSAFE_SVG.test(body)
    ? body
    : `<img alt="${escapeHtml(alt)}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}">`;
};

const card = (label: string, value: string, hint: string): string =>
  `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value" title="${escapeHtml(hint)}">${escapeHtml(value)}</div></div>`;

const metricsSection = (input: ReportInput): string => {
  const finalCost = lastFinite(input.costs);
  return [
    '<section class="cards">',
    card(
      "Final cost",
      finalCost === undefined ? "—" : String(Number(finalCost.toPrecision(6))),
      finalCost === undefined ? "no finite cost" : String(finalCost),
    ),
    card("Train accuracy", formatPercent(input.trainAccuracy), String(input.trainAccuracy)),
    card("Test accuracy", formatPercent(input.testAccuracy), String(input.testAccuracy)),
    card("Training time", formatSeconds(input.seconds), `${input.seconds} s`),
    "</section>",
  ].join("\n");
};

const configTable = (config: Readonly<Record<string, ConfigValue>>): string => {
  const rows = Object.entries(config).map(
    ([key, value]) =>
      `<tr><th scope="row">${escapeHtml(key)}</th><td>${escapeHtml(formatValue(value))}</td></tr>`,
  );
  return rows.length === 0
    ? '<p class="note">No hyper-parameters were recorded.</p>'
    : `<table class="config"><tbody>\n${rows.join("\n")}\n</tbody></table>`;
};

/** Three decimals, but a confident 0.9997 must not read as a certain 1.000. */
export const formatProbability = (p: number): string =>
  p >= 0.9995 && p < 1 ? "> 0.999" : p > 0 && p < 0.0005 ? "< 0.001" : `= ${p.toFixed(3)}`;

/** Shown at about 128 px, whole-number scaled with square pixels so nothing is smoothed away. */
const DISPLAY_PX = 128;

const mislabeledFigure = (image: MislabeledImage): string => {
  const scale = Math.max(1, Math.round(DISPLAY_PX / Math.max(image.width, image.height)));
  const src = pngDataUrl(image.rgb, image.width, image.height);
  const alt = `Test image ${image.index}: predicted ${image.predictedLabel}, labelled ${image.trueLabel}`;
  return [
    '<figure class="sample">',
    `<img src="${src}" width="${image.width * scale}" height="${image.height * scale}" alt="${escapeHtml(alt)}">`,
    "<figcaption>",
    `<span class="pred">Prediction: ${escapeHtml(image.predictedLabel)}</span>`,
    `<span class="truth">Class: ${escapeHtml(image.trueLabel)}</span>`,
    `<span class="prob">P(${escapeHtml(image.predictedLabel)}) ${escapeHtml(formatProbability(image.probability))}</span>`,
    `<span class="index">test image #${escapeHtml(String(image.index))}</span>`,
    "</figcaption>",
    "</figure>",
  ].join("");
};

const mislabeledSection = (input: ReportInput, mislabeled: ReadonlyArray<MislabeledImage>): string => {
  const n = mislabeled.length;
  const of = input.testCount === undefined ? "" : ` of ${input.testCount}`;
  if (n === 0)
    return `<p class="note ok">Every test image${of === "" ? "" : ` (${input.testCount})`} was classified correctly.</p>`;
  return [
    `<p class="note">${n}${of} test image${n === 1 ? " was" : "s were"} misclassified.</p>`,
    `<div class="grid">\n${mislabeled.map(mislabeledFigure).join("\n")}\n</div>`,
  ].join("\n");
};

const STYLE = `
:root { color-scheme: light; --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --accent: #2563eb; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 48px; }
header { margin-bottom: 24px; }
.kicker { margin: 0; color: var(--accent); font-size: 13px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: 4px 0 0; font-size: 28px; line-height: 1.25; overflow-wrap: anywhere; }
h2 { margin: 0 0 12px; font-size: 18px; }
section { margin-top: 20px; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; }
.card .label { color: var(--muted); font-size: 13px; }
.card .value { font-size: 26px; font-weight: 600; font-variant-numeric: tabular-nums; }
.curve { margin: 0; }
.curve svg, .curve img { display: block; width: 100%; height: auto; }
.boundary svg, .boundary img { max-width: 640px; margin: 0 auto; }
table.config { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
table.config th, table.config td { text-align: left; padding: 6px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.config th { width: 34%; font-weight: 500; color: var(--muted); }
table.config td { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 14px; overflow-wrap: anywhere; }
table.config tr:last-child th, table.config tr:last-child td { border-bottom: 0; }
.note { margin: 0 0 16px; color: var(--muted); }
.note.ok { margin: 0; color: #166534; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 16px; }
.sample { margin: 0; text-align: center; }
.sample img { image-rendering: pixelated; border-radius: 4px; background: #000; max-width: 100%; height: auto; }
.sample figcaption { display: flex; flex-direction: column; margin-top: 6px; font-size: 13px; line-height: 1.35; }
.sample .pred { color: #b91c1c; font-weight: 600; }
.sample .truth { color: #166534; }
.sample .prob, .sample .index { color: var(--muted); font-variant-numeric: tabular-nums; }
@media (max-width: 600px) { main { padding: 20px 12px 32px; } .panel { padding: 16px; } }
footer { margin-top: 28px; color: var(--muted); font-size: 12px; text-align: center; }
`;

// Nothing may load from anywhere: pictures are data: URLs, styles are inline, and there are no scripts.
const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/**
 * The run as one self-contained HTML page: no scripts, no external assets, every piece of text escaped.
 * Throws (a caller bug) if a mislabeled image's bytes do not match its width and height.
 */
export const renderReport = (input: ReportInput): string =>
  [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<header><p class="kicker">Stepwise training report</p><h1>${escapeHtml(input.title)}</h1></header>`,
    metricsSection(input),
    ...(input.decisionBoundarySvg === undefined
      ? []
      : [
          `<section class="panel"><h2>Decision boundary</h2><figure class="curve boundary">${embedSvg(input.decisionBoundarySvg, "decision boundary")}</figure></section>`,
        ]),
    `<section class="panel"><h2>Cost curve</h2><figure class="curve">${embedSvg(input.costCurveSvg)}</figure></section>`,
    `<section class="panel"><h2>Hyper-parameters</h2>${configTable(input.config)}</section>`,
    ...(input.mislabeled === undefined
      ? []
      : [
          `<section class="panel"><h2>Mislabeled test images</h2>\n${mislabeledSection(input, input.mislabeled)}\n</section>`,
        ]),
    "<footer>Generated by Stepwise. This page is self-contained: it loads nothing from the network.</footer>",
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
