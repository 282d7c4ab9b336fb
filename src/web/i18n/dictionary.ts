import type { Localised } from './localised.js';
import { commonMessages } from './messages/common.js';
import { authMessages } from './messages/auth.js';
import { adminMessages } from './messages/admin.js';
import { rulesMessages } from './messages/rules.js';
import { organisationMessages } from './messages/organisation.js';
import { peopleMessages } from './messages/people.js';
import { calendarMessages } from './messages/calendar.js';

/**
 * Every UI string, Chinese first. Split by area to keep files short; a new area is added to both
 * lists below. Keys are unique across areas (checked by the type at the end).
 */
export const dictionary = {
  ...commonMessages,
  ...authMessages,
  ...adminMessages,
  ...rulesMessages,
  ...organisationMessages,
  ...peopleMessages,
  ...calendarMessages,
} satisfies Record<string, Localised>;

export type MessageKey = keyof typeof dictionary;

type Areas = [
  typeof commonMessages,
  typeof authMessages,
  typeof adminMessages,
  typeof rulesMessages,
  typeof organisationMessages,
  typeof peopleMessages,
  typeof calendarMessages,
];

/** Keys present in more than one area: the spread above would silently keep only the last. */
type DuplicateKeys<T extends readonly object[], Seen extends PropertyKey = never> = T extends readonly [
  infer Head extends object,
  ...infer Rest extends readonly object[],
]
  ? (keyof Head & Seen) | DuplicateKeys<Rest, Seen | keyof Head>
  : never;

export const dictionaryHasNoDuplicateKeys: [DuplicateKeys<Areas>] extends [never]
  ? true
  : DuplicateKeys<Areas> = true;
