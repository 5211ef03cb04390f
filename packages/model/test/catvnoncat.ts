import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Dataset } from "@stepwise/data";
import { loadCatvnoncat } from "@stepwise/data/node";
import * as E from "fp-ts/lib/Either.js";

/** The course's data: $STEPWISE_DATA_DIR, else ../shared/datasets/catvnoncat beside the repository. */
export const catvnoncatDir = (): string => {
  const fromEnv = process.env["STEPWISE_DATA_DIR"];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  const shared = fileURLToPath(new URL("../../../../shared/datasets/catvnoncat", import.meta.url));
  if (existsSync(shared)) return shared;
  throw new Error(
    `the catvnoncat data is not at ${shared}; set STEPWISE_DATA_DIR to the folder holding the .h5 files`,
  );
};

let cached: Promise<Dataset> | undefined;

export const catvnoncat = (): Promise<Dataset> => {
  cached ??= loadCatvnoncat(catvnoncatDir()).then((d) => {
    if (E.isLeft(d)) throw new Error(d.left.message);
    return d.right;
  });
  return cached;
};
