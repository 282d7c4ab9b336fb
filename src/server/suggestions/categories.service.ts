import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { conflict, invalidField, notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { UnitsRepository } from '../units/units.repository.js';
import type { Category } from '../../shared/schemas/categories.js';
import type { CategoriesRepository, CategoryRow } from './categories.repository.js';

const noun = { zh: '分类', en: 'Category' };
const editors = ['admin', 'office_staff'] as const;

/** The body's suggestion categories (a configurable tree), each with the units usually handling it. */
export class CategoriesService {
  constructor(
    private readonly db: Db,
    private readonly categories: CategoriesRepository,
    private readonly units: UnitsRepository,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(bodyId: string): Promise<Category[]> {
    await this.bodies.require(bodyId);
    return (await this.categories.ofBody(bodyId)).map((r) => ({
      id: r.id,
      bodyId: r.body_id,
      parentId: r.parent_id,
      name: r.name,
      sortOrder: r.sort_order,
      units: JSON.parse(r.unit_ids ?? '[]') as Category['units'],
    }));
  }

  private async checkUnits(bodyId: string, units: { unitId: string }[]) {
    const rows = await this.units.findByIds(units.map((u) => u.unitId));
    units.forEach((u, index) => {
      if (!rows.some((r) => r.id === u.unitId && r.body_id === bodyId))
        throw invalidField(`units.${index}.unitId`, {
          zh: '承办单位不存在或不属于本级人大',
          en: 'unit not found in this body',
        });
    });
  }

  async create(
    actor: Actor,
    input: {
      bodyId: string;
      parentId?: string | null;
      name: string;
      sortOrder: number;
      units: { unitId: string; role: string }[];
    },
  ) {
    const body = await this.bodies.require(input.bodyId);
    requireCoversBody(actor, editors, body.path);
    if (input.parentId) {
      const parent = await this.categories.findById(input.parentId);
      if (!parent || parent.body_id !== body.id)
        throw invalidField('parentId', { zh: '上级分类不存在', en: 'parent category not found' });
    }
    await this.checkUnits(body.id, input.units);
    const row: CategoryRow = {
      id: newId(),
      body_id: body.id,
      parent_id: input.parentId ?? null,
      name: input.name,
      sort_order: input.sortOrder,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await this.categories.insert(row, trx);
      await this.categories.replaceUnits(row.id, input.units, trx);
      await this.audit.record(trx, {
        actor,
        action: 'category.create',
        targetType: 'category',
        targetId: row.id,
        bodyId: body.id,
        after: { ...row, units: input.units },
      });
    });
    return (await this.list(body.id)).find((c) => c.id === row.id);
  }

  private async writable(actor: Actor, id: string): Promise<CategoryRow> {
    const row = await this.categories.findById(id);
    if (!row) throw notFound(noun, id);
    requireCoversBody(actor, editors, (await this.bodies.require(row.body_id)).path);
    return row;
  }

  async update(
    actor: Actor,
    id: string,
    input: { name?: string; sortOrder?: number; units?: { unitId: string; role: string }[] },
  ) {
    const row = await this.writable(actor, id);
    if (input.units) await this.checkUnits(row.body_id, input.units);
    await this.db.transaction().execute(async (trx) => {
      await this.categories.update(
        id,
        {
          ...(input.name ? { name: input.name } : {}),
          ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        },
        trx,
      );
      if (input.units) await this.categories.replaceUnits(id, input.units, trx);
      await this.audit.record(trx, {
        actor,
        action: 'category.update',
        targetType: 'category',
        targetId: id,
        bodyId: row.body_id,
        before: row,
        after: input,
      });
    });
    return (await this.list(row.body_id)).find((c) => c.id === id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const row = await this.writable(actor, id);
    await this.db.transaction().execute(async (trx) => {
      if (await this.categories.inUse(id, trx))
        throw conflict('in_use', {
          zh: '该分类已被建议使用或有下级分类，不能删除。',
          en: 'The category is used by suggestions or has children.',
        });
      await this.categories.delete(id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'category.delete',
        targetType: 'category',
        targetId: id,
        bodyId: row.body_id,
        before: row,
      });
    });
  }
}
