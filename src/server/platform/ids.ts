import crypto from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * ulid draws one crypto-random byte per character with a call of its own (3.7 % of a workflow
 * action's CPU at province scale); this hands it bytes from a pool refilled 4 KB at a time, still
 * from the operating system's CSPRNG.
 */
const pool = Buffer.alloc(4096);
let next = pool.length;
function pooledRandom(): number {
  if (next >= pool.length) {
    crypto.randomFillSync(pool);
    next = 0;
  }
  const byte = pool[next] ?? 0;
  next += 1;
  return byte / 256;
}

const nextUlid = monotonicFactory(pooledRandom);

/** A new opaque, time-ordered id (ULID). */
export function newId(): string {
  return nextUlid();
}
