// Packs op(B) (k × n) into panels of four columns, k-block by k-block, in the order gemm.ts reads them:
// element (p, j) sits at ((kb·panels + jp·len) · 4 + (p - kb) · 4 + j % 4), where kb is p's k-block,
// len its length and jp = j / 4. Missing columns of the last panel are zeros, so every tile is full width.
import { KC } from "./gemm";

/** Panels [jp0, jp1) of op(B); op(B)(p, j) is src[p·n + j], or src[j·k + p] when `transposed`. */
export function pack(src: usize, k: i32, n: i32, transposed: bool, dst: usize, jp0: i32, jp1: i32): void {
  const panels = (n + 3) >> 2;
  const zero = f64x2.splat(0);
  for (let kb = 0; kb < k; kb += KC) {
    const len = min(KC, k - kb);
    const block = dst + ((<usize>kb * panels) << 5);
    for (let jp = jp0; jp < jp1; jp++) {
      let out = block + ((<usize>jp * len) << 5);
      const j0 = jp << 2;
      const cols = min(4, n - j0);
      if (!transposed) {
        let row = src + ((<usize>kb * n + j0) << 3);
        const ld = (<usize>n) << 3;
        for (let q = 0; q < len; q++) {
          if (cols === 4) {
            v128.store(out, v128.load(row));
            v128.store(out, v128.load(row, 16), 16);
          } else {
            v128.store(out, zero);
            v128.store(out, zero, 16);
            for (let c = 0; c < cols; c++)
              store<f64>(out + ((<usize>c) << 3), load<f64>(row + ((<usize>c) << 3)));
          }
          row += ld;
          out += 32;
        }
      } else {
        const ld = (<usize>k) << 3;
        const r0 = src + ((<usize>j0 * k + kb) << 3);
        for (let q = 0; q < len; q++) {
          const at = r0 + ((<usize>q) << 3);
          store<f64>(out, load<f64>(at));
          store<f64>(out, cols > 1 ? load<f64>(at + ld) : 0, 8);
          store<f64>(out, cols > 2 ? load<f64>(at + 2 * ld) : 0, 16);
          store<f64>(out, cols > 3 ? load<f64>(at + 3 * ld) : 0, 24);
          out += 32;
        }
      }
    }
  }
}
