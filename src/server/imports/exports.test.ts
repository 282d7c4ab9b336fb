import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import { buildXlsx, multipartFile, readXlsx } from '../testing/multipart.js';
import type { BodyRow } from '../db/schema.js';
import { importColumns } from '../../shared/schemas/imports.js';

let t: TestApp;
let make: ReturnType<typeof factories>;
let city: BodyRow;
let source: BodyRow;
let target: BodyRow;
let admin: Client;

async function importFile(kind: string, body: BodyRow, data: Buffer, query = '') {
  const { payload, headers } = multipartFile(`${kind}.xlsx`, data);
  return admin.request('POST', `/api/v1/imports/${kind}?bodyId=${body.id}&${query}`, payload, headers);
}

async function exportFile(kind: string, body: BodyRow, query = '', client = admin) {
  const response = await client.request('GET', `/api/v1/exports/${kind}?bodyId=${body.id}&${query}`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
  return { data: response.rawPayload, rows: await readXlsx(response.rawPayload) };
}

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
  city = await make.body({ level: 'city' });
  source = await make.body({ level: 'county', parent: city });
  target = await make.body({ level: 'county', parent: city });
  for (const body of [source, target]) {
    const term = await make.term({ body, number: 16 });
    await make.delegation({ term, name: '第一代表团' });
    await make.deputyGroup({ body, name: '第一小组' });
  }
  const { user } = await make.adminOf(city);
  admin = await signIn(t.app, user.username, testPassword);
});
afterAll(async () => t.close());

describe('exports', () => {
  it('exports deputies with the template columns and re-imports them elsewhere unchanged', async () => {
    const columns = [...importColumns.deputies];
    const rows = [
      [
        '王一',
        '男',
        '回族',
        1966,
        '村支书',
        '13700000001',
        'w1@example.com',
        '东街 1 号',
        16,
        '第一代表团',
        '第一小组',
        '一选区',
        'wang_yi',
      ],
      ['王二', '女', '汉族', 1990, '医生', '0371-1234567', null, null, 16, null, null, null, null],
    ];
    const imported = await importFile('deputies', source, await buildXlsx(columns, rows));
    expect(imported.json()).toMatchObject({ imported: 2 });

    const exported = await exportFile('deputies', source);
    expect(exported.rows[0]).toEqual(columns);
    expect(exported.rows.slice(1)).toEqual([
      [
        '王一',
        '男',
        '回族',
        '1966',
        '村支书',
        '13700000001',
        'w1@example.com',
        '东街 1 号',
        '16',
        '第一代表团',
        '第一小组',
        '一选区',
        '',
      ],
      ['王二', '女', '汉族', '1990', '医生', '0371-1234567', '', '', '16', '', '', '', ''],
    ]);

    // The same file again into the same body: every row is already there.
    const duplicate = await importFile('deputies', source, exported.data, 'dryRun=true');
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().validRows).toBe(0);

    const copied = await importFile('deputies', target, exported.data);
    expect(copied.json()).toMatchObject({ totalRows: 2, imported: 2 });
    const again = await exportFile('deputies', target);
    expect(again.rows).toEqual(exported.rows);

    // Filters of the list apply; the city admin sees both counties with includeLower.
    expect((await exportFile('deputies', source, 'q=王二')).rows).toHaveLength(2);
    expect((await exportFile('deputies', city, 'includeLower=true')).rows).toHaveLength(5);
  });

  it('gives office staff the private contacts, and refuses roles that may not export', async () => {
    const leader = await make.user({ roles: [{ role: 'leader', bodyId: source.id }] });
    const client = await signIn(t.app, leader.username, testPassword);
    const refused = await client.request('GET', `/api/v1/exports/deputies?bodyId=${source.id}`);
    expect(refused.statusCode).toBe(403);
    const staff = await make.user({ roles: [{ role: 'office_staff', bodyId: source.id }] });
    const staffClient = await signIn(t.app, staff.username, testPassword);
    const exported = await exportFile('deputies', source, '', staffClient);
    expect(exported.rows[1]?.[5]).toBe('13700000001');
    const users = await staffClient.request('GET', `/api/v1/exports/users?bodyId=${source.id}`);
    expect(users.statusCode).toBe(403);
  });

  it('imports units with departments and users with generated passwords, and exports them back', async () => {
    const units = await importFile(
      'units',
      source,
      await buildXlsx(
        [...importColumns.units],
        [
          ['县教育局', '教育局', '政府部门', '李四', '0371-1', '办公室；基础教育股;职成股'],
          ['县人民法院', null, '法院', null, null, null],
        ],
      ),
    );
    expect(units.json()).toMatchObject({ imported: 2, errors: [] });
    const badUnits = await importFile(
      'units',
      source,
      await buildXlsx(
        [...importColumns.units],
        [
          ['县财政局', null, '局', null, null, null],
          ['县教育局', null, '政府部门', null, null, null],
        ],
      ),
    );
    expect(badUnits.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: '单位类型', value: '局' }),
      { row: 3, column: '单位名称', value: '县教育局', message: '「单位名称」县教育局 已存在' },
    ]);

    const users = await importFile(
      'users',
      source,
      await buildXlsx(
        [...importColumns.users],
        [
          ['jiaoyu_1', '赵经办', '承办单位经办人', '县教育局', '13600000000', null],
          ['staff_1', '钱工委', 'office_staff；领导', null, null, 'q@example.com'],
          ['jiaoyu_2', '孙经办', '承办单位负责人', null, null, null],
        ],
      ),
      'mode=valid_rows',
    );
    expect(users.statusCode).toBe(200);
    expect(users.json()).toMatchObject({ imported: 2, validRows: 2 });
    expect(users.json().errors).toEqual([
      { row: 4, column: '承办单位', value: null, message: expect.stringContaining('为必填项') },
    ]);
    expect(users.json().createdAccounts.map((a: { username: string }) => a.username)).toEqual([
      'jiaoyu_1',
      'staff_1',
    ]);
    const handler = await t.services.users.findByUsername('jiaoyu_1');
    expect(handler?.must_change_password).toBe(1);

    const unitExport = await exportFile('units', source);
    expect(unitExport.rows.slice(1)).toEqual([
      ['县人民法院', '', '法院', '', '', ''],
      ['县教育局', '教育局', '政府部门', '李四', '0371-1', '办公室；基础教育股；职成股'],
    ]);
    const userExport = await exportFile('users', source, 'q=jiaoyu');
    expect(userExport.rows.slice(1)).toEqual([
      ['jiaoyu_1', '赵经办', '承办单位经办人', '县教育局', '13600000000', ''],
    ]);
    expect(JSON.stringify(userExport.rows)).not.toContain(users.json().createdAccounts[0].initialPassword);

    // The list page's filters apply to units (kind, active) and users (role, status).
    expect((await exportFile('units', source, 'unitKind=court')).rows.slice(1).map((r) => r[0])).toEqual([
      '县人民法院',
    ]);
    expect((await exportFile('units', source, 'active=false')).rows).toHaveLength(1);
    const leaders = await exportFile('users', source, 'role=leader');
    // staff_1 (imported) and the leader account of the previous test.
    expect(leaders.rows.slice(1).map((r) => r[2])).toEqual(['领导', '领导']);
    expect(leaders.rows.slice(1).map((r) => r[0])).toContain('staff_1');
    await t.services.handle.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('username', '=', 'staff_1')
      .execute();
    const disabled = await exportFile('users', source, 'userStatus=disabled');
    expect([...new Set(disabled.rows.slice(1).map((r) => r[0]))]).toEqual(['staff_1']);
    const activeLeaders = await exportFile('users', source, 'role=leader&userStatus=active');
    expect(activeLeaders.rows.slice(1).map((r) => r[0])).not.toContain('staff_1');
    expect(activeLeaders.rows).toHaveLength(2);
    const wrong = await admin.request('GET', `/api/v1/exports/units?bodyId=${source.id}&unitKind=bureau`);
    expect(wrong.statusCode).toBe(400);

    // Round trip of units and users into the other county.
    await t.services.handle.db
      .updateTable('users')
      .set({ status: 'active' })
      .where('username', '=', 'staff_1')
      .execute();
    expect((await importFile('units', target, unitExport.data)).json()).toMatchObject({ imported: 2 });
    const renamed = userExport.rows.slice(1).map((r) => [`${r[0]}_b`, ...r.slice(1)]);
    const copied = await importFile('users', target, await buildXlsx([...importColumns.users], renamed));
    expect(copied.json()).toMatchObject({ imported: 1 });
  });
});
