// jsfive ships no type declarations; this is the small part of its API that h5.ts uses.
declare module "jsfive" {
  /** Parses a whole HDF5 file held in memory. Throws strings or RangeErrors on bad input. */
  export class File {
    constructor(buffer: ArrayBuffer, filename?: string);
    /** Names of the links in the root group. */
    readonly keys: string[];
    /** A Dataset (with `dtype`, `shape`, `value`) or a Group; validated by the caller. */
    get(path: string): unknown;
  }
}
