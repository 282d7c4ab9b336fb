import type { Actor } from '../auth/actor.js';
import { forbidden } from '../platform/errors.js';
import type { DeputiesService } from '../deputies/deputies.service.js';
import type { StationEventsRepository } from './station-events.repository.js';

type DutyKind = 'reception' | 'message_answered' | 'appointment' | 'agency_appointment';

/** The duty activities recorded for a deputy, for the duty-record module (DBF art. 58). */
export class DutyActivitiesService {
  constructor(
    private readonly events: StationEventsRepository,
    private readonly deputies: DeputiesService,
  ) {}

  async list(actor: Actor, query: { deputyId?: string; from?: string; to?: string }) {
    const deputyId = query.deputyId ?? actor.deputyId;
    if (!deputyId)
      throw forbidden({ zh: '请指定要查看的代表。', en: 'Choose the deputy whose record to read.' });
    // Anyone but the deputy must be able to see the deputy (404 otherwise).
    if (deputyId !== actor.deputyId) await this.deputies.visible(actor, deputyId);
    const rows = await this.events.dutyActivities({ deputyIds: [deputyId], from: query.from, to: query.to });
    return rows.map((row) => ({
      id: row.id,
      deputyId: row.deputy_id,
      kind: row.kind as DutyKind,
      sourceType: row.source_type,
      sourceId: row.source_id,
      occurredOn: row.occurred_on,
      points: row.points,
    }));
  }
}
