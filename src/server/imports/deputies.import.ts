import type { Executor } from '../db/executor.js';
import type { DeputyRow, DeputySeatRow } from '../db/schema.js';
import type { Clock } from '../platform/clock.js';
import { conflict } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { coversBody } from '../auth/actor.js';
import type { DeputiesRepository } from '../deputies/deputies.repository.js';
import type { DeputySeatsRepository } from '../deputies/deputy-seats.repository.js';
import type { DeputySeatChecks } from '../deputies/deputy-seat.checks.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { UsersService } from '../users/users.service.js';
import { deputyImportRowSchema } from '../../shared/schemas/imports.js';
import type { DeputyImportRow } from '../../shared/schemas/imports.js';
import type { CreatedAccount, ImportContext, Importer, ParsedRow, RowErrors } from './import-rows.js';
import { FirstSeen } from './import-rows.js';
import type { ImportsRepository } from './imports.repository.js';
import { takenUsernames } from './users.import.js';

/** A body's terms, delegations and groups by name, loaded once per import. */
interface Lookups {
  term(number: number): { id: string } | undefined;
  delegation(termId: string, name: string): string | undefined;
  group(termId: string, name: string): string | undefined;
}

/** Same term, name, gender and birth year: the same person entered twice. */
function identityKey(termId: string, name: string, gender: string, birthYear: number | null): string {
  return [termId, name, gender, birthYear ?? ''].join('\u0000');
}

/** Rows built and inserted per slice (several multi-row statements each). */
const writeSliceSize = 5000;

const staleLookup = () =>
  conflict('import_data_changed', {
    zh: '导入期间届次、代表团或代表小组被修改，请重新导入。',
    en: 'Terms, delegations or groups changed during the import; import again.',
  });

/** 代表 rows: a person and a seat in the import's body; 登录账号 also creates a deputy account. */
export class DeputiesImporter implements Importer<DeputyImportRow> {
  readonly schema = deputyImportRowSchema;

  constructor(
    private readonly lookupsRepository: ImportsRepository,
    private readonly deputies: DeputiesRepository,
    private readonly seats: DeputySeatsRepository,
    private readonly seatChecks: DeputySeatChecks,
    private readonly usersRepository: UsersRepository,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  private async lookups(bodyId: string, executor?: Executor): Promise<Lookups> {
    const [terms, delegations, groups] = await Promise.all([
      this.lookupsRepository.termsOf(bodyId, executor),
      this.lookupsRepository.delegationsOf(bodyId, executor),
      this.lookupsRepository.groupsOf(bodyId, executor),
    ]);
    const termByNumber = new Map(terms.map((t) => [t.number, t]));
    const delegationByName = new Map(delegations.map((d) => [`${d.term_id}\u0000${d.name}`, d.id]));
    const groupByName = new Map(groups.map((g) => [`${g.term_id ?? ''}\u0000${g.name}`, g.id]));
    return {
      term: (number) => termByNumber.get(number),
      delegation: (termId, name) => delegationByName.get(`${termId}\u0000${name}`),
      // A group of the seat's term first, else one that spans terms.
      group: (termId, name) => groupByName.get(`${termId}\u0000${name}`) ?? groupByName.get(`\u0000${name}`),
    };
  }

  async check(context: ImportContext, rows: ParsedRow<DeputyImportRow>[], errors: RowErrors): Promise<void> {
    const lookups = await this.lookups(context.body.id);
    const existing = new Set(
      (await this.deputies.identitiesInBody(context.body.id)).map((d) =>
        identityKey(d.term_id, d.name, d.gender, d.birth_year),
      ),
    );
    const taken = await takenUsernames(
      this.usersRepository,
      rows.map((r) => r.data.username),
    );
    const latestBirthYear = this.seatChecks.latestBirthYear();
    const identities = new FirstSeen();
    const usernames = new FirstSeen();
    for (const { row, data } of rows) {
      const term = lookups.term(data.termNumber);
      if (!term) {
        errors.add(
          row,
          '届次',
          data.termNumber,
          `「届次」本人大机关没有第 ${data.termNumber} 届，请先添加该届次`,
        );
      } else {
        if (data.delegationName && !lookups.delegation(term.id, data.delegationName))
          errors.add(
            row,
            '代表团',
            data.delegationName,
            `「代表团」第 ${data.termNumber} 届没有名为“${data.delegationName}”的代表团`,
          );
        if (data.groupName && !lookups.group(term.id, data.groupName))
          errors.add(row, '代表小组', data.groupName, `「代表小组」没有名为“${data.groupName}”的代表小组`);
        const key = identityKey(term.id, data.name, data.gender, data.birthYear);
        const earlier = existing.has(key) ? 0 : identities.check(key, row);
        if (earlier === 0)
          errors.add(
            row,
            '姓名',
            data.name,
            '「姓名」本届已有姓名、性别、出生年份都相同的代表，请勿重复导入',
          );
        else if (earlier !== undefined)
          errors.add(
            row,
            '姓名',
            data.name,
            `「姓名」与第 ${earlier} 行重复（同届姓名、性别、出生年份相同；如确为不同的人，请填写出生年份区分）`,
          );
      }
      if (data.birthYear !== null && data.birthYear > latestBirthYear)
        errors.add(
          row,
          '出生年份',
          data.birthYear,
          `「出生年份」不能晚于 ${latestBirthYear}（代表须年满十八周岁）`,
        );
      if (data.username) {
        const earlier = usernames.check(data.username, row);
        if (taken.has(data.username))
          errors.add(row, '登录账号', data.username, `「登录账号」${data.username} 已被使用`);
        else if (earlier !== undefined)
          errors.add(row, '登录账号', data.username, `「登录账号」与第 ${earlier} 行重复`);
      }
    }
  }

  async write(context: ImportContext, rows: ParsedRow<DeputyImportRow>[], executor: Executor) {
    const { actor, body } = context;
    const lookups = await this.lookups(body.id, executor);
    // Office staff may import their deputies' accounts: the import has checked they cover the body
    // and audits it; an administrator's accounts are created in their own name.
    const accountActor = actor && coversBody(actor, ['admin'], body.path) ? actor : null;
    const at = this.clock.now().toISOString();
    const createdAccounts: CreatedAccount[] = [];
    let people: DeputyRow[] = [];
    let seats: DeputySeatRow[] = [];
    // Inserted a slice at a time, so 200,000 rows never exist twice over as insert objects.
    const flush = async () => {
      await this.deputies.insertMany(people, executor);
      await this.seats.insertMany(seats, executor);
      people = [];
      seats = [];
    };
    for (const { data } of rows) {
      const term = lookups.term(data.termNumber);
      const delegationId = data.delegationName
        ? lookups.delegation(term?.id ?? '', data.delegationName)
        : null;
      const groupId = data.groupName ? lookups.group(term?.id ?? '', data.groupName) : null;
      if (!term || delegationId === undefined || groupId === undefined) throw staleLookup();
      let userId: string | null = null;
      if (data.username) {
        const account = await this.users.create(
          accountActor,
          {
            username: data.username,
            displayName: data.name,
            phone: data.phone,
            email: data.email,
            roles: [{ role: 'deputy', bodyId: body.id }],
            mustChangePassword: true,
          },
          executor,
        );
        userId = account.id;
        createdAccounts.push({ username: account.username, initialPassword: account.initialPassword ?? '' });
      }
      const id = newId();
      people.push({
        id,
        user_id: userId,
        name: data.name,
        gender: data.gender,
        ethnicity: data.ethnicity,
        birth_year: data.birthYear,
        occupation: data.occupation,
        phone: data.phone,
        email: data.email,
        address: data.address,
        photo_file_id: null,
        created_at: at,
        updated_at: at,
      });
      seats.push({
        id: newId(),
        deputy_id: id,
        body_id: body.id,
        term_id: term.id,
        level: body.level,
        delegation_id: delegationId,
        group_id: groupId,
        electoral_district: data.electoralDistrict,
        status: 'active',
        terminated_on: null,
        created_at: at,
        updated_at: at,
      });
      if (people.length >= writeSliceSize) await flush();
    }
    await flush();
    return { imported: rows.length, createdAccounts };
  }
}
