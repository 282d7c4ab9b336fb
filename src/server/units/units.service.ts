import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { BodyRow, UnitRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { invalidField, notFound } from '../platform/errors.js';
import type { FieldError } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import { localiseIssues } from '../http/validation-messages.js';
import type { ValidationIssue } from '../http/validation-messages.js';
import type { BodiesRepository } from '../organisations/bodies.repository.js';
import { bodyNoun } from '../organisations/bodies.service.js';
import { unitImportRowSchema } from '../../shared/schemas/units.js';
import type {
  Unit,
  UnitCreate,
  UnitImportRow,
  UnitKind,
  UnitPage,
  UnitQuery,
  UnitUpdate,
} from '../../shared/schemas/units.js';
import type { UnitDepartmentRow, UnitWithPathRow, UnitsRepository } from './units.repository.js';
import { unitAccess, unitVisibility, unitWriters } from './units.access.js';
import type { UnitAccess } from './units.access.js';
import { unitErrors, unitMessages, unitNoun } from './units.errors.js';

/** The API view; readers with `list` access (deputies) get no contact details. */
export function toUnit(row: UnitRow, access: UnitAccess = 'full'): Unit {
  const full = access === 'full';
  return {
    id: row.id,
    bodyId: row.body_id,
    name: row.name,
    kind: row.kind as UnitKind,
    shortName: row.short_name,
    contactPerson: full ? row.contact_person : null,
    contactPhone: full ? row.contact_phone : null,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A unit to insert, already validated. */
type NewUnit = Omit<UnitCreate, 'bodyId'>;

/** Handling units (承办单位) of a body. Unit users see only their own unit; 404 hides the rest. */
export class UnitsService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitsRepository,
    private readonly bodies: BodiesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    filter: Omit<UnitQuery, 'page' | 'pageSize'>,
    page: number,
    pageSize: number,
  ): Promise<UnitPage> {
    const result = await this.units.list({ ...filter, visibility: unitVisibility(actor) }, page, pageSize);
    return {
      items: result.items.map((row) => toUnit(row, unitAccess(actor, row))),
      total: result.total,
      page,
      pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<Unit> {
    const { row, access } = await this.visible(actor, id);
    return toUnit(row, access);
  }

  /** A unit the actor may see, else 404 (never 403, so ids cannot be probed). */
  async visible(actor: Actor, id: string): Promise<{ row: UnitWithPathRow; access: UnitAccess }> {
    const row = await this.units.findWithPath(id);
    const access = row ? unitAccess(actor, row) : null;
    if (!row || !access) throw notFound(unitNoun, id);
    return { row, access };
  }

  /** A unit the actor may see (else 404) and change (else 403). */
  async writable(actor: Actor, id: string): Promise<UnitWithPathRow> {
    const { row } = await this.visible(actor, id);
    requireCoversBody(actor, unitWriters, row.body_path);
    return row;
  }

  /** A body's unit by exact name, for imports; no permission check (the caller has done it). */
  async findUnitByName(bodyId: string, name: string, executor?: Executor): Promise<Unit | undefined> {
    const row = await this.units.findByName(bodyId, name.trim(), executor);
    return row ? toUnit(row) : undefined;
  }

  async create(actor: Actor, input: UnitCreate): Promise<Unit> {
    const body = await this.bodies.findById(input.bodyId);
    if (!body) throw notFound(bodyNoun, input.bodyId);
    requireCoversBody(actor, unitWriters, body.path);
    const { bodyId: _bodyId, ...unit } = input;
    const [created] = await this.db
      .transaction()
      .execute(async (trx) => this.insertChecked(actor, body, [unit], trx, 'single'));
    if (!created) throw notFound(unitNoun);
    return created;
  }

  /**
   * Validates and inserts many units with their departments inside the caller's transaction
   * (the xlsx import). All or nothing: any bad row throws `unit_rows_invalid` listing every
   * problem as `rows.<index>.<field>` (index into `rows`, from 0), and nothing is written.
   * `actor` null is the system (demo data, CLI).
   */
  async createMany(
    actor: Actor | null,
    bodyId: string,
    rows: readonly UnitImportRow[],
    executor: Executor,
  ): Promise<Unit[]> {
    // Every read goes through the caller's transaction: SQLite has one connection.
    const body = await this.bodies.findById(bodyId, executor);
    if (!body) throw notFound(bodyNoun, bodyId);
    if (actor) requireCoversBody(actor, unitWriters, body.path);
    const issues: ValidationIssue[] = [];
    const parsed: NewUnit[] = [];
    rows.forEach((row, index) => {
      const result = unitImportRowSchema.safeParse(row);
      if (result.success) parsed.push(result.data);
      else
        for (const { code, path, message, ...params } of result.error.issues)
          issues.push({
            keyword: code,
            instancePath: `/${['rows', index, ...path].map(String).join('/')}`,
            message,
            params,
          });
    });
    if (issues.length > 0) throw unitErrors.rowsInvalid(localiseIssues(issues, { rows }, 'body'));
    return this.insertChecked(actor, body, parsed, executor, 'rows');
  }

  /**
   * Checks names against each other and the database, then inserts and audits each unit. `rows`
   * mode reports every problem on `rows.<index>.<field>`; `single` mode the first, on `<field>`.
   */
  private async insertChecked(
    actor: Actor | null,
    body: BodyRow,
    units: NewUnit[],
    executor: Executor,
    mode: 'single' | 'rows',
  ): Promise<Unit[]> {
    const prefix = (index: number) => (mode === 'rows' ? `rows.${index}.` : '');
    const errors: (FieldError & { code: string })[] = [];
    const taken = await this.units.namesTaken(
      body.id,
      units.map((u) => u.name),
      executor,
    );
    const seen = new Set<string>();
    units.forEach((unit, index) => {
      if (taken.has(unit.name) || seen.has(unit.name))
        errors.push({
          field: `${prefix(index)}name`,
          message: unitMessages.nameTaken(unit.name),
          code: 'unit_name_taken',
        });
      seen.add(unit.name);
      const departments = new Set<string>();
      (unit.departments ?? []).forEach((name, k) => {
        if (departments.has(name))
          errors.push({
            field: `${prefix(index)}departments.${k}`,
            message: unitMessages.departmentNameTaken(name),
            code: 'department_name_taken',
          });
        departments.add(name);
      });
    });
    const [first] = errors;
    if (first && mode === 'single') throw invalidField(first.field, first.message, first.code);
    if (first) throw unitErrors.rowsInvalid(errors.map(({ field, message }) => ({ field, message })));

    const at = this.clock.now().toISOString();
    const created = units.map((unit) => {
      const row: UnitRow = {
        id: newId(),
        body_id: body.id,
        name: unit.name,
        kind: unit.kind,
        short_name: unit.shortName ?? null,
        contact_person: unit.contactPerson ?? null,
        contact_phone: unit.contactPhone ?? null,
        active: 1,
        created_at: at,
        updated_at: at,
      };
      const departments: UnitDepartmentRow[] = (unit.departments ?? []).map((name) => ({
        id: newId(),
        unit_id: row.id,
        name,
        created_at: at,
      }));
      return { row, departments };
    });
    await this.units.insertMany(
      created.map((c) => c.row),
      executor,
    );
    await this.units.insertDepartments(
      created.flatMap((c) => c.departments),
      executor,
    );
    for (const { row, departments } of created)
      await this.audit.record(executor, {
        actor,
        action: 'unit.create',
        targetType: 'unit',
        targetId: row.id,
        bodyId: body.id,
        after: { ...row, departments: departments.map((d) => d.name) },
      });
    return created.map((c) => toUnit(c.row));
  }

  async update(actor: Actor, id: string, input: UnitUpdate): Promise<Unit> {
    const before = await this.writable(actor, id);
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
      ...(input.contactPerson !== undefined ? { contact_person: input.contactPerson } : {}),
      ...(input.contactPhone !== undefined ? { contact_phone: input.contactPhone } : {}),
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (input.name !== undefined && input.name !== before.name) {
        if (await this.units.findByName(before.body_id, input.name, trx))
          throw unitErrors.nameTaken(input.name);
      }
      await this.units.update(id, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'unit.update',
        targetType: 'unit',
        targetId: id,
        bodyId: before.body_id,
        before: withoutPath(before),
        after: changes,
      });
    });
    return toUnit({ ...withoutPath(before), ...changes });
  }

  /** A deactivated unit keeps its history but can no longer be assigned new suggestions. */
  async deactivate(actor: Actor, id: string): Promise<Unit> {
    return this.setActive(actor, id, false);
  }

  async reactivate(actor: Actor, id: string): Promise<Unit> {
    return this.setActive(actor, id, true);
  }

  private async setActive(actor: Actor, id: string, active: boolean): Promise<Unit> {
    const before = await this.writable(actor, id);
    const value = active ? 1 : 0;
    if (before.active === value) return toUnit(before);
    const changes = { active: value, updated_at: this.clock.now().toISOString() };
    await this.db.transaction().execute(async (trx) => {
      await this.units.update(id, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: active ? 'unit.reactivate' : 'unit.deactivate',
        targetType: 'unit',
        targetId: id,
        bodyId: before.body_id,
        before: { active: before.active },
        after: changes,
      });
    });
    return toUnit({ ...withoutPath(before), ...changes });
  }
}

function withoutPath(row: UnitWithPathRow): UnitRow {
  const { body_path: _path, ...unit } = row;
  return unit;
}
