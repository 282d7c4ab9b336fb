/**
 * Spreadsheet imports. Each row schema is keyed by the Chinese column headers, so the headers of
 * the template, the parser and the validation messages (「性别」应为「男」或「女」) all come from
 * one place; each transforms a valid row into the English-keyed input the services take.
 */
import { z } from 'zod';
import { idSchema } from './common.js';
import { deputyFilterSchema, genderFromText } from './deputies.js';
import type { Gender } from './deputies.js';
import { roleLabels, roleSchema, roleValues } from './roles.js';
import type { Role } from './roles.js';
import { unitKindFromText, unitKindLabels, unitKindSchema } from './units.js';
import { userStatusSchema } from './users.js';
import type { UnitKind } from './units.js';
import { userCreateSchema } from './users.js';

export const importKindValues = ['deputies', 'units', 'users'] as const;
export const importKindSchema = z.enum(importKindValues);
export type ImportKind = z.infer<typeof importKindSchema>;
export const importKindLabels: Record<ImportKind, { zh: string; en: string }> = {
  deputies: { zh: '代表', en: 'Deputies' },
  units: { zh: '承办单位', en: 'Units' },
  users: { zh: '用户', en: 'Users' },
};

export const importModeValues = ['all_or_nothing', 'valid_rows'] as const;
export const importModeSchema = z.enum(importModeValues);
export type ImportMode = z.infer<typeof importModeSchema>;

// 200,000 deputies make a ~14 MB workbook; the limit leaves room for that.
export const importMaxBytes = 25 * 1024 * 1024;
export const importMaxRows = 250_000;

const digitValues: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 16, 第16届, 第十六届, 十六 → 16; anything else → undefined. */
export function parseOrdinal(text: string): number | undefined {
  const core = text
    .trim()
    .replace(/^第/, '')
    .replace(/[届次]$/, '');
  if (/^\d{1,2}$/.test(core)) return Number(core);
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(core);
  if (!match || core === '') return undefined;
  const [, tensDigit = '', ten = '', ones = ''] = match;
  if (ten === '' && tensDigit !== '') return ones === '' ? digitValues[tensDigit] : undefined;
  const tens = ten === '' ? 0 : tensDigit === '' ? 1 : (digitValues[tensDigit] ?? 0);
  return tens * 10 + (ones === '' ? 0 : (digitValues[ones] ?? 0));
}

/** Splits a list cell on ；; 、 , ，, dropping blanks. */
export function splitList(text: string): string[] {
  return text
    .split(/[；;、,，]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

// Cells arrive trimmed, with blanks as undefined, so `undefined` reads as 「…」为必填项.
const required = (max: number, min = 1) => z.string().min(min).max(max);
const optional = (max: number) => z.string().max(max).optional();
const phoneCell = z
  .string()
  .max(20)
  .regex(/^[0-9+\-\s()]*$/, '只能包含数字、空格、+、- 和括号')
  .optional();
const emailCell = z.email().max(100).optional();

function custom<T>(parse: (text: string) => T | undefined, zh: string, en: string) {
  return z.string().transform((value, context): T => {
    const parsed = parse(value);
    if (parsed === undefined) {
      context.addIssue({ code: 'custom', message: zh, params: { en } });
      return z.NEVER;
    }
    return parsed;
  });
}

// ── 代表 ───────────────────────────────────────────────────────────────────

export const deputySheetSchema = z.object({
  姓名: required(40),
  性别: custom<Gender>(genderFromText, '应为「男」或「女」', 'must be 男 or 女'),
  民族: optional(20),
  出生年份: z
    .string()
    .regex(/^\d{4}年?$/, '应为四位数字的年份，如 1975')
    .transform((value) => Number(value.slice(0, 4)))
    .pipe(z.number().int().min(1900).max(2100))
    .optional(),
  职业: optional(100),
  手机: phoneCell,
  电子邮箱: emailCell,
  通讯地址: optional(200),
  届次: custom(parseOrdinal, '应为届次的数字，如 16 或「第十六届」', 'must be a term number such as 16'),
  代表团: optional(60),
  代表小组: optional(60),
  选区: optional(100),
  登录账号: userCreateSchema.shape.username.optional(),
});

export const deputyImportRowSchema = deputySheetSchema.transform((row) => ({
  name: row.姓名,
  gender: row.性别,
  ethnicity: row.民族 ?? null,
  birthYear: row.出生年份 ?? null,
  occupation: row.职业 ?? null,
  phone: row.手机 ?? null,
  email: row.电子邮箱 ?? null,
  address: row.通讯地址 ?? null,
  termNumber: row.届次,
  delegationName: row.代表团 ?? null,
  groupName: row.代表小组 ?? null,
  electoralDistrict: row.选区 ?? null,
  username: row.登录账号 ?? null,
}));
export type DeputyImportRow = z.output<typeof deputyImportRowSchema>;

// ── 承办单位 ───────────────────────────────────────────────────────────────

const unitKindText = Object.values(unitKindLabels)
  .map((label) => label.zh)
  .join('、');

export const unitSheetSchema = z.object({
  单位名称: required(60, 2),
  简称: optional(20),
  单位类型: custom<UnitKind>(
    unitKindFromText,
    `应为以下之一：${unitKindText}`,
    `must be one of: ${unitKindText}`,
  ),
  联系人: optional(40),
  联系电话: optional(30),
  内设科室: z
    .string()
    .transform(splitList)
    .pipe(z.array(z.string().max(60)).max(100))
    .optional(),
});

export const unitImportSheetRowSchema = unitSheetSchema.transform((row) => ({
  name: row.单位名称,
  kind: row.单位类型,
  shortName: row.简称 ?? null,
  contactPerson: row.联系人 ?? null,
  contactPhone: row.联系电话 ?? null,
  departments: [...new Set(row.内设科室 ?? [])],
}));
export type UnitSheetRow = z.output<typeof unitImportSheetRowSchema>;

// ── 用户 ───────────────────────────────────────────────────────────────────

/** A role from its code or Chinese label (系统管理员, 承办单位经办人 …). */
export function roleFromText(text: string): Role | undefined {
  const trimmed = text.trim();
  return roleValues.find((role) => role === trimmed || roleLabels[role].zh === trimmed);
}

function rolesFromText(text: string): Role[] | undefined {
  const roles = splitList(text).map(roleFromText);
  if (roles.length === 0 || roles.some((role) => role === undefined)) return undefined;
  return [...new Set(roles.filter((role): role is Role => role !== undefined))];
}

const roleText = roleValues.map((role) => roleLabels[role].zh).join('、');

export const userSheetSchema = z
  .object({
    用户名: userCreateSchema.shape.username,
    姓名: required(40),
    角色: custom(rolesFromText, `应为以下之一（多个用；分隔）：${roleText}`, `must be among: ${roleText}`),
    承办单位: optional(60),
    手机: phoneCell,
    电子邮箱: emailCell,
  })
  .superRefine((row, context) => {
    if (!row.承办单位 && row.角色.some((role) => role === 'unit_handler' || role === 'unit_leader'))
      context.addIssue({
        code: 'custom',
        path: ['承办单位'],
        message: '为必填项（承办单位经办人、负责人须指定单位）',
        params: { en: 'is required for unit roles' },
      });
  });

export const userImportRowSchema = userSheetSchema.transform((row) => ({
  username: row.用户名,
  displayName: row.姓名,
  roles: row.角色,
  unitName: row.承办单位 ?? null,
  phone: row.手机 ?? null,
  email: row.电子邮箱 ?? null,
}));
export type UserImportRow = z.output<typeof userImportRowSchema>;

/** The column headers of each kind, in template order. */
export const importColumns: Record<ImportKind, readonly string[]> = {
  deputies: Object.keys(deputySheetSchema.shape),
  units: Object.keys(unitSheetSchema.shape),
  users: Object.keys(userSheetSchema.shape),
};

// ── Requests and the report ────────────────────────────────────────────────

export const importKindParamsSchema = z.object({ kind: importKindSchema });

export const importQuerySchema = z.object({
  bodyId: idSchema,
  mode: importModeSchema.default('all_or_nothing'),
  dryRun: z.stringbool().default(false),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const importErrorSchema = z.object({
  /** Row number as Excel shows it (the header is row 1). */
  row: z.number().int(),
  column: z.string(),
  value: z.string().nullable(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importReportSchema = z.object({
  kind: importKindSchema,
  totalRows: z.number().int(),
  validRows: z.number().int(),
  imported: z.number().int(),
  dryRun: z.boolean(),
  mode: importModeSchema,
  errors: z.array(importErrorSchema),
  /** More errors were found than the report lists (the first 1,000 are listed). */
  errorsTruncated: z.boolean(),
  /** Accounts created by this import with their generated passwords: shown once. */
  createdAccounts: z.array(z.object({ username: z.string(), initialPassword: z.string() })).optional(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** Export filters: the deputy list's, with a required body (units and users use body, subtree and q). */
/**
 * The list page's filters, applied to the export: deputies use the deputy filter; units `unitKind`
 * and `active`; users `role` and `userStatus`.
 */
export const exportQuerySchema = deputyFilterSchema.extend({
  bodyId: idSchema,
  unitKind: unitKindSchema.optional(),
  active: z.stringbool().optional(),
  role: roleSchema.optional(),
  userStatus: userStatusSchema.optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
