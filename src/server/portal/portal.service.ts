import { notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { RuleProfile } from '../../shared/schemas/settings.js';
import type { BodyLevel } from '../../shared/schemas/common.js';
import { ratingValueLabels } from '../../shared/schemas/handling.js';
import { suggestionStatusLabels } from '../../shared/schemas/suggestions.js';
import type {
  PublicStatus,
  PublicSuggestionDetail,
  PublicSuggestionQuery,
  PublicSuggestionSummary,
} from '../../shared/schemas/portal.js';
import { serialLabel } from '../suggestions/suggestion.views.js';
import type { PortalRepository } from './portal.repository.js';

const suggestionNoun = { zh: '建议', en: 'Suggestion' };
type Row = NonNullable<Awaited<ReturnType<PortalRepository['findPublic']>>>;
type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
type CloseReason = NonNullable<PublicSuggestionSummary['rating']>['closeReason'];

interface Parts {
  units: Awaited<ReturnType<PortalRepository['unitsOf']>>;
  outcomes: Awaited<ReturnType<PortalRepository['sentOutcomes']>>;
  ratings: Awaited<ReturnType<PortalRepository['leadRatings']>>;
}

function outcomeLabel(profile: RuleProfile, code: string): string {
  return profile.outcomeClasses.find((c) => c.code === code)?.label ?? code;
}

/**
 * The public portal: disclosed items accepted or later, their units, replies and the deputy's
 * final rating. An item not for disclosure is either absent (404, exactly as an unknown id) or
 * shown by its title alone when the body's rule profile says so.
 */
export class PortalService {
  constructor(
    private readonly portal: PortalRepository,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
  ) {}

  async list(query: PublicSuggestionQuery) {
    const profile = (await this.settings.ruleProfile(query.bodyId)).settings;
    // A filter on category, unit or status would tell whether a title-only item matches it,
    // which is more than its title: such lists leave those items out.
    const contentFilter = Boolean(query.categoryId ?? query.unitId ?? query.status);
    const { items, total } = await this.portal.list(
      {
        bodyId: query.bodyId,
        sessionId: query.sessionId,
        categoryId: query.categoryId,
        unitId: query.unitId,
        status: query.status,
        q: query.q,
        includeUndisclosed: profile.undisclosedOnPortal === 'title_only' && !contentFilter,
      },
      query.page,
      query.pageSize,
    );
    const disclosed = items.filter((r) => r.disclose === 1).map((r) => r.id);
    const [units, outcomes, ratings] = await Promise.all([
      this.portal.unitsOf(disclosed),
      this.portal.sentOutcomes(disclosed),
      this.portal.leadRatings(disclosed),
    ]);
    return {
      items: items.map((row) =>
        row.disclose === 1 ? this.summary(row, profile, { units, outcomes, ratings }) : this.titleOnly(row),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string): Promise<PublicSuggestionDetail> {
    const row = await this.portal.findPublic(id);
    if (!row) throw notFound(suggestionNoun, id);
    const profile = (await this.settings.ruleProfile(row.body_id)).settings;
    if (row.disclose !== 1) {
      // Same answer as an id that does not exist, so undisclosed ids cannot be probed.
      if (profile.undisclosedOnPortal !== 'title_only') throw notFound(suggestionNoun, id);
      return {
        ...this.titleOnly(row),
        grounds: null,
        proposals: null,
        coSignerNames: [],
        replies: [],
        acceptedAt: null,
        closedAt: null,
      };
    }
    const [units, outcomes, ratings, replies, coSignerNames] = await Promise.all([
      this.portal.unitsOf([id]),
      this.portal.sentOutcomes([id]),
      this.portal.leadRatings([id]),
      this.portal.sentReplies(id),
      this.portal.coSignerNames(id),
    ]);
    return {
      ...this.summary(row, profile, { units, outcomes, ratings }),
      grounds: row.grounds,
      proposals: row.proposals,
      coSignerNames,
      replies: replies.map((r) => ({
        unitName: r.unit_name,
        round: r.round,
        outcomeClass: r.outcome_class,
        outcomeLabel: outcomeLabel(profile, r.outcome_class),
        documentNo: r.document_no,
        body: r.body,
        sentAt: r.sent_at,
      })),
      acceptedAt: row.accepted_at,
      closedAt: row.closed_at,
    };
  }

  private titleOnly(row: Row): PublicSuggestionSummary {
    return {
      id: row.id,
      titleOnly: true,
      serialLabel: serialLabel(row),
      title: row.title,
      sessionName: null,
      leadDeputyName: null,
      categoryName: null,
      units: [],
      status: null,
      statusLabel: null,
      outcomes: [],
      rating: null,
    };
  }

  private summary(row: Row, profile: RuleProfile, parts: Parts): PublicSuggestionSummary {
    const status = row.status as PublicStatus;
    // The latest sent letter of each unit: a re-handled item shows its second reply.
    const latest = new Map<string, Parts['outcomes'][number]>();
    for (const o of parts.outcomes.filter((x) => x.suggestion_id === row.id)) latest.set(o.unit_id, o);
    return {
      id: row.id,
      titleOnly: false,
      serialLabel: serialLabel(row),
      title: row.title,
      sessionName: row.session_name,
      leadDeputyName: row.lead_deputy_name,
      categoryName: row.category_name,
      units: parts.units
        .filter((u) => u.suggestion_id === row.id)
        .map((u) => ({ unitName: u.unit_name, role: u.role as 'lead' })),
      status,
      statusLabel: suggestionStatusLabels[status].zh,
      outcomes: [...latest.values()].map((o) => ({
        unitName: o.unit_name,
        outcomeClass: o.outcome_class,
        outcomeLabel: outcomeLabel(profile, o.outcome_class),
      })),
      rating: this.rating(row, parts.ratings),
    };
  }

  /** The result once closed: the lead deputy's rating of the last round, or "no feedback". */
  private rating(row: Row, ratings: Parts['ratings']): PublicSuggestionSummary['rating'] {
    if (row.status !== 'closed' || !row.close_reason) return null;
    const closeReason = row.close_reason as CloseReason;
    const final = ratings.find((r) => r.suggestion_id === row.id && r.round === row.handling_round);
    if (closeReason === 'no_feedback' || !final)
      return { closeReason: 'no_feedback', attitude: null, result: null, label: '未反馈' };
    const result = final.result as Rating;
    return {
      closeReason,
      attitude: final.attitude as Rating,
      result,
      label: ratingValueLabels[result].zh,
    };
  }

  /** Bodies to filter by: names and levels (the structure of congresses is public). */
  async bodyList() {
    return (await this.portal.bodies()).map((b) => ({
      id: b.id,
      name: b.name,
      level: b.level as BodyLevel,
      parentId: b.parent_id,
    }));
  }

  async sessions(bodyId: string) {
    await this.bodies.require(bodyId);
    return (await this.portal.sessions(bodyId)).map((s) => ({
      id: s.id,
      name: s.name,
      number: s.number,
      termNumber: s.term_number,
      startDate: s.start_date,
    }));
  }

  async categories(bodyId: string) {
    await this.bodies.require(bodyId);
    return (await this.portal.categories(bodyId)).map((c) => ({
      id: c.id,
      name: c.name,
      parentId: c.parent_id,
    }));
  }

  async units(bodyId: string) {
    await this.bodies.require(bodyId);
    return this.portal.units(bodyId);
  }
}
