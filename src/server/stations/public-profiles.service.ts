import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import { plusDays } from '../calendar/calendar.dates.js';
import type { LabelScheme, StationKind, StationLevel } from '../../shared/schemas/stations.js';
import type {
  PublicDeputy,
  PublicDutyDay,
  PublicStation,
  PublicStationSummary,
} from '../../shared/schemas/stations-public.js';
import type { StationViewRow, StationsRepository } from './stations.repository.js';
import type { RostersRepository } from './rosters.repository.js';
import type { ImageStore } from './image-store.js';
import { publicCodeNoun } from './stations.errors.js';
import { levelsOf } from './stations.service.js';
import { weekdayOf } from './roster.rules.js';

/** How far ahead the public roster reaches. */
const rosterHorizonDays = 92;

/**
 * The public pages behind the QR codes: a deputy's profile, a station with its roster, the list of
 * stations. Only public data leaves here: names, levels, stations, duty days; never a deputy's
 * phone, email or address, and nothing of any citizen.
 */
export class PublicProfilesService {
  constructor(
    private readonly stations: StationsRepository,
    private readonly rosters: RostersRepository,
    private readonly images: ImageStore,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  private async deputyIdOf(code: string): Promise<string> {
    const id = await this.stations.deputyIdByCode(code.toUpperCase());
    if (!id) throw notFound(publicCodeNoun, code);
    return id;
  }

  private async activeStation(code: string): Promise<StationViewRow> {
    const station = await this.stations.findByCode(code.toUpperCase());
    if (!station || station.active !== 1) throw notFound(publicCodeNoun, code);
    return station;
  }

  async deputy(code: string): Promise<PublicDeputy> {
    const id = await this.deputyIdOf(code);
    const [person, seats, stationIds] = await Promise.all([
      this.stations.publicDeputy(id),
      this.stations.activeSeatsOf([id]),
      this.stations.stationIdsOfDeputy(id),
    ]);
    // A deputy whose every seat ended keeps the code, but the page is gone.
    if (!person || seats.length === 0) throw notFound(publicCodeNoun, code);
    const stations = (await this.stations.findViews(stationIds)).filter((s) => s.active === 1);
    const today = this.today();
    const duties = await this.rosters.dutiesOfDeputy(
      id,
      today,
      plusDays(today, rosterHorizonDays),
      undefined,
      6,
    );
    const days = await this.dutyDays(
      duties.map((d) => d.reception_day_id),
      new Map(duties.map((d) => [d.station_id, { code: d.station_code, name: d.station_name }])),
    );
    return {
      code: code.toUpperCase(),
      name: person.name,
      gender: person.gender === 'female' ? 'female' : 'male',
      occupation: person.occupation,
      // Highest level first (seats come ordered by body path: a parent before its children).
      seats: seats.map((s) => ({ bodyName: s.body_name, level: levelsOf([s])[0] ?? 'county' })),
      hasPhoto: person.photo_file_id !== null,
      stations: stations.map((s) => ({ code: s.public_code, name: s.name, address: s.address })),
      upcomingDuties: days,
    };
  }

  async station(code: string): Promise<PublicStation> {
    const station = await this.activeStation(code);
    const [summary] = await this.summaries([station]);
    const members = await this.stations.deputiesOf([station.id]);
    const seats = await this.stations.activeSeatsOf(members.map((m) => m.deputy_id));
    const today = this.today();
    const days = await this.rosters.daysOf(
      [station.id],
      today,
      plusDays(today, rosterHorizonDays),
      undefined,
      12,
    );
    if (!summary) throw notFound(publicCodeNoun, code);
    return {
      ...summary,
      hasPhoto: station.photo_file_id !== null,
      deputies: members
        .map((m) => ({
          code: m.code,
          name: m.name,
          levels: levelsOf(seats.filter((s) => s.deputy_id === m.deputy_id)),
        }))
        .filter((m) => m.levels.length > 0),
      roster: await this.dutyDays(
        days.map((d) => d.id),
        new Map([[station.id, { code: station.public_code, name: station.name }]]),
      ),
    };
  }

  async list(query: { page: number; pageSize: number; bodyId?: string; q?: string }) {
    const result = await this.stations.list(
      { scope: null, bodyId: query.bodyId, q: query.q, activeOnly: true },
      query.page,
      query.pageSize,
    );
    return {
      items: await this.summaries(result.items),
      total: result.total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async summaries(rows: StationViewRow[]): Promise<PublicStationSummary[]> {
    const ids = rows.map((r) => r.id);
    const [counts, next, schemes] = await Promise.all([
      this.stations.deputyCounts(ids),
      this.rosters.nextDates(ids, this.today()),
      this.stations.labelSchemes([...new Set(rows.map((r) => r.body_id))]),
    ]);
    return rows.map((row) => ({
      code: row.public_code,
      name: row.name,
      bodyName: row.body_name,
      kind: row.kind as StationKind,
      level: row.level as StationLevel,
      address: row.address,
      directions: row.directions,
      openingHours: row.opening_hours,
      contactPhone: row.contact_phone,
      labelScheme: (schemes.get(row.body_id) ?? 'none') as LabelScheme,
      starRating: row.star_rating,
      demonstration: row.demonstration === 1,
      deputyCount: counts.get(row.id) ?? 0,
      nextReceptionDay: next.get(row.id) ?? null,
    }));
  }

  /** Reception days with every deputy on duty (their public codes and names only). */
  private async dutyDays(
    dayIds: string[],
    stations: Map<string, { code: string; name: string }>,
  ): Promise<PublicDutyDay[]> {
    const unique = [...new Set(dayIds)];
    const [duties, days] = await Promise.all([
      this.rosters.dutiesOfDays(unique),
      Promise.all(unique.map((id) => this.rosters.findDay(id))),
    ]);
    return days
      .filter((d) => d !== undefined)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((day) => ({
        date: day.date,
        weekday: weekdayOf(day.date),
        startTime: day.start_time,
        endTime: day.end_time,
        stationCode: stations.get(day.station_id)?.code ?? '',
        stationName: stations.get(day.station_id)?.name ?? '',
        deputies: duties
          .filter((d) => d.reception_day_id === day.id)
          .map((d) => ({ code: d.deputy_code, name: d.deputy_name })),
      }));
  }

  async deputyPhoto(code: string) {
    const person = await this.stations.publicDeputy(await this.deputyIdOf(code));
    const opened = person?.photo_file_id
      ? this.images.open(await this.images.findFile(person.photo_file_id))
      : undefined;
    if (!opened) throw notFound({ zh: '代表照片', en: 'Deputy photo' }, code);
    return opened;
  }

  async stationPhoto(code: string) {
    const station = await this.activeStation(code);
    const opened = station.photo_file_id
      ? this.images.open(await this.images.findFile(station.photo_file_id))
      : undefined;
    if (!opened) throw notFound({ zh: '联络站照片', en: 'Station photo' }, code);
    return opened;
  }
}
