import type { Executor } from '../db/executor.js';
import { conflict } from '../platform/errors.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { UsersService } from '../users/users.service.js';
import { userImportRowSchema } from '../../shared/schemas/imports.js';
import type { UserImportRow } from '../../shared/schemas/imports.js';
import { unitRoles } from '../../shared/schemas/roles.js';
import type { CreatedAccount, ImportContext, Importer, ParsedRow, RowErrors } from './import-rows.js';
import { FirstSeen } from './import-rows.js';
import type { ImportsRepository } from './imports.repository.js';

/** Which of the usernames exist already, asked in slices (an IN list per 500 names). */
export async function takenUsernames(
  users: UsersRepository,
  usernames: (string | null)[],
  executor?: Executor,
): Promise<Set<string>> {
  const names = [...new Set(usernames.filter((u): u is string => !!u))];
  const taken = new Set<string>();
  for (let start = 0; start < names.length; start += 500)
    for (const name of await users.usernamesTaken(names.slice(start, start + 500), executor)) taken.add(name);
  return taken;
}

/** 用户 rows: accounts with generated passwords (changed at first sign-in) and roles in the body. */
export class UsersImporter implements Importer<UserImportRow> {
  readonly schema = userImportRowSchema;

  constructor(
    private readonly lookupsRepository: ImportsRepository,
    private readonly usersRepository: UsersRepository,
    private readonly users: UsersService,
  ) {}

  private async unitIds(bodyId: string, executor?: Executor): Promise<Map<string, string>> {
    return new Map((await this.lookupsRepository.unitsOf(bodyId, executor)).map((u) => [u.name, u.id]));
  }

  async check(context: ImportContext, rows: ParsedRow<UserImportRow>[], errors: RowErrors): Promise<void> {
    const units = await this.unitIds(context.body.id);
    const taken = await takenUsernames(
      this.usersRepository,
      rows.map((r) => r.data.username),
    );
    const usernames = new FirstSeen();
    for (const { row, data } of rows) {
      const earlier = usernames.check(data.username, row);
      if (taken.has(data.username))
        errors.add(row, '用户名', data.username, `「用户名」${data.username} 已被使用`);
      else if (earlier !== undefined)
        errors.add(row, '用户名', data.username, `「用户名」与第 ${earlier} 行重复`);
      if (data.unitName && data.roles.some((r) => unitRoles.includes(r)) && !units.has(data.unitName))
        errors.add(
          row,
          '承办单位',
          data.unitName,
          `「承办单位」本人大机关没有名为“${data.unitName}”的承办单位`,
        );
    }
  }

  async write(context: ImportContext, rows: ParsedRow<UserImportRow>[], executor: Executor) {
    const units = await this.unitIds(context.body.id, executor);
    const createdAccounts: CreatedAccount[] = [];
    for (const { data } of rows) {
      const unitId = data.unitName ? units.get(data.unitName) : undefined;
      const created = await this.users.create(
        context.actor,
        {
          username: data.username,
          displayName: data.displayName,
          phone: data.phone,
          email: data.email,
          roles: data.roles.map((role) => {
            const isUnitRole = unitRoles.includes(role);
            if (isUnitRole && !unitId)
              throw conflict('import_data_changed', {
                zh: '导入期间承办单位被修改，请重新导入。',
                en: 'Units changed during the import; import again.',
              });
            return { role, bodyId: context.body.id, unitId: isUnitRole ? unitId : null };
          }),
          mustChangePassword: true,
        },
        executor,
      );
      createdAccounts.push({ username: created.username, initialPassword: created.initialPassword ?? '' });
    }
    return { imported: rows.length, createdAccounts };
  }
}
