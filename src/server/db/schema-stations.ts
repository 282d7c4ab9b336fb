/**
 * Table types of liaison stations, receptions and appointments (migration `0004_stations`), kept
 * beside `schema.ts`, whose `Database` includes them.
 */
import type { Selectable } from 'kysely';

export interface StationsTable {
  id: string;
  body_id: string;
  name: string;
  /** `home` 代表之家, `station` 联络站, `room` 联络室, `point` 联系点. */
  kind: string;
  /** `county`, `township` or `village`. */
  level: string;
  address: string;
  directions: string | null;
  opening_hours: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  photo_file_id: string | null;
  star_rating: number | null;
  demonstration: number;
  /** Stable code in the station's QR URL (`/m/s/{code}`); never personal data. */
  public_code: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StationDeputiesTable {
  station_id: string;
  deputy_id: string;
  /** Position in the rotation of reception days. */
  sort_order: number;
  created_at: string;
}

export interface StationStaffTable {
  station_id: string;
  user_id: string;
  created_at: string;
}

export interface StationBodySettingsTable {
  body_id: string;
  /** Which labels the body shows on its stations: `none`, `stars`, `demonstration` or `both`. */
  label_scheme: string;
  updated_at: string;
}

export interface DeputyPublicCodesTable {
  deputy_id: string;
  /** Stable code in the deputy's QR URL (`/m/d/{code}`). */
  code: string;
  created_at: string;
}

export interface ReceptionRulesTable {
  id: string;
  /** The station id, or `body:{bodyId}` for a body's default rule. */
  scope_key: string;
  body_id: string;
  station_id: string | null;
  /** `day_of_month` or `nth_weekday`. */
  kind: string;
  day_of_month: number | null;
  /** 1-4, or -1 for the last such weekday of the month. */
  week_number: number | null;
  /** ISO weekday, 1 = Monday. */
  weekday: number | null;
  /** `next_working_day` or `keep`. */
  rest_day_rule: string;
  start_time: string;
  end_time: string;
  deputies_per_day: number;
  slot_minutes: number;
  created_at: string;
  updated_at: string;
}

export interface ReceptionDaysTable {
  id: string;
  station_id: string;
  date: string;
  start_time: string;
  end_time: string;
  /** `rule` (generated) or `manual`. */
  source: string;
  slot_minutes: number;
  created_at: string;
}

export interface RosterDutiesTable {
  id: string;
  reception_day_id: string;
  station_id: string;
  deputy_id: string;
  date: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RosterSwapsTable {
  id: string;
  duty_id: string;
  station_id: string;
  requester_deputy_id: string;
  replacement_deputy_id: string;
  exchange_duty_id: string | null;
  reason: string;
  status: string;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A matter a citizen brought to a deputy or station: a message, a visit, a call, an appointment. */
export interface ReceptionsTable {
  id: string;
  tracking_code: string;
  channel: string;
  body_id: string;
  station_id: string | null;
  deputy_id: string | null;
  escalated_to_deputy_id: string | null;
  visitor_name: string | null;
  visitor_contact: string | null;
  /** Keyed hash of the normalised contact, for per-contact limits without scanning contacts. */
  contact_key: string | null;
  /** Keyed hash of the client address of a citizen submission, for per-address limits. */
  address_key: string | null;
  category: string;
  matter: string;
  received_on: string;
  status: string;
  outcome: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by_name: string | null;
  /** Minutes from receipt to the answer, so average response times need no date arithmetic in SQL. */
  response_minutes: number | null;
  referred_unit_id: string | null;
  referral_note: string | null;
  referral_answer: string | null;
  referral_answered_at: string | null;
  suggestion_id: string | null;
  appointment_id: string | null;
  recorded_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A citizen's booking of a slot with a deputy on a reception day (约见). */
export interface AppointmentsTable {
  id: string;
  tracking_code: string;
  body_id: string;
  station_id: string;
  deputy_id: string;
  reception_day_id: string;
  date: string;
  start_time: string;
  proposed_date: string | null;
  proposed_time: string | null;
  visitor_name: string | null;
  visitor_contact: string;
  contact_key: string;
  address_key: string | null;
  matter: string;
  status: string;
  deputy_note: string | null;
  reception_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A deputy's request to meet the head of a state organ (DBF art. 29). */
export interface AgencyAppointmentsTable {
  id: string;
  body_id: string;
  deputy_id: string;
  unit_id: string;
  official_title: string;
  official_name: string | null;
  matter: string;
  reasons: string;
  status: string;
  scheduled_on: string | null;
  scheduled_time: string | null;
  place: string | null;
  first_scheduled_on: string | null;
  postponed_count: number;
  postpone_reason: string | null;
  minutes: string | null;
  held_on: string | null;
  follow_up: string | null;
  closing_note: string | null;
  closed_at: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Timeline of receptions, appointments, agency appointments and roster swaps. */
export interface StationEventsTable {
  id: string;
  item_type: string;
  item_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

/** Something a deputy did that the duty record (DBF art. 58) counts; points are set later. */
export interface DutyActivitiesTable {
  id: string;
  deputy_id: string;
  body_id: string | null;
  kind: string;
  source_type: string;
  source_id: string;
  occurred_on: string;
  points: number | null;
  created_at: string;
}

export interface CitizenChallengesTable {
  nonce: string;
  expires_at: string;
}

export type StationRow = Selectable<StationsTable>;
export type ReceptionRuleRow = Selectable<ReceptionRulesTable>;
export type ReceptionDayRow = Selectable<ReceptionDaysTable>;
export type RosterDutyRow = Selectable<RosterDutiesTable>;
export type RosterSwapRow = Selectable<RosterSwapsTable>;
export type ReceptionRow = Selectable<ReceptionsTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;
export type AgencyAppointmentRow = Selectable<AgencyAppointmentsTable>;
export type StationEventRow = Selectable<StationEventsTable>;
export type DutyActivityRow = Selectable<DutyActivitiesTable>;

export interface StationTables {
  stations: StationsTable;
  station_deputies: StationDeputiesTable;
  station_staff: StationStaffTable;
  station_body_settings: StationBodySettingsTable;
  deputy_public_codes: DeputyPublicCodesTable;
  reception_rules: ReceptionRulesTable;
  reception_days: ReceptionDaysTable;
  roster_duties: RosterDutiesTable;
  roster_swaps: RosterSwapsTable;
  receptions: ReceptionsTable;
  appointments: AppointmentsTable;
  agency_appointments: AgencyAppointmentsTable;
  station_events: StationEventsTable;
  duty_activities: DutyActivitiesTable;
  citizen_challenges: CitizenChallengesTable;
}
