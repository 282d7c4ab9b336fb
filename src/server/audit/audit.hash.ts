import crypto from 'node:crypto';

/**
 * SM3 (GB/T 32905) from Node's OpenSSL, as commercial cryptography rules ask; SHA-256 only
 * where the OpenSSL build lacks SM3. The algorithm in use is reported by `audit verify`.
 */
export const auditHashAlgorithm: 'sm3' | 'sha256' = crypto.getHashes().includes('sm3') ? 'sm3' : 'sha256';

export interface HashedFields {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  body_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

/** The hash of one entry, chained to the previous entry's hash. */
export function chainHash(previousHash: string, entry: HashedFields): string {
  const canonical = JSON.stringify([
    previousHash,
    entry.seq,
    entry.id,
    entry.at,
    entry.actor_id,
    entry.actor_name,
    entry.action,
    entry.target_type,
    entry.target_id,
    entry.body_id,
    entry.before_json,
    entry.after_json,
    entry.ip,
  ]);
  return crypto.createHash(auditHashAlgorithm).update(canonical, 'utf8').digest('hex');
}
