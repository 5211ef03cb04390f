import type { Axis, Backend, BinaryOp, Matrix, ReduceOp, Shape, UnaryOp } from "@stepwise/tensor";
import { isAllFinite } from "@stepwise/tensor";
import { platform } from "#platform";
import {
  type Context,
  call,
  descriptorWords,
  elementwise,
  type Lease,
  packed,
  plain,
  release,
  view,
} from "./context.js";
import { CONTROL_BYTES } from "./control.js";
import {
  DESCRIPTOR_BYTES,
  gemmScratchBytes,
  KC,
  MAX_THREADS,
  packedABytes,
  sparseScratchBytes,
  writeGemm,
  writePackA,
} from "./descriptor.js";
import { hasRelaxedSimd, probeEnvironment, unavailableReason } from "./features.js";
import { createHeap } from "./heap.js";
import { chooseKernels, compileKernels, instantiate, type KernelsSource, MAXIMUM_PAGES } from "./kernels.js";
import { binaryCode, reduceCode, unaryCode } from "./ops.js";
import { blocking } from "./partition.js";
import { startPool } from "./pool.js";
import { createResidentCache } from "./resident.js";
import { createStorage } from "./storage.js";
import { PAGE_BYTES, wasmApi } from "./wasm-api.js";

export interface WasmBackendOptions {
  /** Threads for the large products, the calling thread included (default: the cores available). */
  readonly threads?: number;
  /**
   * Use the fused multiply-add build (relaxed SIMD). Default: when the runtime supports it (and, if
   * sources are given, `relaxedKernels` is one of them). Fused products round once per multiply-add, so
   * they differ from the js reference in the last bits.
   */
  readonly fusedMultiplyAdd?: boolean;
  /**
   * The plain SIMD build (the package's `kernels.wasm`): its URL, its bytes or a compiled module. Default:
   * the package's own `build/kernels.wasm`, found next to its code — which a bundled app does not have,
   * so pass the URL your bundler gives the file (see the README, "Bundlers").
   */
  readonly kernels?: KernelsSource;
  /**
   * The fused multiply-add build (`kernels-relaxed.wasm`), likewise. Once either source is given only the
   * given builds are used: `relaxedKernels` where the runtime has relaxed SIMD, else `kernels`.
   */
  readonly relaxedKernels?: KernelsSource;
  /**
   * Let products skip the exact zeros of a mostly-zero op(A) (default true). The bits are the same
   * either way; false measures the dense kernels alone.
   */
  readonly skipZeros?: boolean;
  /** Budget for resident copies of constant inputs (default 256 MiB). */
  readonly residentBytes?: number;
  /** Smallest input worth keeping resident (default 256 KiB). */
  readonly residentMinBytes?: number;
}

export interface WasmBackendStats {
  /** Bytes of wasm memory in use, and its size. */
  readonly heapUsed: number;
  readonly memoryBytes: number;
  /** Resident copies of constant inputs. */
  readonly residentBytes: number;
  readonly residentArrays: number;
  /** Products that skipped the zeros of op(A) (assembly/sparse.ts) since the backend started. */
  readonly sparseProducts: number;
}

export interface WasmBackend extends Backend {
  readonly name: "wasm";
  readonly threads: number;
  readonly fusedMultiplyAdd: boolean;
  readonly stats: () => WasmBackendStats;
  /** Forgets every resident copy (only needed if an input array was mutated, against the contract). */
  readonly clearResident: () => void;
  /** Stops the workers; the backend must not be used afterwards. */
  readonly dispose: () => Promise<void>;
}

/** Products with fewer multiply-adds than this run on the calling thread alone (a fork-join costs 30–100 µs). */
const PARALLEL_MACS = 1 << 18;
const INITIAL_PAGES = 256;
/**
 * The share of a product's work that skipping op(A)'s zeros saves (assembly/sparse.ts), from which the
 * backend takes that kernel, when B is a resident input known to be finite. Whole groups of four rows
 * skip the steps where all four are zero, at nearly the dense kernel's cost per step kept.
 */
const SKIP_SHARE = 0.25;
/** The deepest product that skips zeros: its scratch holds all of a block's rows of op(A), packed. */
const SPARSE_MAX_K = 1024;

/**
 * The share of op(A)'s steps the sparse kernel skips: per group of four rows (the last may have fewer),
 * the steps where all of them are zero. op(A)(i, p) is data[i·rs + p·cs].
 */
const skippableShare = (data: Float64Array, m: number, k: number, rs: number, cs: number): number => {
  let skipped = 0;
  for (let i0 = 0; i0 < m; i0 += 4) {
    const rows = Math.min(4, m - i0);
    for (let p = 0; p < k; p++) {
      let zero = true;
      for (let r = 0; r < rows && zero; r++) zero = data[(i0 + r) * rs + p * cs] === 0;
      if (zero) skipped += rows;
    }
  }
  return skipped / (m * k);
};

/** op(A) with this many elements or more is packed once per product, not once per block. */
const SHARED_PACK_A = 1 << 16;

const matmulDivide =
  (ctx: Context) =>
  (
    a: Matrix,
    b: Matrix,
    transposeA: boolean,
    transposeB: boolean,
    divisor: number,
    result: Float64Array,
  ): void => {
    const m = transposeA ? a.cols : a.rows;
    const k = transposeA ? a.rows : a.cols;
    const n = transposeB ? b.rows : b.cols;
    // An empty sum is 0, and 0 / divisor is what dividing it gives (−0, or NaN for a divisor of 0).
    if (m === 0 || n === 0 || k === 0) {
      result.fill(0 / divisor);
      return;
    }
    // Stage A before packing B: a product of X with itself finds X's plain copy for the pack.
    const stage = (): ReadonlyArray<Lease> => {
      const A = plain(ctx, a, true);
      try {
        return [A, packed(ctx, b, transposeB, k, n)];
      } catch (error) {
        release(ctx, A);
        throw error;
      }
    };
    call(ctx, result, stage, ([A, B], c) => {
      const parallel = m * n * k >= PARALLEL_MACS;
      const blocks = blocking(m, n, parallel ? ctx.pool.threads : 1, k);
      const rs = transposeA ? 1 : a.cols;
      const cs = transposeA ? a.cols : 1;
      const sparse =
        ctx.skipZeros &&
        parallel &&
        k <= SPARSE_MAX_K &&
        skippableShare(a.data, m, k, rs, cs) >= SKIP_SHARE &&
        ctx.inputs.allFinite(b.data, () => isAllFinite(b)) === true;
      if (sparse) ctx.counters.sparseProducts++;
      // Blocks along panels each need all of op(A): pack it once for all of them when it is large.
      const shared = !sparse && !blocks.alongRows && blocks.count > 1 && m >= 4 && m * k >= SHARED_PACK_A;
      const scratch = ctx.heap.allocate(
        sparse
          ? sparseScratchBytes(m, k, blocks)
          : shared
            ? packedABytes(m, k)
            : gemmScratchBytes(m, k, blocks),
      );
      try {
        if (shared) {
          const count = Math.min(ctx.pool.threads, Math.ceil(k / KC));
          writePackA(descriptorWords(ctx), { a: A ?? 0, rs, cs, m, k, dst: scratch }, count);
          ctx.pool.run(ctx.descriptor, count, true);
        }
        writeGemm(
          descriptorWords(ctx),
          {
            a: A ?? 0,
            rs,
            cs,
            packedB: B ?? 0,
            c,
            m,
            n,
            k,
            divisor,
            scratch,
            packedA: shared ? scratch : 0,
            sparse,
          },
          blocks,
        );
        ctx.pool.run(ctx.descriptor, blocks.count, parallel);
      } finally {
        ctx.heap.release(scratch);
      }
    });
  };

/** A plain product is a division by 1, which the kernel skips (x / 1 is x). */
const matmul = (ctx: Context) => {
  const product = matmulDivide(ctx);
  return (a: Matrix, b: Matrix, transposeA: boolean, transposeB: boolean, result: Float64Array): void =>
    product(a, b, transposeA, transposeB, 1, result);
};

const unary =
  (ctx: Context) =>
  (op: UnaryOp, a: Matrix, result: Float64Array): void =>
    elementwise(ctx, [a], result, ([src], out) =>
      ctx.kernels.unary(unaryCode[op], src ?? 0, out, a.data.length),
    );

const binary =
  (ctx: Context) =>
  (op: BinaryOp, a: Matrix, b: Matrix, [rows, cols]: Shape, result: Float64Array): void =>
    elementwise(ctx, [a, b], result, ([pa, pb], out) =>
      // A stride of 0 repeats the single row or column of a broadcast operand (as in the js reference).
      ctx.kernels.binary(
        binaryCode[op],
        pa ?? 0,
        a.rows === 1 ? 0 : a.cols,
        a.cols === 1 ? 0 : 1,
        pb ?? 0,
        b.rows === 1 ? 0 : b.cols,
        b.cols === 1 ? 0 : 1,
        out,
        rows,
        cols,
      ),
    );

const scalar =
  (ctx: Context) =>
  (op: BinaryOp, a: Matrix, s: number, scalarFirst: boolean, result: Float64Array): void =>
    elementwise(ctx, [a], result, ([src], out) => {
      view(ctx.memory, ctx.scalarSlot, 1)[0] = s;
      ctx.kernels.scalar(binaryCode[op], src ?? 0, ctx.scalarSlot, scalarFirst ? 1 : 0, out, a.data.length);
    });

const reduce =
  (ctx: Context) =>
  (op: ReduceOp, a: Matrix, axis: Axis | "all", result: Float64Array): void =>
    elementwise(ctx, [a], result, ([src], out) =>
      ctx.kernels.reduce(reduceCode[op], axis === "all" ? 2 : axis, src ?? 0, a.rows, a.cols, out),
    );

const axpby =
  (ctx: Context) =>
  (alpha: number, a: Matrix, beta: number, b: Matrix, result: Float64Array): void =>
    elementwise(ctx, [a, b], result, ([pa, pb], out) =>
      ctx.kernels.axpby(alpha, pa ?? 0, beta, pb ?? 0, out, a.data.length),
    );

const checkThreads = (threads: number): number => {
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= MAX_THREADS))
    throw new RangeError(
      `createWasmBackend: threads must be an integer from 1 to ${MAX_THREADS}, got ${threads}`,
    );
  return threads;
};

/**
 * The WebAssembly SIMD backend. Resolves once the module is compiled and every worker has instantiated
 * it. Call `dispose()` to stop the workers (they are unref'd in Node, so forgetting it does not keep a
 * process alive).
 */
export const createWasmBackend = async (options: WasmBackendOptions = {}): Promise<WasmBackend> => {
  const unavailable = unavailableReason(probeEnvironment());
  if (unavailable !== undefined) throw new Error(`createWasmBackend: ${unavailable}`);
  const threads = checkThreads(options.threads ?? Math.min(platform.availableCores(), MAX_THREADS));
  const api = wasmApi();
  if (api === undefined) throw new Error("createWasmBackend: this runtime has no WebAssembly");
  const module = await compileKernels(chooseKernels(options, hasRelaxedSimd()));
  const memory = new api.Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES, shared: true });
  const kernels = instantiate(module, memory);
  // Layout: the module's static data, the control block, the descriptor, a slot for scalars, the heap.
  const control = Math.ceil(kernels.heapBase() / 64) * 64;
  const descriptor = control + CONTROL_BYTES;
  const scalarSlot = descriptor + DESCRIPTOR_BYTES;
  const heap = createHeap(memory, scalarSlot + 64, MAXIMUM_PAGES * PAGE_BYTES);
  const pool = await startPool({ module, memory, control, threads, blockHere: kernels.block });
  const storage = createStorage(memory, heap);
  const inputs = createResidentCache({
    heap,
    budgetBytes: options.residentBytes ?? 256 * 2 ** 20,
    minBytes: options.residentMinBytes ?? 256 * 2 ** 10,
    // A recycler's array lives in this storage and holds other numbers next step: never a constant input.
    isStorage: (data) => storage.addressOf(data) !== undefined,
  });
  const counters = { sparseProducts: 0 };
  const ctx: Context = {
    memory,
    kernels,
    heap,
    inputs,
    pool,
    storage,
    counters,
    skipZeros: options.skipZeros ?? true,
    descriptor,
    scalarSlot,
  };
  return {
    name: "wasm",
    threads,
    fusedMultiplyAdd: kernels.fused() !== 0,
    matmul: matmul(ctx),
    matmulDivide: matmulDivide(ctx),
    unary: unary(ctx),
    binary: binary(ctx),
    scalar: scalar(ctx),
    reduce: reduce(ctx),
    axpby: axpby(ctx),
    allocate: storage.allocate,
    stats: () => {
      const h = heap.stats();
      const i = inputs.stats();
      return {
        heapUsed: h.used,
        memoryBytes: h.size,
        residentBytes: i.bytes,
        residentArrays: i.arrays,
        sparseProducts: counters.sparseProducts,
      };
    },
    clearResident: inputs.clear,
    dispose: pool.dispose,
  };
};
