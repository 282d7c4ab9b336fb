import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/test-context.js';
import type { TestContext } from '../testing/test-context.js';
import { factories } from '../testing/factories.js';
import type { BodyRow } from '../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { DomainError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';

let t: TestContext;
let make: ReturnType<typeof factories>;
let countyY: BodyRow;

async function count(table: 'units' | 'unit_departments' | 'audit_log'): Promise<number> {
  const row = await t.handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An office staff member of the body, as the import passes the signed-in user. */
function staffActor(body: BodyRow): Actor {
  return {
    userId: newId(),
    username: 'importer',
    displayName: '导入人员',
    roles: [{ role: 'office_staff', bodyId: body.id, bodyPath: body.path, unitId: null, committeeId: null }],
    deputyId: null,
    via: 'session',
    sessionId: null,
    ip: null,
  };
}

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

beforeAll(async () => {
  t = await createTestContext();
  make = factories(t.services);
  countyY = await make.body({ level: 'county' });
});
afterAll(async () => t.close());

describe('createMany (for the xlsx import)', () => {
  it('inserts units with departments in the given transaction, accepting kind labels', async () => {
    const body = await make.body({ level: 'county' });
    const created = await t.handle.db.transaction().execute((trx) =>
      t.services.units.createMany(
        staffActor(body),
        body.id,
        [
          { name: '县财政局', kind: '政府部门', departments: ['预算股', '国库股'] },
          { name: '县监察委员会', kind: 'supervision_commission', shortName: '县监委' },
        ],
        trx,
      ),
    );
    expect(created.map((u) => u.kind)).toEqual(['government_department', 'supervision_commission']);
    expect(await t.services.units.findUnitByName(body.id, '县监察委员会')).toMatchObject({
      shortName: '县监委',
    });
    const departments = await t.services.repositories.units.departmentsOf(created[0]?.id ?? '');
    expect(departments.map((d) => d.name)).toEqual(['预算股', '国库股']);
  });

  it('writes nothing when one row is bad and reports every problem by row', async () => {
    const body = await make.body({ level: 'county' });
    await make.unit({ body, name: '县公安局' });
    const before = { units: await count('units'), departments: await count('unit_departments') };
    const audit = await count('audit_log');
    const error = await domainError(
      t.handle.db.transaction().execute((trx) =>
        t.services.units.createMany(
          staffActor(body),
          body.id,
          [
            { name: '县水利局', kind: 'government_department', departments: ['河道股'] },
            { name: '局', kind: '部委' },
          ],
          trx,
        ),
      ),
    );
    expect(error.code).toBe('unit_rows_invalid');
    expect(error.fieldErrors.map((e) => [e.field, e.message.zh])).toEqual(
      expect.arrayContaining([
        ['rows.1.name', '「名称」至少 2 个字符'],
        ['rows.1.kind', expect.stringContaining('「类型」应为以下之一')],
      ]),
    );

    const duplicates = await domainError(
      t.handle.db.transaction().execute((trx) =>
        t.services.units.createMany(
          null,
          body.id,
          [
            { name: '县水利局', kind: 'government_department' },
            { name: '县公安局', kind: 'government_department' },
            { name: '县水利局', kind: 'other', departments: ['办公室', '办公室'] },
          ],
          trx,
        ),
      ),
    );
    expect(duplicates.code).toBe('unit_rows_invalid');
    expect(duplicates.fieldErrors.map((e) => e.field)).toEqual([
      'rows.1.name',
      'rows.2.name',
      'rows.2.departments.1',
    ]);
    expect(duplicates.text.zh).toContain('未导入任何单位');
    expect({ units: await count('units'), departments: await count('unit_departments') }).toEqual(before);
    expect(await count('audit_log')).toBe(audit);
  });

  it('rolls back with the caller and refuses bodies the actor does not cover', async () => {
    const body = await make.body({ level: 'county' });
    const before = await count('units');
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await t.services.units.createMany(null, body.id, [{ name: '县统计局', kind: 'other' }], trx);
        throw new Error('a later import step failed');
      }),
    ).rejects.toThrow('a later import step failed');
    expect(await count('units')).toBe(before);
    expect(await t.services.units.findUnitByName(body.id, '县统计局')).toBeUndefined();

    const denied = await domainError(
      t.handle.db
        .transaction()
        .execute((trx) =>
          t.services.units.createMany(
            staffActor(countyY),
            body.id,
            [{ name: '县统计局', kind: 'other' }],
            trx,
          ),
        ),
    );
    expect(denied.kind).toBe('forbidden');
  });
});
