import { fileURLToPath } from "node:url";
import type { Dataset } from "@stepwise/data";
import { loadCatvnoncat } from "@stepwise/data/node";
import * as E from "fp-ts/lib/Either.js";

/** The course's data: $STEPWISE_DATA_DIR, else the repository's datasets/catvnoncat. */
export const catvnoncatDir = (): string =>
  process.env["STEPWISE_DATA_DIR"] || fileURLToPath(new URL("../../../datasets/catvnoncat", import.meta.url));

let cached: Promise<Dataset> | undefined;

export const catvnoncat = (): Promise<Dataset> => {
  cached ??= loadCatvnoncat(catvnoncatDir()).then((d) => {
    if (E.isLeft(d)) throw new Error(d.left.message);
    return d.right;
  });
  return cached;
};
