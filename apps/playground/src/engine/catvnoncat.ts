import { CATVNONCAT_H5_FILES, type Dataset, parseCatvnoncat } from "@stepwise/data";
import { type StepwiseError, stepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/**
 * The course's `load_data()` and flattening in a browser: the two HDF5 files fetched from the site's own
 * assets (`base` is the site's root URL), parsed by `@stepwise/data`'s `parseCatvnoncat`.
 */
export const fetchCatvnoncat = async (base: string): Promise<E.Either<StepwiseError, Dataset>> => {
  const get = async (name: string): Promise<readonly [string, Uint8Array]> => {
    const url = new URL(`datasets/catvnoncat/${name}`, base);
    const response = await fetch(url);
    if (!response.ok)
      throw new Error(
        `cannot fetch ${url.href}: HTTP ${response.status}; the site's build should include it`,
      );
    return [name, new Uint8Array(await response.arrayBuffer())];
  };
  try {
    return parseCatvnoncat(Object.fromEntries(await Promise.all(CATVNONCAT_H5_FILES.map(get))));
  } catch (e) {
    return E.left(stepwiseError("DataError", e instanceof Error ? e.message : String(e)));
  }
};
