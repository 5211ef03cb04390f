import { resolve } from "node:path";
import { DEFAULT_DATA_DIR, fetchCatvnoncat } from "@stepwise/data/node";
import * as E from "fp-ts/lib/Either.js";
import { type CliFailure, runtimeFailure } from "./cli-error.js";

export interface FetchFlags {
  readonly from?: string;
  readonly data?: string;
}

/** `stepwise data fetch [--from DIR]`: puts verified copies of the course's files in ./data/catvnoncat. */
export const dataFetchCommand = async (
  flags: FetchFlags,
  write: (line: string) => void,
): Promise<E.Either<CliFailure, void>> => {
  const destDir = resolve(flags.data ?? DEFAULT_DATA_DIR);
  const result = await fetchCatvnoncat({
    destDir,
    ...(flags.from === undefined ? {} : { from: resolve(flags.from) }),
    log: write,
  });
  if (E.isLeft(result)) return E.left(runtimeFailure(result.left));
  for (const file of result.right.files)
    write(
      `${file.path}: ${file.source === "present" ? "already present, checksum verified" : `from ${file.source}, checksum verified`}`,
    );
  return E.right(undefined);
};
