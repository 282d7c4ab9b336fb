import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import type { UnitDepartment, UnitDepartmentInput } from '../../shared/schemas/units.js';
import type { UnitDepartmentRow, UnitsRepository } from './units.repository.js';
import type { UnitsService } from './units.service.js';
import { departmentNoun, unitErrors } from './units.errors.js';

export function toUnitDepartment(row: UnitDepartmentRow): UnitDepartment {
  return { id: row.id, unitId: row.unit_id, name: row.name, createdAt: row.created_at };
}

/** Departments (内设科室) of a unit; whoever sees the unit sees them, its writers change them. */
export class UnitDepartmentsService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitsRepository,
    private readonly unitsService: UnitsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, unitId: string): Promise<UnitDepartment[]> {
    await this.unitsService.visible(actor, unitId);
    return (await this.units.departmentsOf(unitId)).map(toUnitDepartment);
  }

  /** A department of the unit, else 404 (also when it belongs to another unit). */
  private async departmentOf(unitId: string, departmentId: string): Promise<UnitDepartmentRow> {
    const row = await this.units.findDepartment(departmentId);
    if (!row || row.unit_id !== unitId) throw notFound(departmentNoun, departmentId);
    return row;
  }

  async create(actor: Actor, unitId: string, input: UnitDepartmentInput): Promise<UnitDepartment> {
    const unit = await this.unitsService.writable(actor, unitId);
    const row: UnitDepartmentRow = {
      id: newId(),
      unit_id: unitId,
      name: input.name,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (await this.units.findDepartmentByName(unitId, input.name, trx))
        throw unitErrors.departmentNameTaken(input.name);
      await this.units.insertDepartments([row], trx);
      await this.audit.record(trx, {
        actor,
        action: 'unit_department.create',
        targetType: 'unit_department',
        targetId: row.id,
        bodyId: unit.body_id,
        after: row,
      });
    });
    return toUnitDepartment(row);
  }

  async rename(
    actor: Actor,
    unitId: string,
    departmentId: string,
    input: UnitDepartmentInput,
  ): Promise<UnitDepartment> {
    const unit = await this.unitsService.writable(actor, unitId);
    const before = await this.departmentOf(unitId, departmentId);
    await this.db.transaction().execute(async (trx) => {
      const clash = await this.units.findDepartmentByName(unitId, input.name, trx);
      if (clash && clash.id !== departmentId) throw unitErrors.departmentNameTaken(input.name);
      await this.units.renameDepartment(departmentId, input.name, trx);
      await this.audit.record(trx, {
        actor,
        action: 'unit_department.rename',
        targetType: 'unit_department',
        targetId: departmentId,
        bodyId: unit.body_id,
        before: { name: before.name },
        after: { name: input.name },
      });
    });
    return toUnitDepartment({ ...before, name: input.name });
  }

  async delete(actor: Actor, unitId: string, departmentId: string): Promise<void> {
    const unit = await this.unitsService.writable(actor, unitId);
    const before = await this.departmentOf(unitId, departmentId);
    // Nothing references departments yet; handling records will, and must then be checked (409).
    await this.db.transaction().execute(async (trx) => {
      await this.units.deleteDepartment(departmentId, trx);
      await this.audit.record(trx, {
        actor,
        action: 'unit_department.delete',
        targetType: 'unit_department',
        targetId: departmentId,
        bodyId: unit.body_id,
        before,
      });
    });
  }
}
