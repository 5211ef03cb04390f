/**
 * pandas' `precise_xstrtod` (pandas/_libs/src/parser/tokenizer.c), the float converter `pd.read_csv` uses
 * by default in pandas 1.x (checked against pandas 1.5.3). It is not correctly rounded: it gathers at most
 * 17 significant digits (leading zeros count) into a double one digit at a time, `n·10 + d`, then
 * multiplies or divides once by a power of ten. For 17-digit decimals it can land one ulp away from
 * `Number(text)`, and the Regularization notebook's football test set was read this way, so its numbers
 * need this to match. Written step for step from the C, for text already checked to be a decimal number
 * (optional sign, digits, optional '.', optional exponent); no thousands separator, '.' as the point.
 */

// The C code's table of 1e0 … 1e308: compiler-rounded literals, the same doubles as Number("1eK").
const POWERS_OF_TEN: ReadonlyArray<number> = Array.from({ length: 309 }, (_, k) => Number(`1e${k}`));

const MAX_DIGITS = 17;

const isDigit = (c: string | undefined): c is string => c !== undefined && c >= "0" && c <= "9";

const power = (k: number): number => POWERS_OF_TEN[k] as number;

export const parsePandasFloat = (text: string): number => {
  let p = 0;
  let negative = false;
  if (text[p] === "-" || text[p] === "+") {
    negative = text[p] === "-";
    p++;
  }
  let number = 0;
  let exponent = 0;
  let digits = 0;
  while (isDigit(text[p])) {
    if (digits < MAX_DIGITS) {
      number = number * 10 + Number(text[p]);
      digits++;
    } else exponent++;
    p++;
  }
  if (text[p] === ".") {
    p++;
    let decimals = 0;
    while (digits < MAX_DIGITS && isDigit(text[p])) {
      number = number * 10 + Number(text[p]);
      p++;
      digits++;
      decimals++;
    }
    while (isDigit(text[p])) p++; // digits past the 17th are dropped
    exponent -= decimals;
  }
  if (digits === 0) return Number.NaN;
  if (negative) number = -number;
  if (text[p] === "e" || text[p] === "E") {
    p++;
    let negativeExponent = false;
    if (text[p] === "-" || text[p] === "+") {
      negativeExponent = text[p] === "-";
      p++;
    }
    let n = 0;
    let exponentDigits = 0;
    while (exponentDigits < MAX_DIGITS && isDigit(text[p])) {
      n = n * 10 + Number(text[p]);
      exponentDigits++;
      p++;
    }
    exponent += negativeExponent ? -n : n;
  }
  if (exponent > 308) return negative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY; // C: HUGE_VAL, ERANGE
  if (exponent > 0) return number * power(exponent);
  if (exponent < -308) {
    if (exponent < -616) return negative ? -0 : 0;
    return number / power(-308 - exponent) / power(308);
  }
  return number / power(-exponent);
};
