import { join } from "node:path";
import { dataError, describeError } from "@stepwise/data";
import { writeFileAtomic } from "@stepwise/data/node";
import type { Matrix, StepwiseError } from "@stepwise/tensor";
import type * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { type CostCurve, type CostCurveOptions, renderCostCurve } from "./cost-curve.js";
import {
  type DecisionBoundaryOptions,
  type DecisionBoundaryPicture,
  type DecisionGrid,
  renderDecisionBoundary,
} from "./decision-boundary.js";
import { type RunSummary, renderReport } from "./html.js";
import { saveVegaCode } from "./vega.js";

export const COST_SVG = "cost.svg";
export const COST_PNG = "cost.png";
export const REPORT_HTML = "report.html";
export const BOUNDARY_SVG = "decision-boundary.svg";
export const BOUNDARY_PNG = "decision-boundary.png";

/** What the decision-boundary picture shows: the model's output over a grid, and the examples. */
export interface DecisionBoundaryInput {
  readonly grid: DecisionGrid;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly options?: DecisionBoundaryOptions;
}

interface Rendered {
  readonly curve: CostCurve;
  readonly boundary: DecisionBoundaryPicture | undefined;
  readonly html: string;
}

const render = (
  run: RunSummary,
  options: CostCurveOptions,
  boundaryInput: DecisionBoundaryInput | undefined,
): TE.TaskEither<StepwiseError, Rendered> =>
  TE.tryCatch(
    async () => {
      // Both pictures at once: the PNG rasterizing runs off the main thread, so the two overlap.
      const [curve, boundary] = await Promise.all([
        renderCostCurve(run.costs, options),
        boundaryInput === undefined
          ? Promise.resolve(undefined)
          : renderDecisionBoundary(
              boundaryInput.grid,
              boundaryInput.X,
              boundaryInput.Y,
              boundaryInput.options,
            ),
      ]);
      saveVegaCode();
      return {
        curve,
        boundary,
        html: renderReport({
          ...run,
          costCurveSvg: curve.svg,
          ...(boundary === undefined ? {} : { decisionBoundarySvg: boundary.svg }),
        }),
      };
    },
    (e) => dataError(`cannot render the report: ${describeError(e)}`),
  );

const write =
  (path: string, bytes: Uint8Array): TE.TaskEither<StepwiseError, string> =>
  () =>
    writeFileAtomic(path, bytes);

/**
 * Renders the cost curve (and, for 2-D data, the decision boundary) and the report, then writes cost.svg,
 * cost.png (decision-boundary.svg, decision-boundary.png) and report.html into `dir` (which must exist),
 * each atomically; report.html comes last, so its presence means the run is complete. The curve's title
 * defaults to the run's title.
 */
export const writeReportFiles = (
  dir: string,
  run: RunSummary,
  curveOptions: CostCurveOptions = {},
  decisionBoundary?: DecisionBoundaryInput,
): Promise<E.Either<StepwiseError, { readonly files: ReadonlyArray<string> }>> => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
  return pipe(
    render(run, { title: run.title, ...curveOptions }, decisionBoundary),
    TE.flatMap(({ curve, boundary, html }) =>
      TE.sequenceSeqArray([
        write(join(dir, COST_SVG), utf8(curve.svg)),
        write(join(dir, COST_PNG), curve.png),
        ...(boundary === undefined
          ? []
          : [
              write(join(dir, BOUNDARY_SVG), utf8(boundary.svg)),
              write(join(dir, BOUNDARY_PNG), boundary.png),
            ]),
        write(join(dir, REPORT_HTML), utf8(html)),
      ]),
    ),
    TE.map((files) => ({ files })),
  )();
};
