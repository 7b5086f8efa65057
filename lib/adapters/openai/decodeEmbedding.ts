/**
 * An embedding as the API sends it: base64 of little-endian float32s (what we ask for), or a
 * plain array of numbers (what some OpenAI-compatible servers send whatever was asked).
 * Decoded through a DataView: explicit about byte order, and safe for a Buffer slice that does
 * not start on a 4-byte boundary (a Float32Array view over it would throw).
 */
export function decodeEmbedding(value: unknown): Float32Array | null {
  if (Array.isArray(value)) {
    return value.every((x) => typeof x === 'number' && Number.isFinite(x)) ? Float32Array.from(value as number[]) : null;
  }
  if (typeof value !== 'string') return null;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length === 0 || bytes.length % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(bytes.length / 4);
  for (let i = 0; i < vector.length; i += 1) vector[i] = view.getFloat32(i * 4, true);
  return vector.every(Number.isFinite) ? vector : null;
}
