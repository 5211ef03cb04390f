import type { Matrix } from "@stepwise/tensor";
import { DESCRIPTOR_BYTES, writePack } from "./descriptor.js";
import type { Heap } from "./heap.js";
import type { Kernels } from "./kernels.js";
import { blocking, panelsOf } from "./partition.js";
import type { Pool } from "./pool.js";
import type { ResidentCache } from "./resident.js";
import type { Storage } from "./storage.js";
import type { WasmMemory } from "./wasm-api.js";

/**
 * What every backend call does around its kernel: put the operands into wasm memory (resident copies
 * when there are some), compute into the result's storage (in place when it is wasm memory, else in a
 * block copied out afterwards), release what the call owned.
 */

/** Packs with fewer elements than this run on the calling thread alone. */
const PARALLEL_PACK = 1 << 16;

/** A block of wasm memory holding an operand for one call: resident (kept) or owned by the call. */
export interface Lease {
  readonly address: number;
  readonly owned: boolean;
}

export interface Context {
  readonly memory: WasmMemory;
  readonly kernels: Kernels;
  readonly heap: Heap;
  /** Copies of constant inputs (X), kept from their second use. */
  readonly inputs: ResidentCache;
  readonly pool: Pool;
  /** Arrays in wasm memory handed to recyclers: operands and results in place. */
  readonly storage: Storage;
  readonly counters: { sparseProducts: number };
  /** Whether products may skip the zeros of a mostly-zero op(A) (WasmBackendOptions.skipZeros). */
  readonly skipZeros: boolean;
  readonly descriptor: number;
  readonly scalarSlot: number;
}

export const view = (memory: WasmMemory, address: number, length: number): Float64Array =>
  new Float64Array(memory.buffer, address, length);

const plainForm = (m: Matrix): string => `plain ${m.rows}x${m.cols}`;

export const release = (ctx: Context, lease: Lease): void => {
  if (lease.owned) ctx.heap.release(lease.address);
};

/** `data` in `form` inside wasm memory: a resident copy, or a new one (offered to the input cache if `keep`). */
const acquire = (
  ctx: Context,
  data: Float64Array,
  form: string,
  bytes: number,
  keep: boolean,
  fill: (address: number) => void,
): Lease => {
  const resident = ctx.inputs.find(data, form);
  if (resident !== undefined) return { address: resident, owned: false };
  const address = ctx.heap.allocate(bytes);
  try {
    fill(address);
  } catch (error) {
    ctx.heap.release(address);
    throw error;
  }
  return { address, owned: !(keep && ctx.inputs.offer(data, form, address, bytes)) };
};

export const plain = (ctx: Context, m: Matrix, keep: boolean): Lease => {
  const inPlace = ctx.storage.addressOf(m.data);
  if (inPlace !== undefined) return { address: inPlace, owned: false };
  return acquire(ctx, m.data, plainForm(m), m.data.byteLength, keep, (address) =>
    view(ctx.memory, address, m.data.length).set(m.data),
  );
};

/** op(B) (k × n) packed into panels of four columns (assembly/pack.ts). */
export const packed = (ctx: Context, b: Matrix, transposed: boolean, k: number, n: number): Lease =>
  acquire(
    ctx,
    b.data,
    `packed${transposed ? "T" : ""} ${b.rows}x${b.cols}`,
    k * panelsOf(n) * 32,
    true,
    (dst) => {
      const src = plain(ctx, b, false);
      try {
        const parallel = k * n >= PARALLEL_PACK;
        const blocks = blocking(0, n, parallel ? ctx.pool.threads : 1);
        writePack(descriptorWords(ctx), { src: src.address, k, n, transposed, dst }, blocks);
        ctx.pool.run(ctx.descriptor, blocks.count, parallel);
      } finally {
        release(ctx, src);
      }
    },
  );

export const descriptorWords = (ctx: Context): Int32Array =>
  new Int32Array(ctx.memory.buffer, ctx.descriptor, DESCRIPTOR_BYTES / 4);

/**
 * One backend call: `stage` puts the operands in wasm memory and `compute` fills the result, `result`
 * itself when it is storage in wasm memory (a recycler's array: tensor hands it out again each step),
 * else a block of the heap copied into `result` afterwards. Every block the call owns is released, also
 * when a kernel throws; the heap hands the same addresses to the next call.
 */
export const call = (
  ctx: Context,
  result: Float64Array,
  stage: () => ReadonlyArray<Lease>,
  compute: (operands: ReadonlyArray<number>, out: number) => void,
): void => {
  ctx.inputs.beginCall();
  const leases: Lease[] = [];
  try {
    for (const lease of stage()) leases.push(lease);
    const operands = leases.map((l) => l.address);
    const inPlace = ctx.storage.addressOf(result);
    const out = inPlace ?? ctx.heap.allocate(result.byteLength);
    if (inPlace === undefined) leases.push({ address: out, owned: true });
    compute(operands, out);
    if (inPlace === undefined) result.set(view(ctx.memory, out, result.length));
  } finally {
    for (const lease of leases) release(ctx, lease);
  }
};

/** An elementwise kernel over `inputs` (plain copies, never kept as inputs) into `result`. */
export const elementwise = (
  ctx: Context,
  inputs: ReadonlyArray<Matrix>,
  result: Float64Array,
  kernel: (operands: ReadonlyArray<number>, out: number) => void,
): void => {
  const stage = (): ReadonlyArray<Lease> => {
    const leases: Lease[] = [];
    try {
      for (const m of inputs) leases.push(plain(ctx, m, false));
      return leases;
    } catch (error) {
      for (const lease of leases) release(ctx, lease);
      throw error;
    }
  };
  call(ctx, result, stage, kernel);
};
