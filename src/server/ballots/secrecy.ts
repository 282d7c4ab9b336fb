import crypto from 'node:crypto';

/**
 * Secrecy of secret ballots. The database must not let anyone link a voter to a choice, while a
 * voter's receipt code finds their own choice. How:
 *
 * - "Who voted" is `ballot_participations (ballot_id, deputy_id)`: its primary key is the rule of
 *   one ballot per voter, and it holds nothing else: no time, no sequence, no choice.
 * - "What was chosen" is `ballot_choices`: keyed by a random 128-bit id from the system CSPRNG
 *   (not a ULID, whose first half is the time), with the group (members/attendees, needed for
 *   weighted counts), the source (online/paper), the paper itself and hashes of the receipt. No
 *   voter id (named ballots only), no time, no counter.
 * - Both rows are written in the vote's one transaction, so a vote is never half-recorded.
 * - Insertion order: on SQLite both tables are `WITHOUT ROWID`, stored in primary-key order,
 *   so there is no rowid that numbers rows as they came: participations sort by deputy id,
 *   choices by their random id. A PostgreSQL heap does keep insertion traces (`ctid`, and `xmin`
 *   is the same for the two rows a vote wrote). So closing a secret ballot *seals* it: in the
 *   close transaction every choice is deleted and re-inserted in a fresh random order and every
 *   participation in deputy order (all rows then share the closing transaction's `xmin`), and
 *   the old row versions are vacuumed away. While a ballot is open, only someone reading the
 *   live database's system columns, or watching rows appear, could pair them; no table, export
 *   or log does.
 * - The audit log records no vote of a secret ballot: a per-vote entry would carry the time,
 *   and its chain position would pair with the choice. It records the opening, the check-ins,
 *   the tellers' paper batches (the deputies who handed in paper, never what they chose) and
 *   the counts at close.
 * - Receipt: 100 random bits shown once to the voter. The choice row keeps SHA-256 of
 *   `choice:` + receipt (to look the choice up), the participation row keeps SHA-256 of
 *   `voter:` + receipt (so only that voter can change their vote where changes are allowed).
 *   Pairing the two hashes needs the receipt itself: 2^100 guesses.
 */

/** Random id of a choice row: 128 bits, hex, unordered. */
export function randomChoiceId(): string {
  return crypto.randomBytes(16).toString('hex');
}

const receiptAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A receipt code like `K7QD9-XMP2R-TA4HW-8C3NE` (20 symbols of 5 bits). */
export function newReceipt(): string {
  const bytes = crypto.randomBytes(20);
  const symbols = [...bytes].map((byte) => receiptAlphabet[byte % 32] ?? '2').join('');
  return symbols.match(/.{5}/g)?.join('-') ?? symbols;
}

/** Receipts are read back by people: ignore case, spaces and dashes. */
export function normaliseReceipt(receipt: string): string {
  return receipt.toUpperCase().replace(/[\s-]/g, '');
}

function digest(prefix: string, receipt: string): string {
  return crypto
    .createHash('sha256')
    .update(`${prefix}:${normaliseReceipt(receipt)}`)
    .digest('hex');
}

/** Stored with the choice: finds it from the receipt. */
export const choiceReceiptHash = (receipt: string) => digest('choice', receipt);
/** Stored with the participation: proves a receipt is this voter's own. */
export const voterReceiptHash = (receipt: string) => digest('voter', receipt);

/** Fisher–Yates with the system CSPRNG: the order of sealed rows says nothing. */
export function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = crypto.randomInt(i + 1);
    const a = result[i];
    const b = result[j];
    if (a === undefined || b === undefined) continue;
    result[i] = b;
    result[j] = a;
  }
  return result;
}
