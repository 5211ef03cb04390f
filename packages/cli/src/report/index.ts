export {
  CHART_HEIGHT,
  CHART_WIDTH,
  type CostCurve,
  type CostCurveOptions,
  type CostPoint,
  costCurveSpec,
  costPoints,
  MAX_POINTS,
  PNG_SCALE,
  renderCostCurve,
  renderCostCurveSvg,
  svgToPng,
  thinPoints,
} from "./cost-curve.js";
export {
  BOUNDARY_HEIGHT,
  BOUNDARY_WIDTH,
  type DecisionBoundaryOptions,
  type DecisionBoundaryPicture,
  type DecisionGrid,
  decisionBoundarySpec,
  decisionGrid,
  GRID_COLUMNS,
  renderDecisionBoundary,
} from "./decision-boundary.js";
export {
  type ConfigValue,
  escapeHtml,
  formatProbability,
  formatSeconds,
  type MislabeledImage,
  type ReportInput,
  type RunSummary,
  renderReport,
} from "./html.js";
export { findMislabeled, type PredictionLike } from "./mislabeled.js";
export {
  BOUNDARY_PNG,
  BOUNDARY_SVG,
  COST_PNG,
  COST_SVG,
  type DecisionBoundaryInput,
  REPORT_HTML,
  writeReportFiles,
} from "./write.js";
