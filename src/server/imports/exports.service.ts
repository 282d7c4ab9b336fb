import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { BodyRow } from '../db/schema.js';
import { shanghaiDate } from '../platform/clock.js';
import type { Clock } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type { BodiesRepository } from '../organisations/bodies.repository.js';
import type { DeputiesRepository } from '../deputies/deputies.repository.js';
import { seesContacts } from '../deputies/deputies.access.js';
import { genderLabels } from '../../shared/schemas/deputies.js';
import type { Gender } from '../../shared/schemas/deputies.js';
import { importColumns, importKindLabels } from '../../shared/schemas/imports.js';
import type { ExportQuery, ImportKind } from '../../shared/schemas/imports.js';
import { roleLabels } from '../../shared/schemas/roles.js';
import type { Role } from '../../shared/schemas/roles.js';
import { unitKindLabels } from '../../shared/schemas/units.js';
import type { UnitKind } from '../../shared/schemas/units.js';
import type { BodyExportFilter, ImportsRepository } from './imports.repository.js';
import { transferRoles } from './imports.service.js';
import { columnWidths } from './templates.js';

type Cell = string | number | null;

/** Seats read per query while streaming: bounded memory whatever the size of the roster. */
const exportBatchSize = 2000;

export interface PreparedExport {
  fileName: string;
  /** Writes the workbook to `out` and ends it. */
  write(out: Writable): Promise<void>;
}

/**
 * Streamed .xlsx exports with the import template's columns, so a file can be edited and imported
 * again (into another body, or after removing rows that exist). Never any password; deputies'
 * contacts only where the reader may see them.
 */
export class ExportsService {
  constructor(
    private readonly bodies: BodiesRepository,
    private readonly deputies: DeputiesRepository,
    private readonly lookups: ImportsRepository,
    private readonly clock: Clock,
  ) {}

  /** Checks access before anything is sent, so refusals are ordinary problem responses. */
  async prepare(actor: Actor, kind: ImportKind, query: ExportQuery): Promise<PreparedExport> {
    const body = await this.bodies.findById(query.bodyId);
    if (!body) throw notFound({ zh: '人大机关', en: 'Congress body' }, query.bodyId);
    requireCoversBody(actor, transferRoles(kind), body.path);
    const fileName = `${importKindLabels[kind].zh}-${body.name}-${shanghaiDate(this.clock.now())}.xlsx`;
    return { fileName, write: (out) => this.write(actor, kind, body, query, out) };
  }

  private async write(actor: Actor, kind: ImportKind, body: BodyRow, query: ExportQuery, out: Writable) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(importKindLabels[kind].zh, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const widths = columnWidths(kind);
    sheet.columns = importColumns[kind].map((header, index) => ({ header, width: widths[index] ?? 12 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    const add = (values: Cell[]) => sheet.addRow(values).commit();
    const filter: BodyExportFilter = {
      bodyId: body.id,
      ...(query.includeLower ? { subtreePath: body.path } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.unitKind ? { unitKind: query.unitKind } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.userStatus ? { userStatus: query.userStatus } : {}),
    };
    if (kind === 'deputies') await this.deputyRows(actor, query, filter, add);
    else if (kind === 'units') await this.unitRows(filter, add);
    else await this.userRows(filter, add);
    sheet.commit();
    await workbook.commit();
  }

  private async deputyRows(
    actor: Actor,
    query: ExportQuery,
    filter: BodyExportFilter,
    add: (v: Cell[]) => void,
  ) {
    const {
      includeLower: _includeLower,
      unitKind: _unitKind,
      active: _active,
      role: _role,
      userStatus: _userStatus,
      ...seatFilter
    } = query;
    let after: string | null = null;
    for (;;) {
      const batch = await this.deputies.exportBatch(
        // The actor covers the body (checked), so the body filter is the whole scope.
        { ...seatFilter, subtreePath: filter.subtreePath, scope: { pathPrefixes: null, bodyIds: [] } },
        after,
        exportBatchSize,
      );
      for (const row of batch) {
        const contacts = seesContacts(actor, row.id, [{ body_path: row.body_path }]);
        add([
          row.name,
          genderLabels[row.gender as Gender]?.zh ?? row.gender,
          row.ethnicity,
          row.birth_year,
          row.occupation,
          contacts ? row.phone : null,
          contacts ? row.email : null,
          contacts ? row.address : null,
          row.term_number,
          row.delegation_name,
          row.group_name,
          row.electoral_district,
          // The account exists already: a re-import must not try to create it again.
          null,
        ]);
      }
      const last = batch[batch.length - 1];
      if (!last || batch.length < exportBatchSize) break;
      after = last.seat_id;
    }
  }

  private async unitRows(filter: BodyExportFilter, add: (v: Cell[]) => void) {
    const units = await this.lookups.unitsForExport(filter);
    const departments = new Map<string, string[]>();
    for (const d of await this.lookups.departmentsOf(units.map((u) => u.id)))
      departments.set(d.unit_id, [...(departments.get(d.unit_id) ?? []), d.name]);
    for (const unit of units)
      add([
        unit.name,
        unit.short_name,
        unitKindLabels[unit.kind as UnitKind]?.zh ?? unit.kind,
        unit.contact_person,
        unit.contact_phone,
        departments.get(unit.id)?.join('；') ?? null,
      ]);
  }

  private async userRows(filter: BodyExportFilter, add: (v: Cell[]) => void) {
    const grants = await this.lookups.grantsForExport(filter);
    const byUser = new Map<string, typeof grants>();
    for (const grant of grants) byUser.set(grant.user_id, [...(byUser.get(grant.user_id) ?? []), grant]);
    for (const userGrants of byUser.values()) {
      const [first] = userGrants;
      if (!first) continue;
      const roles = [...new Set(userGrants.map((g) => roleLabels[g.role as Role]?.zh ?? g.role))];
      add([
        first.username,
        first.display_name,
        roles.join('；'),
        userGrants.find((g) => g.unit_name)?.unit_name ?? null,
        first.phone,
        first.email,
      ]);
    }
  }
}
