import { z } from 'zod';
import { fieldLabel } from '../../shared/field-labels.js';
import type { FieldError } from '../platform/errors.js';

/** One validation issue as fastify-type-provider-zod hands it over. */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();

const typeNames: Record<string, { zh: string; en: string }> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
  date: { zh: '日期', en: 'a date' },
};

function valueAt(root: unknown, path: string[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function sizeText(origin: unknown, bound: unknown, small: boolean): { zh: string; en: string } {
  const n = String(bound);
  switch (origin) {
    case 'string':
      return small
        ? { zh: `至少 ${n} 个字符`, en: `must have at least ${n} characters` }
        : { zh: `不能超过 ${n} 个字符`, en: `must have at most ${n} characters` };
    case 'array':
    case 'set':
      return small
        ? { zh: `至少 ${n} 项`, en: `must have at least ${n} items` }
        : { zh: `不能超过 ${n} 项`, en: `must have at most ${n} items` };
    case 'file':
      return small
        ? { zh: `文件不能小于 ${n} 字节`, en: `file must be at least ${n} bytes` }
        : { zh: `文件不能超过 ${n} 字节`, en: `file must be at most ${n} bytes` };
    default:
      return small
        ? { zh: `不能小于 ${n}`, en: `must be at least ${n}` }
        : { zh: `不能大于 ${n}`, en: `must be at most ${n}` };
  }
}

/** Turns zod issues into per-field messages in both languages, naming the field by its label. */
export function localiseIssues(
  issues: ValidationIssue[],
  input: unknown,
  context: string | undefined,
): FieldError[] {
  return issues.map((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean);
    const field = path.join('.') || context || 'body';
    const params = issue.params ?? {};
    const message = describe(issue, params, valueAt(input, path));
    const zhLabel = path.length > 0 ? `「${fieldLabel(field, 'zh')}」` : '';
    const enLabel = path.length > 0 ? `"${fieldLabel(field, 'en')}" ` : '';
    return { field, message: { zh: `${zhLabel}${message.zh}`, en: `${enLabel}${message.en}` } };
  });
}

function describe(
  issue: ValidationIssue,
  params: Record<string, unknown>,
  value: unknown,
): { zh: string; en: string } {
  switch (issue.keyword) {
    case 'invalid_type': {
      if (value === undefined || value === null) return { zh: '为必填项', en: 'is required' };
      const expected = typeNames[String(params.expected)] ?? {
        zh: String(params.expected),
        en: String(params.expected),
      };
      return { zh: `应为${expected.zh}`, en: `must be ${expected.en}` };
    }
    case 'too_small':
      if ((value === '' || value === undefined) && params.origin === 'string')
        return { zh: '为必填项', en: 'is required' };
      return sizeText(params.origin, params.minimum, true);
    case 'too_big':
      return sizeText(params.origin, params.maximum, false);
    case 'invalid_value': {
      const values = Array.isArray(params.values) ? params.values.map(String) : [];
      return { zh: `应为以下之一：${values.join('、')}`, en: `must be one of: ${values.join(', ')}` };
    }
    case 'invalid_format': {
      const format = String(params.format ?? '');
      if (format === 'email') return { zh: '不是有效的电子邮箱地址', en: 'is not a valid email address' };
      if (issue.message && params.format === 'regex' && !issue.message.startsWith('Invalid'))
        return { zh: issue.message, en: issue.message };
      return { zh: '格式不正确', en: 'has an invalid format' };
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(params.keys) ? params.keys.map(String).join('、') : '';
      return { zh: `包含无法识别的字段：${keys}`, en: `has unrecognised fields: ${keys}` };
    }
    case 'custom': {
      const english = (params.params as { en?: string } | undefined)?.en;
      const zh = issue.message ?? '无效';
      return { zh, en: english ?? zh };
    }
    default: {
      const raw = { code: issue.keyword, ...params } as Parameters<typeof zhLocale.localeError>[0];
      const zh = zhLocale.localeError(raw);
      const en = enLocale.localeError(raw);
      return {
        zh: typeof zh === 'string' ? zh : (zh?.message ?? '无效'),
        en: typeof en === 'string' ? en : (en?.message ?? 'invalid'),
      };
    }
  }
}
