import { join } from "node:path";
import { dataError, describeError } from "@stepwise/data";
import { writeFileAtomic } from "@stepwise/data/node";
import type { StepwiseError } from "@stepwise/tensor";
import type * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { type CostCurve, type CostCurveOptions, renderCostCurve } from "./cost-curve.js";
import { type RunSummary, renderReport } from "./html.js";

export const COST_SVG = "cost.svg";
export const COST_PNG = "cost.png";
export const REPORT_HTML = "report.html";

interface Rendered {
  readonly curve: CostCurve;
  readonly html: string;
}

const render = (run: RunSummary, options: CostCurveOptions): TE.TaskEither<StepwiseError, Rendered> =>
  TE.tryCatch(
    async () => {
      const curve = await renderCostCurve(run.costs, options);
      return { curve, html: renderReport({ ...run, costCurveSvg: curve.svg }) };
    },
    (e) => dataError(`cannot render the report: ${describeError(e)}`),
  );

const write =
  (path: string, bytes: Uint8Array): TE.TaskEither<StepwiseError, string> =>
  () =>
    writeFileAtomic(path, bytes);

/**
 * Renders the cost curve and the report, then writes cost.svg, cost.png and report.html into `dir`
 * (which must exist), each atomically; report.html comes last, so its presence means the run is complete.
 * The curve's title defaults to the run's title.
 */
export const writeReportFiles = (
  dir: string,
  run: RunSummary,
  curveOptions: CostCurveOptions = {},
): Promise<E.Either<StepwiseError, { readonly files: ReadonlyArray<string> }>> => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
  return pipe(
    render(run, { title: run.title, ...curveOptions }),
    TE.flatMap(({ curve, html }) =>
      TE.sequenceSeqArray([
        write(join(dir, COST_SVG), utf8(curve.svg)),
        write(join(dir, COST_PNG), curve.png),
        write(join(dir, REPORT_HTML), utf8(html)),
      ]),
    ),
    TE.map((files) => ({ files })),
  )();
};
