import type { Executor } from '../db/executor.js';
import type { UnitsRepository } from '../units/units.repository.js';
import type { UnitsService } from '../units/units.service.js';
import { unitImportSheetRowSchema } from '../../shared/schemas/imports.js';
import type { UnitSheetRow } from '../../shared/schemas/imports.js';
import type { ImportContext, Importer, ParsedRow, RowErrors } from './import-rows.js';
import { FirstSeen } from './import-rows.js';

/** 承办单位 rows with their 内设科室; written by `UnitsService.createMany`, which owns the rules. */
export class UnitsImporter implements Importer<UnitSheetRow> {
  readonly schema = unitImportSheetRowSchema;

  constructor(
    private readonly unitsRepository: UnitsRepository,
    private readonly units: Pick<UnitsService, 'createMany'>,
  ) {}

  async check(context: ImportContext, rows: ParsedRow<UnitSheetRow>[], errors: RowErrors): Promise<void> {
    const taken = await this.unitsRepository.namesTaken(
      context.body.id,
      rows.map((r) => r.data.name),
    );
    const names = new FirstSeen();
    for (const { row, data } of rows) {
      const earlier = names.check(data.name, row);
      if (taken.has(data.name)) errors.add(row, '单位名称', data.name, `「单位名称」${data.name} 已存在`);
      else if (earlier !== undefined)
        errors.add(row, '单位名称', data.name, `「单位名称」与第 ${earlier} 行重复`);
    }
  }

  async write(context: ImportContext, rows: ParsedRow<UnitSheetRow>[], executor: Executor) {
    const created = await this.units.createMany(
      context.actor,
      context.body.id,
      rows.map((r) => r.data),
      executor,
    );
    return { imported: created.length };
  }
}
