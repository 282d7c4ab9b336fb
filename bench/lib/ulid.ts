/** ULIDs from a given time and a seeded random source, so a generated province is reproducible. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function seededUlid(next: () => number) {
  return (time: number): string => {
    let t = time;
    let head = '';
    for (let i = 0; i < 10; i += 1) {
      head = alphabet[t % 32] + head;
      t = Math.floor(t / 32);
    }
    let tail = '';
    for (let i = 0; i < 16; i += 1) tail += alphabet[Math.floor(next() * 32)];
    return head + tail;
  };
}
