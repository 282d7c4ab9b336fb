import type { Db } from '../db/database.js';
import type { BodyRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { isDeploymentAdmin, requireCoversBody } from '../auth/actor.js';
import { bodyLevelValues } from '../../shared/schemas/common.js';
import type { BodyLevel } from '../../shared/schemas/common.js';
import type { Body, BodyCreate, BodyUpdate } from '../../shared/schemas/bodies.js';
import type { BodiesRepository } from './bodies.repository.js';

export const bodyNoun = { zh: '人大机关', en: 'Congress body' };

export function toBody(row: BodyRow): Body {
  return {
    id: row.id,
    name: row.name,
    level: row.level as BodyLevel,
    parentId: row.parent_id,
    path: row.path,
    regionCode: row.region_code,
    regionName: row.region_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * How long a process trusts its copy of the body tree. Paths never change and bodies are never
 * deleted; this process drops its copy on every write, so only a name edited in another process
 * (PostgreSQL deployments run several) shows late, by at most this long. A body id missing from the
 * copy is always looked up.
 */
const treeCacheMs = 30_000;

/** Congress bodies of the five levels, as a tree with materialised paths. */
export class BodiesService {
  private tree: {
    byId: Map<string, BodyRow>;
    rows: BodyRow[];
    counts: Map<string, number>;
    until: number;
  } | null = null;

  constructor(
    private readonly db: Db,
    private readonly bodies: BodiesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Every body (the structure of congresses is not secret); ordered as a tree. */
  async list(): Promise<Body[]> {
    return (await this.bodies.listUnder(null)).map(toBody);
  }

  async get(id: string): Promise<Body> {
    const row = await this.bodies.findById(id);
    if (!row) throw notFound(bodyNoun, id);
    return toBody(row);
  }

  /** Loads a body or fails with 404; for other services that take a body id. */
  async require(id: string): Promise<BodyRow> {
    const row = await this.find(id);
    if (!row) throw notFound(bodyNoun, id);
    return row;
  }

  async find(id: string): Promise<BodyRow | undefined> {
    const cached = (await this.cachedTree()).byId.get(id);
    if (cached) return cached;
    const row = await this.bodies.findById(id);
    if (row) this.tree = null; // added by another process: read the tree again next time
    return row;
  }

  /** How many bodies lie under any of these paths (themselves included); for query planning. */
  async countUnder(paths: string[]): Promise<number> {
    if (paths.length === 0) return 0;
    const tree = await this.cachedTree();
    const key = paths.join('\n');
    let count = tree.counts.get(key);
    if (count === undefined) {
      count = tree.rows.filter((b) => paths.some((p) => b.path.startsWith(p))).length;
      if (tree.counts.size >= 10_000) tree.counts.clear();
      tree.counts.set(key, count);
    }
    return count;
  }

  /** The whole tree, read at most every `treeCacheMs` (every request reads bodies: 4 queries an action). */
  private async cachedTree() {
    const now = Date.now();
    if (this.tree && this.tree.until > now) return this.tree;
    const rows = await this.bodies.listUnder(null);
    this.tree = {
      rows,
      byId: new Map(rows.map((r) => [r.id, r])),
      counts: new Map(),
      until: now + treeCacheMs,
    };
    return this.tree;
  }

  async create(actor: Actor, input: BodyCreate): Promise<Body> {
    const parent = input.parentId ? await this.bodies.findById(input.parentId) : undefined;
    if (input.parentId && !parent) throw notFound({ zh: '上级人大', en: 'Parent body' }, input.parentId);
    if (parent) {
      requireCoversBody(actor, ['admin'], parent.path);
      const parentRank = bodyLevelValues.indexOf(parent.level as BodyLevel);
      if (bodyLevelValues.indexOf(input.level) <= parentRank)
        throw new DomainError(
          'validation',
          'body_level_not_below_parent',
          { zh: '下级人大的层级必须低于上级人大。', en: 'A body must be of a lower level than its parent.' },
          [
            {
              field: 'level',
              message: { zh: '「层级」必须低于上级人大', en: '"Level" must be below the parent' },
            },
          ],
        );
    } else if (!isDeploymentAdmin(actor)) {
      throw forbidden({
        zh: '只有顶级人大的系统管理员可以新建顶级人大。',
        en: 'Only a top-level administrator may add a top-level body.',
      });
    }
    const id = newId();
    const at = this.clock.now().toISOString();
    const row: BodyRow = {
      id,
      name: input.name,
      level: input.level,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      region_code: input.regionCode ?? null,
      region_name: input.regionName ?? null,
      created_at: at,
      updated_at: at,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.bodies.insert(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'body.create',
        targetType: 'body',
        targetId: id,
        bodyId: id,
        after: row,
      });
    });
    this.tree = null;
    return toBody(row);
  }

  async update(actor: Actor, id: string, input: BodyUpdate): Promise<Body> {
    const before = await this.require(id);
    requireCoversBody(actor, ['admin'], before.path);
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.regionCode !== undefined ? { region_code: input.regionCode } : {}),
      ...(input.regionName !== undefined ? { region_name: input.regionName } : {}),
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await this.bodies.update(id, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'body.update',
        targetType: 'body',
        targetId: id,
        bodyId: id,
        before,
        after: changes,
      });
    });
    this.tree = null;
    return toBody({ ...before, ...changes });
  }

  /** The body and its ancestors, nearest first. */
  async lineage(body: BodyRow): Promise<BodyRow[]> {
    const ids = body.path.split('/').filter(Boolean).reverse();
    const tree = await this.cachedTree();
    if (ids.every((id) => tree.byId.has(id))) return ids.map((id) => tree.byId.get(id) as BodyRow);
    const rows = await this.bodies.findByIds(ids);
    return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is BodyRow => r !== undefined);
  }
}
