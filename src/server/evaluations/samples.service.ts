import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { forbidden, invalidField, notFound } from '../platform/errors.js';
import type { DrawSampleInput, EvaluationDetail } from '../../shared/schemas/evaluations.js';
import { samplingSchema } from '../../shared/schemas/evaluations.js';
import type { EvaluationsRepository } from './evaluations.repository.js';
import type { EvaluationsService } from './evaluations.service.js';
import { drawSample } from './sampling.js';

const subjectNoun = { zh: '被测评对象', en: 'Subject' };
const onlyStaff = () =>
  forbidden({ zh: '只有代表工委工作人员可以组织抽查。', en: 'Only office staff organise site checks.' });

/** Department reviews: which handled suggestions are checked on site, and what was found. */
export class SamplesService {
  constructor(
    private readonly db: Db,
    private readonly evaluations: EvaluationsRepository,
    private readonly reader: EvaluationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Draws the sample of a subject by the evaluation's rule, from the items given or else from
   * the suggestions assigned to the unit in the last two years. Drawing again replaces it.
   */
  async draw(actor: Actor, subjectId: string, input: DrawSampleInput): Promise<EvaluationDetail> {
    const subject = await this.evaluations.subject(subjectId);
    if (!subject) throw notFound(subjectNoun, subjectId);
    const { row, manages } = await this.reader.visible(actor, subject.evaluation_id);
    if (!manages) throw onlyStaff();
    let items = input.items;
    if (!items) {
      if (!subject.unit_id)
        throw invalidField('items', {
          zh: '被测评对象没有对应单位，请列出要抽查的事项',
          en: 'the subject has no unit; list the items to sample from',
        });
      const today = shanghaiDate(this.clock.now());
      const since = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
      items = (await this.evaluations.unitSuggestions(subject.unit_id, since)).map((s) => ({
        itemRef: s.id,
        label: s.serial_number ? `第 ${s.serial_number} 号：${s.title}` : s.title,
      }));
    }
    const unique = [...new Map(items.map((item) => [item.itemRef, item])).values()];
    const rule = samplingSchema.parse(JSON.parse(row.sampling_json));
    const drawn = drawSample(unique, rule);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.evaluations.updateSubject(subjectId, { population: unique.length }, trx);
      await this.evaluations.replaceSamples(
        subjectId,
        drawn.map((item) => ({
          id: newId(),
          subject_id: subjectId,
          item_ref: item.itemRef,
          label: item.label,
          finding: null,
          checked_at: null,
          created_at: at,
        })),
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'evaluation.sample_drawn',
        targetType: 'evaluation',
        targetId: row.id,
        bodyId: row.body_id,
        after: { subjectId, population: unique.length, drawn: drawn.map((item) => item.itemRef), rule },
      });
    });
    return this.reader.detail(actor, row.id);
  }

  /** What the site check of one sampled item found. */
  async recordFinding(actor: Actor, sampleId: string, finding: string): Promise<EvaluationDetail> {
    const sample = await this.evaluations.sample(sampleId);
    const subject = sample ? await this.evaluations.subject(sample.subject_id) : undefined;
    if (!sample || !subject) throw notFound({ zh: '抽查事项', en: 'Sampled item' }, sampleId);
    const { row, manages } = await this.reader.visible(actor, subject.evaluation_id);
    if (!manages) throw onlyStaff();
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.evaluations.recordFinding(sampleId, finding, at, trx);
      await this.audit.record(trx, {
        actor,
        action: 'evaluation.sample_checked',
        targetType: 'evaluation',
        targetId: row.id,
        bodyId: row.body_id,
        before: { finding: sample.finding },
        after: { sampleId, finding },
      });
    });
    return this.reader.detail(actor, row.id);
  }
}
