import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** A new opaque, time-ordered id (ULID). */
export function newId(): string {
  return nextUlid();
}
