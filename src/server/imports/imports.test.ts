import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import { buildXlsx, multipartFile, readXlsx } from '../testing/multipart.js';
import type { BodyRow } from '../db/schema.js';
import { importColumns } from '../../shared/schemas/imports.js';

let t: TestApp;
let make: ReturnType<typeof factories>;
let county: BodyRow;
let admin: Client;

const headers = importColumns.deputies;
type Row = Record<string, string | number | null>;
const row = (values: Row) => headers.map((h) => values[h] ?? null);
const good = (name: string, extra: Row = {}): Row => ({
  姓名: name,
  性别: '女',
  民族: '汉族',
  出生年份: 1980,
  职业: '教师',
  手机: '13800000000',
  电子邮箱: `${name.length}@example.com`,
  通讯地址: '人民路 1 号',
  届次: '第十六届',
  代表团: '第一代表团',
  代表小组: '第一小组',
  选区: '第一选区',
  ...extra,
});

async function upload(client: Client, query: string, data: Buffer, fileName = 'deputies.xlsx') {
  const { payload, headers: multipartHeaders } = multipartFile(fileName, data);
  return client.request(
    'POST',
    `/api/v1/imports/deputies?bodyId=${county.id}&${query}`,
    payload,
    multipartHeaders,
  );
}

const deputiesInCounty = async () =>
  Number(
    (
      await t.services.handle.db
        .selectFrom('deputy_seats')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('body_id', '=', county.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
  county = await make.body({ level: 'county' });
  const term = await make.term({ body: county, number: 16 });
  await make.delegation({ term, name: '第一代表团' });
  await make.deputyGroup({ body: county, name: '第一小组' });
  const { user } = await make.adminOf(county);
  admin = await signIn(t.app, user.username, testPassword);
});
afterAll(async () => t.close());

describe('import templates', () => {
  it('offers an .xlsx per kind with Chinese headers, an example row and a notes sheet', async () => {
    for (const kind of ['deputies', 'units', 'users'] as const) {
      const response = await admin.request('GET', `/api/v1/imports/${kind}/template`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const rows = await readXlsx(response.rawPayload);
      expect(rows[0]).toEqual([...importColumns[kind]]);
      expect(rows).toHaveLength(2);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
      const notes = workbook.getWorksheet('填写说明');
      expect(notes?.rowCount).toBeGreaterThan(importColumns[kind].length);
    }
  });
});

describe('deputy import', () => {
  it('imports good rows with seats, creates the accounts asked for and audits once', async () => {
    const before = await deputiesInCounty();
    const file = await buildXlsx(
      [...headers],
      [
        row(good('张一', { 登录账号: 'zhang_yi' })),
        row(good('张二', { 性别: '男', 届次: 16 })),
        row(good('张三')),
      ],
    );
    const response = await upload(admin, '', file);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      kind: 'deputies',
      totalRows: 3,
      validRows: 3,
      imported: 3,
      dryRun: false,
      mode: 'all_or_nothing',
      errors: [],
    });
    expect(report.createdAccounts).toEqual([{ username: 'zhang_yi', initialPassword: expect.any(String) }]);
    expect(await deputiesInCounty()).toBe(before + 3);

    const seat = await t.services.handle.db
      .selectFrom('deputies as d')
      .innerJoin('deputy_seats as s', 's.deputy_id', 'd.id')
      .innerJoin('delegations as dl', 'dl.id', 's.delegation_id')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .select(['d.name', 'd.gender', 's.level', 'dl.name as delegation', 'u.must_change_password'])
      .where('u.username', '=', 'zhang_yi')
      .executeTakeFirstOrThrow();
    expect(seat).toEqual({
      name: '张一',
      gender: 'female',
      level: 'county',
      delegation: '第一代表团',
      must_change_password: 1,
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'zhang_yi', password: report.createdAccounts[0].initialPassword },
    });
    expect(login.statusCode).toBe(200);

    const audit = await t.services.handle.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'import.deputies')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after_json).not.toContain(report.createdAccounts[0].initialPassword);
  });

  const badFile = () =>
    buildXlsx(
      [...headers],
      [
        row(good('李好')),
        row(good('', { 姓名: null })),
        row(good('李性别', { 性别: '未知' })),
        row(good('李团', { 代表团: '不存在代表团' })),
        row(good('李账号', { 登录账号: 'zhang_yi' })),
        row(good('李年', { 出生年份: 1800 })),
        row(good('李长', { 职业: '很'.repeat(101) })),
        row(good('李好二')),
      ],
    );

  it('refuses the whole file in all-or-nothing mode, naming row and column in Chinese', async () => {
    const before = await deputiesInCounty();
    const response = await upload(admin, 'mode=all_or_nothing', await badFile());
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem).toMatchObject({ code: 'import_rejected', totalRows: 8, validRows: 2, imported: 0 });
    expect(problem.detail).toContain('未导入任何数据');
    expect(problem.errors).toEqual([
      { row: 3, column: '姓名', value: null, message: '「姓名」为必填项' },
      { row: 4, column: '性别', value: '未知', message: '「性别」应为「男」或「女」' },
      {
        row: 5,
        column: '代表团',
        value: '不存在代表团',
        message: expect.stringContaining('没有名为“不存在代表团”'),
      },
      { row: 6, column: '登录账号', value: 'zhang_yi', message: '「登录账号」zhang_yi 已被使用' },
      { row: 7, column: '出生年份', value: '1800', message: '「出生年份」不能小于 1900' },
      { row: 8, column: '职业', value: '很'.repeat(101), message: '「职业」不能超过 100 个字符' },
    ]);
    expect(await deputiesInCounty()).toBe(before);
  });

  it('imports only the valid rows in valid-rows mode, and nothing on a dry run', async () => {
    const before = await deputiesInCounty();
    const dry = await upload(admin, 'mode=valid_rows&dryRun=true', await badFile());
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, validRows: 2, imported: 0 });
    expect(dry.json().errors).toHaveLength(6);
    expect(await deputiesInCounty()).toBe(before);

    const response = await upload(admin, 'mode=valid_rows', await badFile());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ validRows: 2, imported: 2 });
    expect(await deputiesInCounty()).toBe(before + 2);

    // The same people again are duplicates of what is now stored, and within the file.
    const again = await upload(
      admin,
      'mode=valid_rows&dryRun=true',
      await buildXlsx([...headers], [row(good('李好')), row(good('新人')), row(good('新人'))]),
    );
    expect(again.json().errors).toEqual([
      { row: 2, column: '姓名', value: '李好', message: expect.stringContaining('本届已有') },
      { row: 4, column: '姓名', value: '新人', message: expect.stringContaining('与第 3 行重复') },
    ]);
  });

  it('leaves nothing behind when an insert fails half-way: no deputies, accounts or audit entry', async () => {
    const before = await deputiesInCounty();
    const audits = async () =>
      (await t.services.handle.db.selectFrom('audit_log').select('seq').execute()).length;
    const auditsBefore = await audits();
    const failure = vi
      .spyOn(t.services.deputyRepositories.deputySeats, 'insertMany')
      .mockRejectedValueOnce(new Error('disk full'));
    const file = await buildXlsx(
      [...headers],
      [row(good('周一', { 登录账号: 'zhou_yi' })), row(good('周二'))],
    );
    const response = await upload(admin, '', file);
    failure.mockRestore();
    expect(response.statusCode).toBe(500);
    expect(response.json().detail).toContain('本次操作未保存');
    expect(await deputiesInCounty()).toBe(before);
    expect(await t.services.users.findByUsername('zhou_yi')).toBeUndefined();
    expect(await audits()).toBe(auditsBefore);
  });

  it('refuses files that are not .xlsx, lack columns, or come from someone without rights', async () => {
    const csv = await upload(admin, '', Buffer.from('姓名,性别\n张三,男\n'), 'deputies.xlsx');
    expect(csv.statusCode).toBe(400);
    expect(csv.json().code).toBe('import_not_xlsx');
    expect(csv.json().detail).toContain('不是 Excel 工作簿');

    const missing = await upload(admin, '', await buildXlsx(['姓名', '民族'], [['张三', '汉族']]));
    expect(missing.json()).toMatchObject({ code: 'import_missing_columns' });
    expect(missing.json().detail).toContain('性别、届次');

    const empty = await upload(admin, '', await buildXlsx([...headers], []));
    expect(empty.json().code).toBe('import_empty');

    const none = await admin.request('POST', `/api/v1/imports/deputies?bodyId=${county.id}`, { a: 1 });
    expect(none.json().code).toBe('upload_required');

    const file = await buildXlsx([...headers], [row(good('无权'))]);
    const leader = await make.user({ roles: [{ role: 'leader', bodyId: county.id }] });
    const refused = await upload(await signIn(t.app, leader.username, testPassword), '', file);
    expect(refused.statusCode).toBe(403);
    const staff = await make.user({ roles: [{ role: 'office_staff', bodyId: county.id }] });
    const allowed = await upload(await signIn(t.app, staff.username, testPassword), 'dryRun=true', file);
    expect(allowed.statusCode).toBe(200);
  });
});
