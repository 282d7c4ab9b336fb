/**
 * The bare baseline: node:http + better-sqlite3, no framework, running the same SQL as the
 * product for the list (compiled from the product's repository, see `list-sql.ts`) and for a
 * review pass (read, compare-and-set, timeline event, audit chain entry). It resolves the same
 * session cookie with the same three lookups, so the difference to the product is its layers.
 *
 *   node --import tsx bench/bare-server.ts <sqlite file> <port>
 */
import crypto from 'node:crypto';
import http from 'node:http';
import Database from 'better-sqlite3';
import { monotonicFactory } from 'ulid';
import { chainHash } from '../src/server/audit/audit.hash.js';
import { bind, compileListSql, summaryIds } from './list-sql.js';

const [file, portText] = process.argv.slice(2);
if (!file || !portText) throw new Error('usage: bare-server.ts <sqlite file> <port>');
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const newId = monotonicFactory();

const sql = compileListSql(db);
const prepare = (c: { sql: string }) => db.prepare(c.sql);
const statements = {
  countyItems: prepare(sql.county.items),
  countyCount: prepare(sql.county.count),
  provinceItems: prepare(sql.province.items),
  provinceCount: prepare(sql.province.count),
  assignments: prepare(sql.assignments),
  signers: prepare(sql.signers),
  session: db.prepare('SELECT * FROM login_sessions WHERE token_hash = ?'),
  user: db.prepare('SELECT * FROM users WHERE id = ?'),
  roles: db.prepare('SELECT * FROM user_roles WHERE user_id = ?'),
  bodyPath: db.prepare('SELECT path FROM bodies WHERE id = ?'),
  suggestion: db.prepare('SELECT * FROM suggestions WHERE id = ?'),
  serial: db.prepare(
    'INSERT INTO serial_counters (scope, last) VALUES (?, 1) ON CONFLICT (scope) DO UPDATE SET last = serial_counters.last + 1 RETURNING last',
  ),
  transition: db.prepare(
    'UPDATE suggestions SET review_tier = ?, accepted_at = ?, serial_scope = ?, serial_number = ?, updated_at = ?, status = ?, version = ? WHERE id = ? AND status = ? AND version = ?',
  ),
  event: db.prepare(
    'INSERT INTO suggestion_events (id, suggestion_id, at, actor_id, actor_name, action, from_status, to_status, note, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ),
  claim: db.prepare('UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash'),
  audit: db.prepare(
    'INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, target_type, target_id, body_id, before_json, after_json, ip, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ),
  head: db.prepare('UPDATE audit_head SET hash = ? WHERE id = 1'),
};

interface Actor {
  userId: string;
  name: string;
  paths: string[];
}
type Row = Record<string, unknown>;

function actorOf(request: http.IncomingMessage): Actor | null {
  const cookie = /(?:^|;\s*)minyi_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  if (!cookie) return null;
  const session = statements.session.get(
    crypto.createHash('sha256').update(decodeURIComponent(cookie)).digest('hex'),
  ) as Row | undefined;
  if (!session) return null;
  const user = statements.user.get(session.user_id) as Row | undefined;
  if (!user) return null;
  const roles = statements.roles.all(user.id) as Row[];
  const paths = roles
    .filter((r) => r.role === 'office_staff' || r.role === 'admin')
    .map((r) => (statements.bodyPath.get(r.body_id) as { path: string } | undefined)?.path ?? '')
    .filter(Boolean);
  return { userId: String(user.id), name: String(user.display_name), paths };
}

function list(actor: Actor, query: URLSearchParams) {
  const values: Record<string, string> = {
    PATH: actor.paths[0] ?? '/none/',
    USER: actor.userId,
    BODY: query.get('bodyId') ?? '',
    SESSION: query.get('sessionId') ?? '',
  };
  const county = query.has('bodyId');
  const items = (county ? statements.countyItems : statements.provinceItems).all(
    bind((county ? sql.county : sql.province).items.parameters, values),
  ) as Row[];
  const total = (
    (county ? statements.countyCount : statements.provinceCount).get(
      bind((county ? sql.county : sql.province).count.parameters, values),
    ) as { total: number }
  ).total;
  const ids = Object.fromEntries(summaryIds.map((key, i) => [key.slice(1, -1), String(items[i]?.id ?? '')]));
  const assignments = statements.assignments.all(bind(sql.assignments.parameters, ids)) as Row[];
  const signers = new Map(
    (statements.signers.all(bind(sql.signers.parameters, ids)) as Row[]).map((r) => [r.suggestion_id, r.n]),
  );
  return {
    items: items.map((row) => ({
      id: row.id,
      bodyId: row.body_id,
      title: row.title,
      status: row.status,
      serialNumber: row.serial_number,
      leadDeputyName: row.lead_deputy_name,
      categoryName: row.category_name,
      signerCount: signers.get(row.id) ?? 0,
      units: assignments
        .filter((a) => a.suggestion_id === row.id)
        .map((a) => ({ unitId: a.unit_id, unitName: a.unit_name, role: a.role, replyDueOn: a.reply_due_on })),
      createdAt: row.created_at,
    })),
    total,
    page: 1,
    pageSize: 20,
  };
}

const reviewPass = db.transaction((actor: Actor, row: Row) => {
  const at = new Date().toISOString();
  const tier = Number(row.review_tier);
  const to = tier + 1 >= 3 ? 'accepted' : 'in_review';
  let serialScope = row.serial_scope;
  let serialNumber = row.serial_number;
  let acceptedAt = row.accepted_at;
  if (to === 'accepted') {
    serialScope = row.session_id ?? `${String(row.body_id)}:recess:${at.slice(0, 4)}`;
    serialNumber = (statements.serial.get(serialScope) as { last: number }).last;
    acceptedAt = at;
  }
  const version = Number(row.version);
  const changed = statements.transition.run(
    to === 'in_review' ? tier + 1 : tier,
    acceptedAt,
    serialScope,
    serialNumber,
    at,
    to,
    version + 1,
    row.id,
    'in_review',
    version,
  );
  if (changed.changes !== 1) throw new Error('stale');
  statements.event.run(
    newId(),
    row.id,
    at,
    actor.userId,
    actor.name,
    'review_pass',
    'in_review',
    to,
    null,
    '{}',
  );
  const { seq, hash: previousHash } = statements.claim.get() as { seq: number; hash: string };
  const fields = {
    seq,
    id: newId(),
    at,
    actor_id: actor.userId,
    actor_name: actor.name,
    action: 'suggestion.review_pass',
    target_type: 'suggestion',
    target_id: String(row.id),
    body_id: String(row.body_id),
    before_json: JSON.stringify({ status: 'in_review', reviewTier: tier }),
    after_json: JSON.stringify({ status: to, updated_at: at }),
    ip: '127.0.0.1',
  };
  const hash = chainHash(previousHash, fields);
  statements.audit.run(
    seq,
    fields.id,
    at,
    fields.actor_id,
    fields.actor_name,
    fields.action,
    fields.target_type,
    fields.target_id,
    fields.body_id,
    fields.before_json,
    fields.after_json,
    fields.ip,
    previousHash,
    hash,
  );
  statements.head.run(hash);
});

function send(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

http
  .createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bare');
    if (url.pathname === '/api/health') return send(response, 200, { ok: true });
    const actor = actorOf(request);
    if (!actor) return send(response, 401, { title: 'unauthenticated' });
    if (request.method === 'GET' && url.pathname === '/api/v1/suggestions')
      return send(response, 200, list(actor, url.searchParams));
    const action = /^\/api\/v1\/suggestions\/([0-9A-Z]{26})\/actions\/review_pass$/.exec(url.pathname);
    if (request.method === 'POST' && action) {
      request.resume();
      request.on('end', () => {
        const row = statements.suggestion.get(action[1]) as Row | undefined;
        const path = row ? (statements.bodyPath.get(row.body_id) as { path: string }).path : '';
        if (!row || !actor.paths.some((p) => path.startsWith(p)))
          return send(response, 404, { title: 'not found' });
        if (row.status !== 'in_review') return send(response, 409, { title: 'conflict' });
        try {
          reviewPass(actor, row);
        } catch {
          return send(response, 409, { title: 'stale' });
        }
        return send(response, 200, statements.suggestion.get(row.id));
      });
      return undefined;
    }
    return send(response, 404, { title: 'not found' });
  })
  .listen(Number(portText), '127.0.0.1');
