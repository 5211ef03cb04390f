import type { StepwiseError } from "@stepwise/tensor";

/** How a command failed: a usage problem (exit 2, with a hint to --help) or a runtime one (exit 1). */
export interface CliFailure {
  readonly exitCode: 1 | 2;
  readonly message: string;
}

export const usageFailure = (message: string): CliFailure => ({ exitCode: 2, message });

export const runtimeFailure = (error: StepwiseError | string): CliFailure => ({
  exitCode: 1,
  message: typeof error === "string" ? error : error.message,
});
