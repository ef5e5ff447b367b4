import { randomBytes } from 'node:crypto';

/**
 * Uniform in [0, 1) from the OS CSPRNG: random selection must not be
 * predictable by a trader who sees many outcomes (Math.random's xorshift is).
 * Draws 53 bits, buffered to keep the per-declaration cost small.
 */
export function cryptoRandom(): () => number {
  let pool = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at + 8 > pool.length) {
      pool = randomBytes(8 * 512);
      at = 0;
    }
    const high = pool.readUInt32BE(at) >>> 5; // 27 bits
    const low = pool.readUInt32BE(at + 4) >>> 6; // 26 bits
    at += 8;
    return (high * 67108864 + low) / 9007199254740992;
  };
}
