import fs from 'node:fs';
import { DomainError } from '../platform/errors.js';
import type { Services } from '../services.js';
import { importKindLabels, importKindSchema } from '../../shared/schemas/imports.js';
import type { ImportReport } from '../../shared/schemas/imports.js';

/** The report as the CLI prints it, in Chinese. */
export function formatReport(report: ImportReport): string {
  const lines = [
    `导入${importKindLabels[report.kind].zh}${report.dryRun ? '（试导入，未写入数据库）' : ''}：` +
      `共 ${report.totalRows} 行，正确 ${report.validRows} 行，有误 ${report.totalRows - report.validRows} 行，` +
      `已导入 ${report.imported} 行。`,
  ];
  if (report.mode === 'all_or_nothing' && report.validRows < report.totalRows)
    lines.push('“全部或不导入”模式下存在有误的行，未导入任何数据。可加 --valid-rows 只导入正确的行。');
  if (report.errors.length > 0) {
    lines.push('错误清单：');
    for (const error of report.errors)
      lines.push(
        `  第 ${error.row} 行【${error.column}】${error.message}${error.value === null ? '' : `（值：${error.value}）`}`,
      );
    if (report.errorsTruncated) lines.push(`  ……仅列出前 ${report.errors.length} 条错误`);
  }
  if (report.createdAccounts && report.createdAccounts.length > 0) {
    lines.push('新建账号（初始密码只显示这一次，首次登录须修改）：');
    for (const account of report.createdAccounts)
      lines.push(`  ${account.username}\t${account.initialPassword}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `minyi import <kind> <file> --body <id>`: runs as the system and returns the exit code, 1 when
 * rows were rejected or the file was refused.
 */
export async function runImportCommand(
  services: Services,
  kind: string,
  file: string,
  options: { body: string; validRows?: boolean; dryRun?: boolean },
): Promise<number> {
  const parsedKind = importKindSchema.safeParse(kind);
  if (!parsedKind.success) {
    process.stderr.write(`未知的导入类型：${kind}（可选 ${importKindSchema.options.join('、')}）\n`);
    return 2;
  }
  try {
    const report = await services.imports.importFile(
      null,
      parsedKind.data,
      {
        bodyId: options.body,
        mode: options.validRows ? 'valid_rows' : 'all_or_nothing',
        dryRun: !!options.dryRun,
      },
      fs.readFileSync(file),
    );
    process.stdout.write(formatReport(report));
    return report.validRows < report.totalRows ? 1 : 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${error.text.zh}\n`);
    return 1;
  }
}
