/** Three significant digits for tolerances and differences; the compared values themselves print in full. */
export const short = (x: number): string =>
  Number.isFinite(x) && x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6)
    ? x.toExponential(2)
    : String(Number(x.toPrecision(3)));
