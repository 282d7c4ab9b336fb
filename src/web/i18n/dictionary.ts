import type { Localised } from './localised.js';
import { commonMessages } from './messages/common.js';
import { authMessages } from './messages/auth.js';
import { adminMessages } from './messages/admin.js';
import { rulesMessages } from './messages/rules.js';
import { organisationMessages } from './messages/organisation.js';
import { peopleMessages } from './messages/people.js';
import { calendarMessages } from './messages/calendar.js';
import { suggestionMessages } from './messages/suggestions.js';
import { suggestionDetailMessages } from './messages/suggestion-detail.js';
import { suggestionWorkMessages } from './messages/suggestion-work.js';
import { transferMessages } from './messages/transfer.js';
import { channelMessages } from './messages/channels.js';
import { votingMessages } from './messages/voting.js';
import { livelihoodMessages } from './messages/livelihood.js';
import { evaluationMessages } from './messages/evaluations.js';
import { stationsMessages } from './messages/stations.js';
import { citizenMessages } from './messages/citizen.js';
import { handlingMessages } from './messages/handling.js';
import { recordMessages } from './messages/records.js';
import { supervisionMessages } from './messages/supervision.js';
import { followupMessages } from './messages/followups.js';
import { portalMessages } from './messages/portal.js';
import { reportMessages } from './messages/reports.js';
import { searchMessages } from './messages/search.js';

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
  ...suggestionMessages,
  ...suggestionDetailMessages,
  ...suggestionWorkMessages,
  ...transferMessages,
  ...channelMessages,
  ...votingMessages,
  ...livelihoodMessages,
  ...evaluationMessages,
  ...stationsMessages,
  ...citizenMessages,
  ...handlingMessages,
  ...recordMessages,
  ...supervisionMessages,
  ...followupMessages,
  ...portalMessages,
  ...reportMessages,
  ...searchMessages,
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
  typeof suggestionMessages,
  typeof suggestionDetailMessages,
  typeof suggestionWorkMessages,
  typeof transferMessages,
  typeof channelMessages,
  typeof votingMessages,
  typeof livelihoodMessages,
  typeof evaluationMessages,
  typeof stationsMessages,
  typeof citizenMessages,
  typeof handlingMessages,
  typeof recordMessages,
  typeof supervisionMessages,
  typeof followupMessages,
  typeof portalMessages,
  typeof reportMessages,
  typeof searchMessages,
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
