import { ethnicities, givenNameCharacters, occupations, surnames } from './demo.data.js';

/** A small seeded generator (mulberry32) so the demo county is the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    pick,
    int,
    personName: () =>
      pick(surnames) + pick(givenNameCharacters) + (next() < 0.7 ? pick(givenNameCharacters) : ''),
    occupation: () => pick(occupations),
    ethnicity: () => pick(ethnicities),
    phone: () => `1${pick(['38', '39', '50', '58', '86', '87'])}${String(int(0, 99999999)).padStart(8, '0')}`,
  };
}
