import type { Matrix } from "@stepwise/tensor";
import { pyFloat } from "./format.js";

/**
 * numpy's default print: 8 digits after the point, trailing zeros dropped (`0.03921668`), scientific for
 * very small or large magnitudes; `full` shows every digit of the double.
 */
const cell = (x: number, full: boolean): string => {
  if (full) return pyFloat(x);
  const size = Math.abs(x);
  return size === 0 || (size >= 1e-4 && size < 1e8)
    ? String(Number(x.toFixed(8)))
    : x.toExponential(8).replace(/\.?0+e/, "e");
};

/** A matrix as a table of its numbers, labelled with its name and shape. */
export const MatrixView = ({
  name,
  value,
  full,
}: {
  readonly name: string;
  readonly value: Matrix | number | string;
  readonly full: boolean;
}) => {
  if (typeof value === "string")
    return (
      <div class="value">
        <code>{name}</code>: {value}
      </div>
    );
  if (typeof value === "number")
    return (
      <div class="value" data-name={name}>
        <code>{name}</code> = <span class="number">{cell(value, full)}</span>
      </div>
    );
  const rows = Array.from({ length: value.rows }, (_, r) =>
    Array.from({ length: value.cols }, (_, c) => value.data[r * value.cols + c] as number),
  );
  return (
    <div class="value" data-name={name}>
      <div>
        <code>{name}</code>{" "}
        <span class="shape">
          shape ({value.rows}, {value.cols})
        </span>
      </div>
      <table class="matrix">
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((x, c) => (
                <td key={c}>{cell(x, full)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
