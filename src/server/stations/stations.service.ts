import type { Db } from '../db/database.js';
import type { StationRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { BodyLevel } from '../../shared/schemas/common.js';
import type {
  StaffCandidate,
  LabelScheme,
  Station,
  StationCreate,
  StationDetail,
  StationKind,
  StationLevel,
  StationQuery,
  StationUpdate,
} from '../../shared/schemas/stations.js';
import type { StationViewRow, StationsRepository } from './stations.repository.js';
import { isEmptyStationScope, stationScope, writesStation } from './stations.access.js';
import { stationErrors, stationNoun } from './stations.errors.js';
import { randomCode } from './roster.rules.js';

const levelOrder: BodyLevel[] = ['national', 'province', 'city', 'county', 'township'];

/** Whether a seat's body lies on the station body's line: the body itself, above it or below it. */
export function seatServesStation(seatBodyPath: string, stationBodyPath: string): boolean {
  return stationBodyPath.startsWith(seatBodyPath) || seatBodyPath.startsWith(stationBodyPath);
}

/** Stations (家/站/室/点), the deputies grouped into them (编组进站) and their staff. */
export class StationsService {
  constructor(
    private readonly db: Db,
    private readonly stations: StationsRepository,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Stations the actor belongs to, as deputy or as staff. */
  async ownStationIds(actor: Actor): Promise<string[]> {
    const [staff, deputy] = await Promise.all([
      this.stations.stationIdsOfStaff(actor.userId),
      actor.deputyId ? this.stations.stationIdsOfDeputy(actor.deputyId) : Promise.resolve([]),
    ]);
    return [...new Set([...staff, ...deputy])];
  }

  async list(actor: Actor, query: StationQuery) {
    const own = await this.ownStationIds(actor);
    const scope = stationScope(actor, own);
    if (isEmptyStationScope(scope)) throw stationErrors.notReader();
    const { page, pageSize, includeLower, view, ...filter } = query;
    let subtreePath: string | undefined;
    if (filter.bodyId && includeLower === 'true')
      subtreePath = (await this.bodies.require(filter.bodyId)).path;
    const result = await this.stations.list(
      { ...filter, scope, subtreePath, onlyStationIds: view === 'mine' ? own : undefined },
      page,
      pageSize,
    );
    const counts = await this.stations.deputyCounts(result.items.map((s) => s.id));
    return {
      items: result.items.map((row) => toStation(row, counts.get(row.id) ?? 0)),
      total: result.total,
      page,
      pageSize,
    };
  }

  /** A station the actor may see, else 404. */
  async visible(actor: Actor, id: string): Promise<StationViewRow> {
    const row = await this.stations.findView(id);
    if (!row) throw notFound(stationNoun, id);
    const scope = stationScope(actor, await this.ownStationIds(actor));
    const sees =
      scope.pathPrefixes.some((p) => row.body_path.startsWith(p)) ||
      scope.bodyIds.includes(row.body_id) ||
      scope.stationIds.includes(row.id);
    if (!sees) throw notFound(stationNoun, id);
    return row;
  }

  /** A visible station the actor manages, else 403. */
  async writable(actor: Actor, id: string): Promise<StationViewRow> {
    const row = await this.visible(actor, id);
    if (!writesStation(actor, row.body_path)) throw stationErrors.notWriter();
    return row;
  }

  async get(actor: Actor, id: string): Promise<StationDetail> {
    const row = await this.visible(actor, id);
    const [deputies, staff, scheme] = await Promise.all([
      this.stations.deputiesOf([id]),
      this.stations.staffOf([id]),
      this.stations.labelScheme(row.body_id),
    ]);
    const seats = await this.stations.activeSeatsOf(deputies.map((d) => d.deputy_id));
    return {
      ...toStation(row, deputies.length),
      deputies: deputies.map((d) => ({
        deputyId: d.deputy_id,
        name: d.name,
        levels: levelsOf(seats.filter((s) => s.deputy_id === d.deputy_id)),
        sortOrder: d.sort_order,
      })),
      staff: staff.map((s) => ({ userId: s.user_id, displayName: s.display_name })),
      labelScheme: (scheme ?? 'none') as LabelScheme,
      canEdit: writesStation(actor, row.body_path),
    };
  }

  async create(actor: Actor, input: StationCreate): Promise<StationDetail> {
    const body = await this.bodies.require(input.bodyId);
    if (!writesStation(actor, body.path)) throw stationErrors.notWriter();
    const at = this.clock.now().toISOString();
    const row: StationRow = {
      id: newId(),
      body_id: body.id,
      name: input.name,
      kind: input.kind,
      level: input.level,
      address: input.address,
      directions: input.directions ?? null,
      opening_hours: input.openingHours ?? null,
      contact_name: input.contactName ?? null,
      contact_phone: input.contactPhone ?? null,
      photo_file_id: null,
      star_rating: input.starRating ?? null,
      demonstration: input.demonstration ? 1 : 0,
      public_code: randomCode(8),
      active: 1,
      version: 0,
      created_at: at,
      updated_at: at,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.stations.insert(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'station.create',
        targetType: 'station',
        targetId: row.id,
        bodyId: body.id,
        after: row,
      });
    });
    return this.get(actor, row.id);
  }

  async update(actor: Actor, id: string, input: StationUpdate): Promise<StationDetail> {
    const row = await this.writable(actor, id);
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.level !== undefined ? { level: input.level } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.directions !== undefined ? { directions: input.directions } : {}),
      ...(input.openingHours !== undefined ? { opening_hours: input.openingHours } : {}),
      ...(input.contactName !== undefined ? { contact_name: input.contactName } : {}),
      ...(input.contactPhone !== undefined ? { contact_phone: input.contactPhone } : {}),
      ...(input.starRating !== undefined ? { star_rating: input.starRating } : {}),
      ...(input.demonstration !== undefined ? { demonstration: input.demonstration ? 1 : 0 } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.stations.update(id, input.version, changes, trx))) throw stationErrors.staleStation();
      await this.audit.record(trx, {
        actor,
        action: 'station.update',
        targetType: 'station',
        targetId: id,
        bodyId: row.body_id,
        before: stationAuditFields(row),
        after: changes,
      });
    });
    return this.get(actor, id);
  }

  /**
   * Groups deputies into the station in rotation order (编组进站). Deputies of every level qualify
   * when one active seat lies in the station's body, above it or below it.
   */
  async setDeputies(actor: Actor, id: string, deputyIds: string[]): Promise<StationDetail> {
    const row = await this.writable(actor, id);
    const unique = [...new Set(deputyIds)];
    const [names, seats, before] = await Promise.all([
      this.stations.deputyNames(unique),
      this.stations.activeSeatsOf(unique),
      this.stations.deputiesOf([id]),
    ]);
    for (const deputyId of unique) {
      const name = names.get(deputyId);
      if (name === undefined) throw stationErrors.unknownDeputy('deputyIds');
      if (!seats.some((s) => s.deputy_id === deputyId && seatServesStation(s.body_path, row.body_path)))
        throw stationErrors.deputyNotEligible(name);
    }
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.stations.replaceDeputies(id, unique, at, trx);
      // Every deputy in a station gets a public code, so the station's QR page can link to them.
      await this.stations.insertDeputyCodes(
        unique.map((deputyId) => ({ deputy_id: deputyId, code: randomCode(8), created_at: at })),
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'station.deputies',
        targetType: 'station',
        targetId: id,
        bodyId: row.body_id,
        before: { deputyIds: before.map((d) => d.deputy_id) },
        after: { deputyIds: unique },
      });
    });
    return this.get(actor, id);
  }

  /** The accounts that work at the station (contact person, clerks): they handle its matters. */
  /** Accounts the station's manager can make staff (office, committee, leader or collector roles nearby). */
  async staffCandidates(actor: Actor, id: string, q: string | undefined): Promise<StaffCandidate[]> {
    const row = await this.writable(actor, id);
    const rows = await this.stations.staffCandidates(row.body_path, q, 20);
    return rows.map((u) => ({ userId: u.id, username: u.username, displayName: u.display_name }));
  }

  async setStaff(actor: Actor, id: string, userIds: string[]): Promise<StationDetail> {
    const row = await this.writable(actor, id);
    const unique = [...new Set(userIds)];
    const existing = await this.stations.existingUserIds(unique);
    if (existing.length !== unique.length) throw stationErrors.unknownUser();
    const allowed = new Set(
      (await this.stations.staffCandidates(row.body_path, undefined, 10_000)).map((u) => u.id),
    );
    if (unique.some((userId) => !allowed.has(userId))) throw stationErrors.notStaffCandidate();
    const before = await this.stations.staffOf([id]);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.stations.replaceStaff(id, unique, at, trx);
      await this.audit.record(trx, {
        actor,
        action: 'station.staff',
        targetType: 'station',
        targetId: id,
        bodyId: row.body_id,
        before: { userIds: before.map((s) => s.user_id) },
        after: { userIds: unique },
      });
    });
    return this.get(actor, id);
  }
}

export function levelsOf(seats: { level: string }[]): BodyLevel[] {
  const levels = new Set(seats.map((s) => s.level as BodyLevel));
  return levelOrder.filter((level) => levels.has(level));
}

export function toStation(row: StationViewRow, deputyCount: number): Station {
  return {
    id: row.id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    name: row.name,
    kind: row.kind as StationKind,
    level: row.level as StationLevel,
    address: row.address,
    directions: row.directions,
    openingHours: row.opening_hours,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    hasPhoto: row.photo_file_id !== null,
    starRating: row.star_rating,
    demonstration: row.demonstration === 1,
    publicCode: row.public_code,
    active: row.active === 1,
    deputyCount,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function stationAuditFields(row: StationViewRow): StationRow {
  const { body_name: _name, body_path: _path, ...fields } = row;
  return fields;
}
