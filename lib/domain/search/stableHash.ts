const utf8 = new TextEncoder();

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a over the UTF-8 bytes, then murmur3's finaliser so the low bits (the bucket) and
 * the high bit (the sign) are well mixed even for short, similar strings like "cost" and "costs".
 * Only integer arithmetic on bytes: the same value on every platform and Node version, which
 * keeps stored vectors valid.
 */
export function stableHash32(value: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8.encode(value)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
