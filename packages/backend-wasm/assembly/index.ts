// The module's exports. `run` is the one entry every thread calls for a parallel job: it reads the job
// from a descriptor in shared memory (layout in src/descriptor.ts) and does this thread's fixed share.
import { gemm } from "./gemm";
import { pack } from "./pack";

export { binary, reduce, scalar, unary } from "./elementwise";
export { fused } from "./simd";

/** Where the JS side may start its heap: above the module's own static data. */
export function heapBase(): usize {
  return __heap_base;
}

const GEMM = 1;
const PACK = 2;

export function run(tid: i32, desc: usize): void {
  const op = load<i32>(desc);
  const range = desc + 64 + ((<usize>tid) << 4);
  const i0 = load<i32>(range);
  const i1 = load<i32>(range, 4);
  const jp0 = load<i32>(range, 8);
  const jp1 = load<i32>(range, 12);
  if (op == GEMM)
    gemm(
      load<u32>(desc, 4),
      load<u32>(desc, 8),
      load<u32>(desc, 12),
      load<u32>(desc, 16),
      load<u32>(desc, 20),
      load<i32>(desc, 24),
      load<i32>(desc, 28),
      load<i32>(desc, 32) != 0,
      i0,
      i1,
      jp0,
      jp1,
    );
  else if (op == PACK)
    pack(load<u32>(desc, 4), load<i32>(desc, 8), load<i32>(desc, 12), load<i32>(desc, 16) != 0, load<u32>(desc, 20), jp0, jp1);
}
