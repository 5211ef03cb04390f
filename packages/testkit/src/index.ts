export {
  type ActivationCheckName,
  type ActivationContractOptions,
  type ActivationInput,
  activationChecks,
  DEFAULT_EXTREMES,
} from "./activation-contract.js";
export {
  assertClose,
  type Expected,
  expectMatrixClose,
  maxRelativeDifference,
  normRelativeDifference,
} from "./assert-close.js";
export type { ContractCheck, ContractSettings, EdgeCase } from "./check.js";
export {
  type CostCheckName,
  type CostContractOptions,
  type CostInput,
  type CostOutputs,
  type CostTargets,
  costChecks,
  type Domain,
} from "./cost-contract.js";
export { courseTestCase, draws } from "./course-cases.js";
export type { Decoder } from "./decode.js";
export {
  type FiniteDifferenceEstimate,
  finiteDifferenceEstimate,
  finiteDifferenceGradient,
  finiteDifferenceVjp,
  finiteDifferenceVjpEstimate,
} from "./finite-difference.js";
export * from "./fixture-readers.js";
export {
  FIXTURES_DIR_ENV,
  type FixtureLocation,
  findWorkspaceRoot,
  fixturesDir,
  loadFixture,
} from "./fixtures.js";
export {
  type ActivationFormula,
  type CostFormula,
  describeActivationFormula,
  describeCostFormula,
} from "./formula.js";
export { matrix } from "./matrix.js";
export {
  type OptimizerCheckName,
  type OptimizerContractOptions,
  type OptimizerInput,
  optimizerChecks,
} from "./optimizer-contract.js";
export { runActivationContract, runCostContract, runOptimizerContract } from "./run-contract.js";
export { loadTorchBatchNormCases, type TorchBatchNormCase } from "./torch-batch-norm.js";
export {
  loadTorchOptimizerCases,
  type TorchHyperparameter,
  type TorchOptimizerCase,
  type TorchOptimizerNetwork,
} from "./torch-optimizers.js";
