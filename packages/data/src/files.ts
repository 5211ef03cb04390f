import { createHash, randomUUID } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { dataError, describeError } from "./ndarray.js";

// Node only (see node.ts): the file system and node:crypto.

/** A whole file as bytes; a missing or unreadable file is a DataError naming the path. */
export const readBytes = async (path: string): Promise<E.Either<StepwiseError, Uint8Array>> => {
  try {
    const buf = await readFile(path);
    return E.right(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch (e) {
    return E.left(dataError(`cannot read ${path}: ${describeError(e)}`));
  }
};

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Writes `bytes` to a temp file next to `path`, then renames it over `path`: a reader sees the old file
 * or the complete new one, never half of it. The temp file is removed if anything fails.
 */
export const writeFileAtomic = async (
  path: string,
  bytes: Uint8Array,
): Promise<E.Either<StepwiseError, string>> => {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.part`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    await rename(temp, path);
    return E.right(path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    return E.left(dataError(`cannot write ${path}: ${describeError(e)}`));
  }
};
