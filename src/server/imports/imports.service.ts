import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type { BodiesRepository } from '../organisations/bodies.repository.js';
import { importColumns, importMaxRows } from '../../shared/schemas/imports.js';
import type {
  DeputyImportRow,
  ImportKind,
  ImportQuery,
  ImportReport,
  UnitSheetRow,
  UserImportRow,
} from '../../shared/schemas/imports.js';
import type { Role } from '../../shared/schemas/roles.js';
import type { CreatedAccount, ImportContext, Importer, ParsedRow } from './import-rows.js';
import { RowErrors } from './import-rows.js';
import { importErrors } from './imports.errors.js';
import { buildTemplate, requiredColumns } from './templates.js';
import { assertXlsx, readSheet } from './xlsx-reader.js';

export interface Importers {
  deputies: Importer<DeputyImportRow>;
  units: Importer<UnitSheetRow>;
  users: Importer<UserImportRow>;
}

/** Who imports and exports: a body's admins and office staff; accounts only its admins. */
export function transferRoles(kind: ImportKind): readonly Role[] {
  return kind === 'users' ? ['admin'] : ['admin', 'office_staff'];
}

/**
 * Spreadsheet imports: parse (streaming), validate every row with its schema and against the
 * database, then write the valid rows in one transaction with one audit entry, or nothing.
 */
export class ImportsService {
  constructor(
    private readonly db: Db,
    private readonly bodies: BodiesRepository,
    private readonly audit: AuditService,
    private readonly importers: Importers,
  ) {}

  async template(kind: ImportKind): Promise<Buffer> {
    return buildTemplate(kind);
  }

  /** `actor` null is the system (the CLI). The report is returned even when rows were refused. */
  async importFile(
    actor: Actor | null,
    kind: ImportKind,
    options: ImportQuery,
    data: Buffer,
  ): Promise<ImportReport> {
    const body = await this.bodies.findById(options.bodyId);
    if (!body) throw notFound({ zh: '人大机关', en: 'Congress body' }, options.bodyId);
    if (actor) requireCoversBody(actor, transferRoles(kind), body.path);
    assertXlsx(data);
    const context: ImportContext = { actor, body };
    switch (kind) {
      case 'deputies':
        return this.run(kind, this.importers.deputies, context, options, data);
      case 'units':
        return this.run(kind, this.importers.units, context, options, data);
      case 'users':
        return this.run(kind, this.importers.users, context, options, data);
      default: {
        const exhaustive: never = kind;
        throw new Error(`unknown import kind ${String(exhaustive)}`);
      }
    }
  }

  private async run<T>(
    kind: ImportKind,
    importer: Importer<T>,
    context: ImportContext,
    options: ImportQuery,
    data: Buffer,
  ): Promise<ImportReport> {
    const errors = new RowErrors();
    const parsed: ParsedRow<T>[] = [];
    const columns = importColumns[kind];
    const totalRows = await readSheet(
      data,
      { columns, required: requiredColumns(kind), maxRows: importMaxRows },
      (row, cells) => {
        const result = importer.schema.safeParse(cells);
        if (result.success) parsed.push({ row, data: result.data });
        else errors.addIssues(row, result.error.issues, cells, columns[0] ?? '');
      },
    );
    if (totalRows === 0) throw importErrors.empty();
    await importer.check(context, parsed, errors);
    const valid = parsed.filter((r) => !errors.has(r.row));
    const refused = options.mode === 'all_or_nothing' && errors.invalidRows > 0;

    let imported = 0;
    let createdAccounts: CreatedAccount[] | undefined;
    if (!options.dryRun && !refused && valid.length > 0) {
      // One transaction: a failed insert or a crash leaves nothing half-imported.
      await this.db.transaction().execute(async (trx) => {
        const result = await importer.write(context, valid, trx);
        imported = result.imported;
        createdAccounts = result.createdAccounts;
        await this.audit.record(trx, {
          actor: context.actor,
          action: `import.${kind}`,
          targetType: 'import',
          targetId: null,
          bodyId: context.body.id,
          after: {
            kind,
            mode: options.mode,
            totalRows,
            validRows: valid.length,
            invalidRows: errors.invalidRows,
            imported,
            // Usernames only: generated passwords never reach the audit log.
            accounts: (createdAccounts ?? []).map((a) => a.username),
          },
        });
      });
    }
    return {
      kind,
      totalRows,
      validRows: valid.length,
      imported,
      dryRun: options.dryRun,
      mode: options.mode,
      errors: errors.list(),
      errorsTruncated: errors.truncated,
      ...(createdAccounts ? { createdAccounts } : {}),
    };
  }
}
