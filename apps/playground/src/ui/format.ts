/**
 * Python's `repr` of a float, which is what the course prints: JavaScript's shortest round-trip digits,
 * with `.0` on integers and Python's exponent form (`1e-07`, `1.5e+20`).
 */
export const pyFloat = (x: number): string => {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  const s = String(x);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (m === null) return s;
  return `${m[1]}e${m[2]}${(m[3] as string).padStart(2, "0")}`;
};

/** A matrix's numbers as numpy prints them in the notebooks: 8 significant digits, nested brackets. */
export const showMatrix = (rows: number, cols: number, data: ArrayLike<number>, digits = 8): string => {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++)
      row.push(Number((data[r * cols + c] as number).toPrecision(digits)).toString());
    lines.push(`[${row.join(", ")}]`);
  }
  return `[${lines.join(",\n ")}]`;
};
