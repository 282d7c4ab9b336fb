import type { FormInstance } from 'antd';
import { isApiError } from './api-error.js';
import type { FieldError } from './api-error.js';

/** `roles.0.unitId` → `['roles', 0, 'unitId']`, the name path antd forms use. */
export function namePathOf(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function hasPath(values: unknown, path: (string | number)[]): boolean {
  let current: unknown = values;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !(key in current)) return false;
    current = Reflect.get(current, key);
  }
  return true;
}

/**
 * Puts the API's per-field errors on the form's fields. Returns the errors no field of the form
 * shows (e.g. a field the form does not have), so the caller can show them another way.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): FieldError[] {
  if (!isApiError(error)) return [];
  // Only registered fields appear here, so an error on an unknown field is not swallowed.
  const registered: unknown = form.getFieldsValue();
  const shown: { name: (string | number)[]; errors: string[] }[] = [];
  const unshown: FieldError[] = [];
  for (const fieldError of error.fieldErrors) {
    const name = namePathOf(fieldError.field);
    if (hasPath(registered, name)) {
      const existing = shown.find((entry) => entry.name.join('.') === name.join('.'));
      if (existing) existing.errors.push(fieldError.message);
      else shown.push({ name, errors: [fieldError.message] });
    } else unshown.push(fieldError);
  }
  form.setFields(shown);
  if (shown[0]) form.scrollToField(shown[0].name, { block: 'center' });
  return unshown;
}

/**
 * Puts the API's field errors on the form. True when the fields now say everything, so no general
 * message is needed; false for errors without fields or with fields the form does not have.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.fieldErrors.length === 0) return false;
  return applyFieldErrors(form, error).length === 0;
}
