// The module's exports. `block` is the one entry every thread calls for a parallel job: it reads the
// job from a descriptor in shared memory (layout in src/descriptor.ts) and computes block `b` of it.
import { gemm, KC, packA } from "./gemm";
import { pack } from "./pack";
import { gemmSparse } from "./sparse";

export { axpby, binary, reduce, scalar, unary } from "./elementwise";
export { fused } from "./simd";

/** Where the JS side may start its heap: above the module's own static data. */
export function heapBase(): usize {
  return __heap_base;
}

const GEMM = 1;
const PACK = 2;
const PACK_A = 3;
const GEMM_SPARSE = 4;

// The bounds of block b: `count` near-equal runs of 4-row units or of panels (src/partition.ts mirrors it).
function part(units: i32, count: i32, b: i32): i32 {
  return <i32>((<i64>units * b) / count);
}

export function block(desc: usize, b: i32): void {
  const op = load<i32>(desc);
  const n = load<i32>(desc, 24);
  const m = load<i32>(desc, 36);
  const count = load<i32>(desc, 40);
  const alongRows = load<i32>(desc, 44) !== 0;
  const panels = (n + 3) >> 2;
  let i0 = 0;
  let i1 = m;
  let jp0 = part(panels, count, b);
  let jp1 = part(panels, count, b + 1);
  if (alongRows) {
    const units = (m + 3) >> 2;
    i0 = min(m, part(units, count, b) << 2);
    i1 = min(m, part(units, count, b + 1) << 2);
    jp0 = 0;
    jp1 = panels;
  }
  if (op === GEMM || op === GEMM_SPARSE) {
    const a = load<u32>(desc, 4);
    const rs = load<u32>(desc, 8);
    const cs = load<u32>(desc, 12);
    const bp = load<u32>(desc, 16);
    const c = load<u32>(desc, 20);
    const k = load<i32>(desc, 28);
    const divisor = load<f64>(desc, 48);
    // Block b's own scratch, so no two threads ever share one.
    const scratch = <usize>load<u32>(desc, 32) + <usize>b * <usize>load<u32>(desc, 56);
    if (op === GEMM)
      gemm(a, rs, cs, bp, c, n, k, divisor, i0, i1, jp0, jp1, scratch, load<u32>(desc, 60), m >> 2);
    else gemmSparse(a, rs, cs, bp, c, n, k, divisor, i0, i1, jp0, jp1, scratch);
  } else if (op === PACK_A) {
    const k = load<i32>(desc, 28);
    const blocksOfK = (k + KC - 1) / KC;
    packA(
      load<u32>(desc, 4),
      load<u32>(desc, 8),
      load<u32>(desc, 12),
      k,
      m >> 2,
      load<u32>(desc, 32),
      part(blocksOfK, count, b),
      part(blocksOfK, count, b + 1),
    );
  } else if (op === PACK)
    pack(load<u32>(desc, 4), load<i32>(desc, 8), n, load<i32>(desc, 12) !== 0, load<u32>(desc, 16), jp0, jp1);
}
