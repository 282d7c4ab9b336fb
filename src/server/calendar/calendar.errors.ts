import { fieldLabel } from '../../shared/field-labels.js';
import { calendarYears } from '../../shared/schemas/calendar.js';
import { invalidField } from '../platform/errors.js';

export const calendarOverrideNoun = { zh: '日历调整', en: 'Calendar override' };

export const calendarErrors = {
  invalidDate: (field: string, value: string) =>
    invalidField(
      field,
      {
        zh: `「${fieldLabel(field, 'zh')}」${value} 不是有效日期（格式 YYYY-MM-DD）`,
        en: `"${fieldLabel(field, 'en')}" ${value} is not a valid date (YYYY-MM-DD)`,
      },
      'invalid_date',
    ),
  outOfRange: (field: string, value: string) =>
    invalidField(
      field,
      {
        zh: `「${fieldLabel(field, 'zh')}」${value} 超出可计算范围（${calendarYears.min}—${calendarYears.max} 年）`,
        en: `"${fieldLabel(field, 'en')}" ${value} is outside ${calendarYears.min}-${calendarYears.max}`,
      },
      'date_out_of_range',
    ),
};
