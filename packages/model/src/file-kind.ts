/**
 * Whether a model file's bytes are safetensors rather than JSON text: a safetensors file starts with its
 * header length as a little-endian u64, whose top bytes are zero for any header under 1 TB, while JSON
 * text never holds a NUL byte.
 */
export const isSafetensorsBytes = (bytes: Uint8Array): boolean =>
  bytes.length >= 8 && bytes[5] === 0 && bytes[6] === 0 && bytes[7] === 0;
