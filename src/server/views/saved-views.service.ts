import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { conflict, notFound } from '../platform/errors.js';
import { constraintViolation } from '../db/dialect/constraint-errors.js';
import { savedViewConfigSchema } from '../../shared/schemas/saved-views.js';
import type { SavedView, SavedViewCreate } from '../../shared/schemas/saved-views.js';
import type { SavedViewRow, SavedViewsRepository } from './saved-views.repository.js';

const savedViewNoun = { zh: '列表视图', en: 'Saved view' };
// Views are a convenience: a cap keeps one account from filling the table.
const maxViewsPerList = 50;

const nameTaken = () =>
  conflict('saved_view.name_taken', {
    zh: '该列表已有同名视图，请换一个名称。',
    en: 'This list already has a view with that name.',
  });

function toView(row: SavedViewRow): SavedView {
  // Parsed again so a config stored by an older version still fits the current shape.
  const parsed = savedViewConfigSchema.safeParse(JSON.parse(row.config_json));
  return {
    id: row.id,
    listKey: row.list_key,
    name: row.name,
    config: parsed.success ? parsed.data : { columns: [], filters: {} },
    createdAt: row.created_at,
  };
}

/** Each user's own saved column layouts per list; nobody sees or deletes another's. */
export class SavedViewsService {
  constructor(
    private readonly db: Db,
    private readonly repository: SavedViewsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The actor's own views of one list, by name. */
  async list(actor: Actor, listKey: string): Promise<SavedView[]> {
    return (await this.repository.listFor(actor.userId, listKey)).map(toView);
  }

  /** Saves a view for the actor; names are unique per user and list. */
  async create(actor: Actor, input: SavedViewCreate): Promise<SavedView> {
    const row: SavedViewRow = {
      id: newId(),
      user_id: actor.userId,
      list_key: input.listKey,
      name: input.name,
      config_json: JSON.stringify(input.config),
      created_at: this.clock.now().toISOString(),
    };
    try {
      await this.db.transaction().execute(async (trx) => {
        if (await this.repository.nameTaken(actor.userId, input.listKey, input.name, trx)) throw nameTaken();
        if ((await this.repository.countFor(actor.userId, input.listKey, trx)) >= maxViewsPerList)
          throw conflict('saved_view.too_many', {
            zh: `每个列表最多保存 ${maxViewsPerList} 个视图，请先删除不用的视图。`,
            en: `At most ${maxViewsPerList} views per list; delete one first.`,
          });
        await this.repository.insert(row, trx);
        await this.audit.record(trx, {
          actor,
          action: 'saved_view.create',
          targetType: 'saved_view',
          targetId: row.id,
          after: { listKey: row.list_key, name: row.name, config: input.config },
        });
      });
    } catch (error) {
      // Two identical creates at once: the unique constraint decides, the user gets the same 409.
      if (constraintViolation(error) === 'unique') throw nameTaken();
      throw error;
    }
    return toView(row);
  }

  /** Deletes one of the actor's views; another user's id is reported as not found. */
  async remove(actor: Actor, id: string): Promise<void> {
    const row = await this.repository.findOwn(actor.userId, id);
    if (!row) throw notFound(savedViewNoun, id);
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repository.delete(actor.userId, id, trx))) throw notFound(savedViewNoun, id);
      await this.audit.record(trx, {
        actor,
        action: 'saved_view.delete',
        targetType: 'saved_view',
        targetId: id,
        before: { listKey: row.list_key, name: row.name },
      });
    });
  }
}
