import { DomainError, invalidField } from '../platform/errors.js';
import type { FieldError, LocalisedText } from '../platform/errors.js';

export const unitNoun = { zh: '承办单位', en: 'Unit' };
export const departmentNoun = { zh: '内设科室', en: 'Department' };

/** Field messages, shared by single writes and bulk imports. */
export const unitMessages = {
  nameTaken: (name: string): LocalisedText => ({
    zh: `「名称」${name} 已存在`,
    en: `"Name" ${name} already exists`,
  }),
  departmentNameTaken: (name: string): LocalisedText => ({
    zh: `科室「${name}」已存在`,
    en: `department "${name}" already exists`,
  }),
};

export const unitErrors = {
  nameTaken: (name: string, field = 'name') =>
    invalidField(field, unitMessages.nameTaken(name), 'unit_name_taken'),
  departmentNameTaken: (name: string, field = 'name') =>
    invalidField(field, unitMessages.departmentNameTaken(name), 'department_name_taken'),
  /** A bulk import with bad rows: every problem at once, each on `rows.<index>.<field>`. */
  rowsInvalid: (errors: FieldError[]) =>
    new DomainError(
      'validation',
      'unit_rows_invalid',
      {
        zh: `承办单位数据有 ${errors.length} 处错误，未导入任何单位。`,
        en: `The unit rows have ${errors.length} errors; no unit was imported.`,
      },
      errors,
    ),
};
