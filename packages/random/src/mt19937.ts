/**
 * The MT19937 word generator exactly as numpy's legacy RandomState runs it
 * (numpy/random/src/mt19937/mt19937.c). Every function here returns fresh arrays: a key handed out
 * inside a RandomState is never written again, so states can share keys safely.
 */

/** Words in the Mersenne Twister state. */
export const STATE_WORDS = 624;

const SHIFT = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** `init_genrand(seed)`, which numpy's `RandomState.seed(int)` calls (as `mt19937_seed`). */
export const initGenrand = (seed: number): Uint32Array => {
  const key = new Uint32Array(STATE_WORDS);
  // The words mod 2^32, kept as int32 (`| 0`): the same bits, and V8 keeps them in registers instead of
  // boxing the uint32s above 2^31 as doubles (twice as fast; the Optimization notebook reseeds every epoch).
  let s = seed | 0;
  key[0] = s;
  for (let pos = 1; pos < STATE_WORDS; pos++) {
    // 1812433253 · (s ^ (s >> 30)) + pos, mod 2^32: Math.imul keeps the product exact in 32 bits.
    s = (Math.imul(1812433253, s ^ (s >>> 30)) + pos) | 0;
    key[pos] = s;
  }
  return key;
};

const twist = (upper: number, lower: number, far: number): number => {
  const y = (upper & UPPER_MASK) | (lower & LOWER_MASK);
  return (far ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)) >>> 0;
};

/**
 * The next 624 words (`mt19937_gen`). The reference updates in place and later words read words already
 * updated, so we copy first and then run the same in-place loop on the copy.
 */
export const nextGeneration = (key: Uint32Array): Uint32Array => {
  const k = key.slice();
  const n = STATE_WORDS;
  let i = 0;
  for (; i < n - SHIFT; i++) k[i] = twist(k[i] as number, k[i + 1] as number, k[i + SHIFT] as number);
  for (; i < n - 1; i++) k[i] = twist(k[i] as number, k[i + 1] as number, k[i + SHIFT - n] as number);
  k[n - 1] = twist(k[n - 1] as number, k[0] as number, k[SHIFT - 1] as number);
  return k;
};

/** The output tempering applied to each state word. */
export const temper = (word: number): number => {
  let y = word >>> 0;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
};
